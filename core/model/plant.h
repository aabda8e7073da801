#pragma once
// The plant: what a plant file v1 holds, as plain data. Graph queries live in PlantGraph,
// checks in validation/, reading and writing in io/.

#include "model/kinds.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng {

/// Fields of a file object that this version does not know: key → raw JSON text.
/// Kept so that a round trip through Shuiheng never drops what another tool wrote.
using ExtraFields = std::map<std::string, std::string>;

/// A measured flow: value in the plant's flow unit, standard uncertainty in the same unit (0 = exact).
struct Measurement {
    double value = 0;
    double sigma = 0;
    ExtraFields extra;
};

struct Node {
    std::string id;
    std::string name;
    NodeKind kind = NodeKind::Unit;
    std::string parent;                 ///< id of the enclosing group; empty at site level
    std::optional<SourceOrigin> origin; ///< sources only
    std::string category;               ///< units only: cooling, boiler, process, domestic, treatment, ...
    ExtraFields extra;
};

struct Stream {
    std::string id;
    std::string from;
    std::string to;
    std::optional<StreamType> declaredType; ///< as written in the file; see PlantGraph::typeOf
    std::optional<Measurement> measurement; ///< absent: unmeasured
    ExtraFields extra;
};

/// Campaign data (contract: "Campaign data in the plant file").
enum class MeterKind { Totalizer, Flowrate };

/// How a meter's value is obtained in the field (an extension of the contract's meter).
enum class ReadingMethod { Electromagnetic, UltrasonicClampOn, Mechanical, Container, Weir, Estimate, Other };

struct Meter {
    std::string id;
    std::string stream;
    MeterKind kind = MeterKind::Totalizer;
    std::string unit;               ///< register volume unit (totalizer) or flow unit (flowrate)
    double mpe = 0;                 ///< maximum permissible error, fraction of the reading
    std::optional<double> rollover; ///< register wraps to 0 past this value (totalizer)
    double factor = 1;              ///< register multiplier (totalizer)

    // Extensions of the contract's meter (file fields of the same name; all optional).
    std::string serial;                  ///< "serial": manufacturer's serial number
    std::string qrText;                  ///< "qrText": what the meter's QR label encodes
    std::optional<ReadingMethod> method; ///< "method": electromagnetic, ultrasonic-clamp-on, ...
    std::optional<int> dn;               ///< "dn": nominal size DN (mm)
    std::string accuracyClass;           ///< "accuracyClass": e.g. "2" or "B"
    std::string calibrationDate;         ///< "calibrationDate": ISO date of the last calibration
    std::string calibrationDue;          ///< "calibrationDue": ISO date the calibration expires
    std::string certificate;             ///< "certificate": calibration certificate number
    std::optional<int> level;            ///< "level": metering level 1, 2 or 3 (GB/T 24789)
    std::string installed;               ///< "installed": ISO time the meter went in (replacement)
    std::string removed;                 ///< "removed": ISO time it came out (replacement)
    ExtraFields extra;
};

struct Reading {
    std::string meter;
    std::string time; ///< ISO 8601 with offset, as written
    double value = 0;

    // Extensions of the contract's reading (file fields of the same name; all optional).
    std::string technician; ///< "technician": who read it
    std::string device;     ///< "device": on which device it was entered
    std::string note;       ///< "note": free text, e.g. the reason for an implausible value
    std::string photo;      ///< "photo": SHA-256 (hex) of the register photo
    ExtraFields extra;
};

/// Product output over a period, for unit-product intake: Q `unit` per `per` (h, d, a, ...).
struct Production {
    double quantity = 0;
    std::string unit;
    std::string per;
    ExtraFields extra;
};

struct Plant {
    std::string name;
    std::string flowUnit = "m3/h";
    std::vector<Node> nodes;
    std::vector<Stream> streams;
    std::vector<Meter> meters;
    std::vector<Reading> readings;
    std::optional<Production> production;
    ExtraFields extra;
};

std::string_view toString(MeterKind kind);
std::optional<MeterKind> parseMeterKind(std::string_view text);
std::string_view toString(ReadingMethod method);
std::optional<ReadingMethod> parseReadingMethod(std::string_view text);

} // namespace shuiheng
