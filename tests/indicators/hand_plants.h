#pragma once
// Hand-computed plants of the indicator tests: measurements that balance exactly, so the
// reconciled flows are the measured ones and every indicator can be worked out by hand.

#include <fmt/format.h>
#include <string>

namespace shuiheng::test {

/// Plant A (m³/h). U1 process and U2 cooling in workshop G1; U3 a wastewater station (treatment);
/// U4 the living quarters (domestic, outside the quota boundary). Balances:
///   U1: S1 100 + S11 20          = S4 30 + S8 60 + S13 25 + S14 5
///   U2: S2 20 + S4 30 (+S5 1000) = S6 40 + S7 10 (+S5 1000)
///   U3: S7 10 + S8 60 + S9 8 + S16 22 = S11 20 + S12 77 + S15 3     (used share 78/100)
///   U4: S3 10                    = S9 8 + S10 2
/// S4 is unmeasured (observable from U2's balance).
inline std::string plantA(const std::string& flowUnit = "m3/h", double scale = 1.0,
                          const std::string& extraTop = "") {
    auto m = [&](double v) {
        return fmt::format(R"("measurement": {{"value": {}, "sigma": {}}})", v * scale, 0.02 * v * scale);
    };
    return fmt::format(R"({{
  "format": "shuiheng-plant", "version": 1, "name": "Plant A", "flowUnit": "{}",
  "nodes": [
    {{"id": "W1", "kind": "source", "origin": "municipal", "metered": {{"value": {}, "sigma": {}}}}},
    {{"id": "W2", "kind": "source", "origin": "reclaimed"}},
    {{"id": "G1", "kind": "group"}},
    {{"id": "U1", "kind": "unit", "parent": "G1", "category": "process"}},
    {{"id": "U2", "kind": "unit", "parent": "G1", "category": "cooling"}},
    {{"id": "U3", "kind": "unit", "category": "treatment"}},
    {{"id": "U4", "kind": "unit", "category": "domestic", "quotaBoundary": false}},
    {{"id": "D1", "kind": "discharge"}},
    {{"id": "E1", "kind": "consumption"}},
    {{"id": "L1", "kind": "loss"}}
  ],
  "streams": [
    {{"id": "S1", "from": "W1", "to": "U1", {}}},
    {{"id": "S2", "from": "W2", "to": "U2", {}}},
    {{"id": "S3", "from": "W1", "to": "U4", {}}},
    {{"id": "S4", "from": "U1", "to": "U2"}},
    {{"id": "S5", "from": "U2", "to": "U2", {}}},
    {{"id": "S6", "from": "U2", "to": "E1", {}}},
    {{"id": "S7", "from": "U2", "to": "U3", {}}},
    {{"id": "S8", "from": "U1", "to": "U3", {}}},
    {{"id": "S9", "from": "U4", "to": "U3", {}}},
    {{"id": "S10", "from": "U4", "to": "E1", {}}},
    {{"id": "S11", "from": "U3", "to": "U1", {}}},
    {{"id": "S12", "from": "U3", "to": "D1", {}}},
    {{"id": "S13", "from": "U1", "to": "E1", {}}},
    {{"id": "S14", "from": "U1", "to": "L1", {}}},
    {{"id": "S15", "from": "U3", "to": "E1", {}}},
    {{"id": "S16", "from": "W1", "to": "U3", {}}}
  ],
  "production": {{"quantity": 2400, "unit": "t", "per": "d", "product": "产品", "staff": 2000,
                 "valueAdded": {{"amount": 87600, "per": "a"}}}}{}
}})",
                       flowUnit, 140 * scale, 1.4 * scale, m(100), m(20), m(10), m(1000), m(40), m(10), m(60),
                       m(8), m(2), m(20), m(77), m(25), m(5), m(3), m(22), extraTop);
}

/// Plant B: a boiler with steam and condensate, and two treatment units in a chain.
///   U1 boiler: S1 12 + S3 8 (condensate, recycle) = S2 10 (steam) + S5 10 (blowdown to T1)
///   U2 user:   S2 10 = S3 8 + S4 2
///   T1: S5 10 (used) + S6 10 (fresh) = S7 20          share 0.5
///   T2: S7 20 (share 0.5) + S8 5 (fresh) = S9 15 + S10 10    share 10/25 = 0.4
///   U3 process: S9 15 = S11 15
inline const std::string plantB = R"({
  "format": "shuiheng-plant", "version": 1, "name": "Plant B", "flowUnit": "t/h",
  "nodes": [
    {"id": "W1", "kind": "source", "origin": "groundwater"},
    {"id": "U1", "kind": "unit", "category": "boiler"},
    {"id": "U2", "kind": "unit", "category": "process"},
    {"id": "T1", "kind": "unit", "category": "treatment"},
    {"id": "T2", "kind": "unit", "category": "treatment"},
    {"id": "U3", "kind": "unit", "category": "process"},
    {"id": "D1", "kind": "discharge"},
    {"id": "E1", "kind": "consumption"}
  ],
  "streams": [
    {"id": "S1", "from": "W1", "to": "U1", "measurement": {"value": 12, "sigma": 0.2}},
    {"id": "S2", "from": "U1", "to": "U2", "medium": "steam", "measurement": {"value": 10, "sigma": 0.3}},
    {"id": "S3", "from": "U2", "to": "U1", "type": "recycle", "medium": "condensate",
     "measurement": {"value": 8, "sigma": 0.2}},
    {"id": "S4", "from": "U2", "to": "E1", "measurement": {"value": 2, "sigma": 0.1}},
    {"id": "S5", "from": "U1", "to": "T1", "measurement": {"value": 10, "sigma": 0.3}},
    {"id": "S6", "from": "W1", "to": "T1", "measurement": {"value": 10, "sigma": 0.2}},
    {"id": "S7", "from": "T1", "to": "T2", "measurement": {"value": 20, "sigma": 0.4}},
    {"id": "S8", "from": "W1", "to": "T2", "measurement": {"value": 5, "sigma": 0.1}},
    {"id": "S9", "from": "T2", "to": "U3", "measurement": {"value": 15, "sigma": 0.3}},
    {"id": "S10", "from": "T2", "to": "D1", "measurement": {"value": 10, "sigma": 0.3}},
    {"id": "S11", "from": "U3", "to": "E1"}
  ]
})";

/// Plant C: unit U2's two outflows to sinks are unmeasured, so neither can be known.
inline const std::string plantC = R"({
  "format": "shuiheng-plant", "version": 1, "name": "Plant C", "flowUnit": "m3/h",
  "nodes": [
    {"id": "W1", "kind": "source"},
    {"id": "U1", "kind": "unit"}, {"id": "U2", "kind": "unit"},
    {"id": "D1", "kind": "discharge"}, {"id": "E1", "kind": "consumption"}
  ],
  "streams": [
    {"id": "S1", "from": "W1", "to": "U1", "measurement": {"value": 10, "sigma": 0.2}},
    {"id": "S2", "from": "U1", "to": "U2", "measurement": {"value": 10, "sigma": 0.2}},
    {"id": "S3", "from": "U2", "to": "D1"},
    {"id": "S4", "from": "U2", "to": "E1"},
    {"id": "S5", "from": "U1", "to": "U1", "measurement": {"value": 50, "sigma": 1}}
  ]
})";

} // namespace shuiheng::test
