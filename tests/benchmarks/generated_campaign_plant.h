#pragma once
// The plant the app's benchmarks open (bench_app, bench_live_balance): a campaign plant of a given
// size, the same on every machine (fixed seed).

#include "model/plant.h"

#include <random>
#include <string>

/// A plant of `streamCount` streams: workshops (groups) of cascaded units fed from two sources,
/// each unit with a circulation loop and a discharge, every other stream metered by a totalizer read
/// twice a day for three days.
inline shuiheng::Plant generatedCampaignPlant(int streamCount) {
    using namespace shuiheng;
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> flow(5, 50);
    Plant plant;
    plant.name = "benchmark plant";
    plant.flowUnit = "m3/h";
    plant.nodes.push_back({"W1", "municipal", NodeKind::Source, "", SourceOrigin::Municipal, "", {}});
    plant.nodes.push_back({"W2", "well", NodeKind::Source, "", SourceOrigin::Groundwater, "", {}});
    plant.nodes.push_back({"D", "sewer", NodeKind::Discharge, "", std::nullopt, "", {}});
    plant.nodes.push_back({"E", "evaporation", NodeKind::Consumption, "", std::nullopt, "", {}});
    int units = 0;
    auto addStream = [&](const std::string& from, const std::string& to) {
        Stream s;
        s.id = "S" + std::to_string(plant.streams.size() + 1);
        s.from = from;
        s.to = to;
        plant.streams.push_back(s);
    };
    while (int(plant.streams.size()) < streamCount) {
        const int group = units / 6;
        const std::string groupId = "G" + std::to_string(group);
        if (units % 6 == 0)
            plant.nodes.push_back(
                {groupId, "workshop " + std::to_string(group), NodeKind::Group, "", std::nullopt, "", {}});
        const std::string unit = "U" + std::to_string(units);
        plant.nodes.push_back({unit,
                               "unit " + std::to_string(units),
                               NodeKind::Unit,
                               groupId,
                               std::nullopt,
                               units % 3 == 0 ? "cooling" : "process",
                               {}});
        addStream(units % 2 ? "W1" : "W2", unit); // intake
        addStream(unit, unit);                    // circulation
        plant.streams.back().declaredType = StreamType::Recycle;
        addStream(unit, units % 3 == 0 ? "E" : "D"); // out
        if (units % 6 != 0)                          // cascade from the previous unit
            addStream("U" + std::to_string(units - 1), unit);
        ++units;
    }
    // Totalizers on every other stream, read at 08:00 and 20:00 for three days.
    for (std::size_t i = 0; i < plant.streams.size(); i += 2) {
        Meter m;
        m.id = "M" + std::to_string(i + 1);
        m.stream = plant.streams[i].id;
        m.unit = "m3";
        m.mpe = 0.02;
        m.calibrationDue = "2027-06-30";
        plant.meters.push_back(m);
        double register_ = 1000 * flow(rng);
        const double q = flow(rng);
        for (int k = 0; k < 6; ++k) {
            const int day = 1 + k / 2;
            const std::string time =
                "2026-06-0" + std::to_string(day) + (k % 2 ? "T20:00:00+08:00" : "T08:00:00+08:00");
            plant.readings.push_back({m.id, time, register_, "", "", "", "", {}});
            register_ += 12 * q * (1 + 0.01 * (flow(rng) - 27.5) / 22.5);
        }
    }
    return plant;
}
