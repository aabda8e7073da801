// Invalid plant files: each names its problem (subject, field, message) and nothing else; every
// problem of a file is reported at once. Valid files give no error.

#include "io/plant_file.h"
#include "test_support.h"
#include "validation/validate_plant.h"

#include <QtTest>

using namespace shuiheng;
using shuiheng::test::errorCount;
using shuiheng::test::listing;
using shuiheng::test::loadText;

namespace {

// A small valid plant: W source, G group holding U1 and U2, sinks D, E, L.
// Node indices: W 0, G 1, U1 2, U2 3, D 4, E 5, L 6; an added node is nodes[7].
const QByteArray baseNodes = R"(
    {"id": "W", "name": "地下水", "kind": "source", "origin": "groundwater"},
    {"id": "G", "name": "一车间", "kind": "group"},
    {"id": "U1", "name": "工艺", "kind": "unit", "parent": "G", "category": "process"},
    {"id": "U2", "name": "循环水", "kind": "unit", "parent": "G", "category": "cooling"},
    {"id": "D", "name": "污水管网", "kind": "discharge"},
    {"id": "E", "name": "蒸发", "kind": "consumption"},
    {"id": "L", "name": "漏失", "kind": "loss"})";

// Stream indices: S1 0 ... S6 5; an added stream is streams[6].
const QByteArray baseStreams = R"(
    {"id": "S1", "from": "W", "to": "U1", "measurement": {"value": 10, "sigma": 0.2}},
    {"id": "S2", "from": "U1", "to": "U2"},
    {"id": "S3", "from": "U2", "to": "U2", "type": "recycle", "measurement": {"value": 500, "sigma": 10}},
    {"id": "S4", "from": "U2", "to": "D", "measurement": {"value": 6, "sigma": 0.2}},
    {"id": "S5", "from": "U2", "to": "E"},
    {"id": "S6", "from": "U1", "to": "L", "measurement": {"value": 0.5, "sigma": 0.1}})";

const QByteArray flowMeter =
    R"({"id": "M1", "stream": "S2", "kind": "flowrate", "unit": "m3/h", "mpe": 0.02})";

/// A plant file with the given node and stream lists; `more` adds top-level members (", ..." form).
QByteArray plant(const QByteArray& nodes, const QByteArray& streams, const QByteArray& more = {}) {
    return R"({"format": "shuiheng-plant", "version": 1, "name": "测试厂", "flowUnit": "m3/h",
  "nodes": [)" +
           nodes + "],\n  \"streams\": [" + streams + "]" + more + "}\n";
}

/// The flowrate meter M1 on S2 with more fields (", "-joined JSON members).
QByteArray meterWith(const QByteArray& fields) {
    return ", \"meters\": [" + QByteArray(flowMeter).replace("\"mpe\": 0.02", "\"mpe\": 0.02, " + fields) +
           "]";
}

/// M1 with one reading that has more fields.
QByteArray readingWith(const QByteArray& fields) {
    return ", \"meters\": [" + flowMeter +
           "], \"readings\": [{\"meter\": \"M1\", \"time\": \"2026-06-01T08:00:00Z\", \"value\": 5, " +
           fields + "}]";
}

QByteArray withNode(const QByteArray& node) {
    return plant(baseNodes + ",\n    " + node, baseStreams);
}
QByteArray withStream(const QByteArray& stream) {
    return plant(baseNodes, baseStreams + ",\n    " + stream);
}
QByteArray withMore(const QByteArray& more) {
    return plant(baseNodes, baseStreams, more);
}
/// `text` with `what` replaced by `by`; fails the test data if `what` does not occur.
QByteArray edited(QByteArray text, const QByteArray& what, const QByteArray& by) {
    if (!text.contains(what))
        qFatal("test data: '%s' not found", what.constData());
    return text.replace(what, by);
}
QByteArray nodesEdited(const QByteArray& what, const QByteArray& by) {
    return plant(edited(baseNodes, what, by), baseStreams);
}
QByteArray streamsEdited(const QByteArray& what, const QByteArray& by) {
    return plant(baseNodes, edited(baseStreams, what, by));
}

const Diagnostic* findError(const Diagnostics& diagnostics, const QString& location, const QString& subject,
                            const QString& field, const QString& message) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error && QString::fromStdString(d.location) == location &&
            QString::fromStdString(d.subject) == subject && QString::fromStdString(d.field) == field &&
            QString::fromStdString(d.message).contains(message))
            return &d;
    return nullptr;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void baseIsValid() {
        const PlantFileResult result = loadText(plant(baseNodes, baseStreams));
        QVERIFY2(result.ok(), listing(result.diagnostics));
        QVERIFY2(result.diagnostics.empty(), listing(result.diagnostics));
    }

    void samplesAreValid_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("sample plant") << SHUIHENG_DATA_DIR "/plants/sample-plant.json";
        QTest::newRow("sample campaign") << SHUIHENG_DATA_DIR "/plants/sample-campaign.json";
        QTest::newRow("contract example") << SHUIHENG_TEST_DATA_DIR "/contract-example.json";
        QTest::newRow("extended plant") << SHUIHENG_TEST_DATA_DIR "/extended-plant.json";
    }
    void samplesAreValid() {
        QFETCH(QString, path);
        const PlantFileResult result = loadPlantFile(path.toStdString());
        QVERIFY2(result.ok(), listing(result.diagnostics));
        for (const Diagnostic& d : result.diagnostics)
            QVERIFY2(d.severity == Severity::Note, listing(result.diagnostics));
    }

    void invalid_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("errors"); // all errors the file gives: no echo of the same problem

        auto row = [](const char* name, const QByteArray& json, const char* location, const char* subject,
                      const char* field, const char* message, int errors = 1) {
            QTest::newRow(name) << json << location << subject << field << message << errors;
        };

        // References between nodes and streams
        row("unknown node in from", withStream(R"({"id": "S9", "from": "X", "to": "U1"})"), "streams[6]",
            "stream S9", "from", "unknown node 'X'");
        row("unknown node in to", withStream(R"({"id": "S9", "from": "U1", "to": "Y"})"), "streams[6]",
            "stream S9", "to", "unknown node 'Y'");
        row("missing from", withStream(R"({"id": "S9", "to": "U1"})"), "streams[6]", "stream S9", "from",
            "is missing");
        row("empty to", withStream(R"({"id": "S9", "from": "U1", "to": ""})"), "streams[6]", "stream S9",
            "to", "missing node id");

        // Ids
        row("duplicate node id", withNode(R"({"id": "U1", "kind": "unit"})"), "nodes[7]", "node U1", "id",
            "duplicate id: nodes[2]");
        row("duplicate stream id", withStream(R"({"id": "S2", "from": "U1", "to": "D"})"), "streams[6]",
            "stream S2", "id", "duplicate id: streams[1]");
        row("empty node id", withNode(R"({"id": "", "kind": "discharge"})"), "nodes[7]", "", "id",
            "has no id");
        row("missing node id", withNode(R"({"name": "无名", "kind": "discharge"})"), "nodes[7]", "", "id",
            "is missing");
        row("empty stream id", withStream(R"({"id": "", "from": "U1", "to": "D"})"), "streams[6]", "", "id",
            "has no id");

        // Numbers
        row("negative sigma", streamsEdited(R"("value": 10, "sigma": 0.2)", R"("value": 10, "sigma": -0.2)"),
            "streams[0]", "stream S1", "measurement.sigma", "must not be negative, got -0.2");
        row("negative value", streamsEdited(R"("value": 6, "sigma": 0.2)", R"("value": -6, "sigma": 0.2)"),
            "streams[3]", "stream S4", "measurement.value", "must not be negative, got -6");
        row("value 1e999", streamsEdited(R"("value": 10, "sigma": 0.2)", R"("value": 1e999, "sigma": 0.2)"),
            "streams[0]", "stream S1", "measurement.value", "must be a finite number; 1e999 is too large");
        row("sigma -1e400", streamsEdited(R"("value": 6, "sigma": 0.2)", R"("value": 6, "sigma": -1E+400)"),
            "streams[3]", "stream S4", "measurement.sigma", "must be a finite number; -1E+400");
        row("400-digit integer",
            streamsEdited(R"("value": 500, "sigma": 10)",
                          R"("value": 1)" + QByteArray(400, '0') + ", \"sigma\": 10"),
            "streams[2]", "stream S3", "measurement.value", "must be a finite number; 1000");
        row("1e999 in an unknown field",
            nodesEdited(R"("kind": "loss")", R"("kind": "loss", "depth": [1, 1e999])"), "nodes[6]", "node L",
            "depth[1]", "must be a finite number");
        row("string where a number belongs",
            streamsEdited(R"("value": 10, "sigma": 0.2)", R"("value": "10", "sigma": 0.2)"), "streams[0]",
            "stream S1", "measurement.value", "must be a number, got a string");
        row("null where a number belongs",
            streamsEdited(R"("value": 10, "sigma": 0.2)", R"("value": 10, "sigma": null)"), "streams[0]",
            "stream S1", "measurement.sigma", "must be a number, got null");
        row("number where a string belongs",
            streamsEdited(R"("from": "U1", "to": "U2")", R"("from": 1, "to": "U2")"), "streams[1]",
            "stream S2", "from", "must be a string, got a number");
        row("object where a string belongs", nodesEdited(R"("name": "工艺")", R"("name": {"zh": "工艺"})"),
            "nodes[2]", "node U1", "name", "must be a string, got an object");
        row("measurement not an object",
            streamsEdited(R"("measurement": {"value": 6, "sigma": 0.2})", R"("measurement": [6, 0.2])"),
            "streams[3]", "stream S4", "measurement", "must be an object, got a list");
        row("node not an object", withNode("42"), "nodes[7]", "", "", "must be an object, got a number");

        // Units must be fed and drained by something else than their own circulation
        row("unit with no inflow",
            withNode(R"({"id": "U3", "kind": "unit"})")
                .replace("\"streams\": [",
                         "\"streams\": [{\"id\": \"S9\", \"from\": \"U3\", \"to\": \"D\"},"),
            "nodes[7]", "node U3", "", "the unit has no inflow");
        row("unit with no outflow",
            streamsEdited(R"({"id": "S4", "from": "U2", "to": "D", "measurement": {"value": 6, "sigma": 0.2}},
    {"id": "S5", "from": "U2", "to": "E"},)",
                          ""),
            "nodes[3]", "node U2", "", "the unit has no outflow");
        row("unit with only a self-loop",
            withNode(R"({"id": "U3", "kind": "unit"})")
                .replace("\"streams\": [",
                         "\"streams\": [{\"id\": \"S9\", \"from\": \"U3\", \"to\": \"U3\"},"),
            "nodes[7]", "node U3", "", "circulation alone does not feed it", 2);

        // Stream ends
        row("stream between two boundary nodes", withStream(R"({"id": "S9", "from": "W", "to": "D"})"),
            "streams[6]", "stream S9", "", "joins two boundary nodes (source 'W' → discharge 'D')");
        row("stream touching a group", withStream(R"({"id": "S9", "from": "U1", "to": "G"})"), "streams[6]",
            "stream S9", "to", "'G' is a group");
        row("stream into a source", withStream(R"({"id": "S9", "from": "U2", "to": "W"})"), "streams[6]",
            "stream S9", "to", "'W' is a source");
        row("stream out of a sink", withStream(R"({"id": "S9", "from": "E", "to": "U1"})"), "streams[6]",
            "stream S9", "from", "'E' is a consumption node");

        // Stream types
        row("declared type inconsistent",
            streamsEdited(R"("from": "W", "to": "U1")", R"("from": "W", "to": "U1", "type": "discharge")"),
            "streams[0]", "stream S1", "type", "declared 'discharge' but its ends make it 'intake'");
        row("self-loop declared cascade", streamsEdited(R"("type": "recycle")", R"("type": "cascade")"),
            "streams[2]", "stream S3", "type", "its ends make it 'recycle'");
        row("recycle touching the boundary",
            streamsEdited(R"("from": "U2", "to": "E")", R"("from": "U2", "to": "E", "type": "recycle")"),
            "streams[4]", "stream S5", "type", "touches the boundary");
        row("unknown stream type", streamsEdited(R"("type": "recycle")", R"("type": "recyle")"), "streams[2]",
            "stream S3", "type", "unknown value 'recyle'");

        // Hierarchy
        row("parent unknown",
            nodesEdited(R"("parent": "G", "category": "process")",
                        R"("parent": "G9", "category": "process")"),
            "nodes[2]", "node U1", "parent", "unknown node 'G9'");
        row("parent not a group",
            nodesEdited(R"("parent": "G", "category": "process")",
                        R"("parent": "U2", "category": "process")"),
            "nodes[2]", "node U1", "parent", "'U2' is a unit, not a group");
        row("parent cycle",
            plant(
                edited(
                    baseNodes, R"({"id": "G", "name": "一车间", "kind": "group"})",
                    R"({"id": "G", "kind": "group", "parent": "H"}, {"id": "H", "kind": "group", "parent": "G"})"),
                baseStreams),
            "nodes[1]", "node G", "parent", "groups nest in a cycle", 2); // G and H, not the units below
        row("source with parent", nodesEdited(R"("kind": "source")", R"("kind": "source", "parent": "G")"),
            "nodes[0]", "node W", "parent", "only units and groups belong to a group; this is a source");

        // Vocabularies
        row("unknown kind", nodesEdited(R"("kind": "discharge")", R"("kind": "dischage")"), "nodes[4]",
            "node D", "kind", "unknown value 'dischage' (allowed: source, unit, group");
        row("unknown kind of a source with origin", nodesEdited(R"("kind": "source")", R"("kind": "sourse")"),
            "nodes[0]", "node W", "kind", "unknown value 'sourse'");
        row("unknown origin", nodesEdited(R"("origin": "groundwater")", R"("origin": "sea")"), "nodes[0]",
            "node W", "origin", "unknown value 'sea'");
        row("unknown flowUnit", edited(plant(baseNodes, baseStreams), R"("m3/h")", R"("m³/h")"), "plant", "",
            "flowUnit", "unknown flow unit 'm³/h'");
        row("missing flowUnit", edited(plant(baseNodes, baseStreams), R"("flowUnit": "m3/h",)", ""), "plant",
            "", "flowUnit", "is missing");

        // The file as a whole
        row("wrong format", edited(plant(baseNodes, baseStreams), "shuiheng-plant", "shuiheng-plan"), "plant",
            "", "format", "is 'shuiheng-plan', expected 'shuiheng-plant'");
        row("wrong version", edited(plant(baseNodes, baseStreams), R"("version": 1)", R"("version": 2)"),
            "plant", "", "version", "version 2 is not supported");
        row("version 1e999", edited(plant(baseNodes, baseStreams), R"("version": 1)", R"("version": 1e999)"),
            "plant", "", "version", "must be a finite number");
        row("version as a string",
            edited(plant(baseNodes, baseStreams), R"("version": 1)", R"("version": "1")"), "plant", "",
            "version", "must be a number, got a string");
        row("missing nodes",
            R"({"format": "shuiheng-plant", "version": 1, "name": "x", "flowUnit": "m3/h", "streams": []})",
            "plant", "", "nodes", "is missing");
        row("nodes not a list",
            R"({"format": "shuiheng-plant", "version": 1, "name": "x", "flowUnit": "m3/h", "nodes": {}, "streams": []})",
            "plant", "", "nodes", "must be a list, got an object");
        row("empty nodes",
            R"({"format": "shuiheng-plant", "version": 1, "name": "x", "flowUnit": "m3/h", "nodes": [], "streams": []})",
            "plant", "", "nodes", "the plant has no nodes");
        row("missing streams", edited(plant(baseNodes, baseStreams), "\"streams\"", "\"stream\""), "plant",
            "", "streams", "is missing", 5); // and so U1 and U2 have no inflow and no outflow

        // Campaign data
        row("meter on unknown stream",
            withMore(
                R"(, "meters": [{"id": "M1", "stream": "S99", "kind": "flowrate", "unit": "m3/h", "mpe": 0.02}])"),
            "meters[0]", "meter M1", "stream", "unknown stream 'S99'");
        row("meter and measurement on one stream",
            withMore(
                R"(, "meters": [{"id": "M1", "stream": "S1", "kind": "flowrate", "unit": "m3/h", "mpe": 0.02}])"),
            "meters[0]", "meter M1", "stream", "stream 'S1' has a measurement and a meter");
        row("meter with unknown unit",
            withMore(
                R"(, "meters": [{"id": "M1", "stream": "S2", "kind": "totalizer", "unit": "m3/h", "mpe": 0.02}])"),
            "meters[0]", "meter M1", "unit", "unknown volume unit 'm3/h'");
        row("meter mpe of 2",
            withMore(
                R"(, "meters": [{"id": "M1", "stream": "S2", "kind": "flowrate", "unit": "m3/h", "mpe": 2}])"),
            "meters[0]", "meter M1", "mpe", "must be a fraction in [0, 1), got 2");
        row("unknown meter kind",
            withMore(
                R"(, "meters": [{"id": "M1", "stream": "S2", "kind": "ultrasonic", "unit": "m3/h", "mpe": 0.02}])"),
            "meters[0]", "meter M1", "kind", "unknown value 'ultrasonic'");
        row("reading of unknown meter",
            withMore(", \"meters\": [" + flowMeter +
                     R"(], "readings": [{"meter": "M2", "time": "2026-06-01T08:00:00+08:00", "value": 5}])"),
            "readings[0]", "reading of meter M2", "meter", "unknown meter 'M2'");
        row("reading on 30 February",
            withMore(", \"meters\": [" + flowMeter +
                     R"(], "readings": [{"meter": "M1", "time": "2026-02-30T08:00:00+08:00", "value": 5}])"),
            "readings[0]", "reading of meter M1", "time",
            "'2026-02-30T08:00:00+08:00' is not an ISO 8601 time");
        row("reading time without offset",
            withMore(", \"meters\": [" + flowMeter +
                     R"(], "readings": [{"meter": "M1", "time": "2026-06-01T08:00:00", "value": 5}])"),
            "readings[0]", "reading of meter M1", "time", "is not an ISO 8601 time with offset");
        row("negative reading",
            withMore(", \"meters\": [" + flowMeter +
                     R"(], "readings": [{"meter": "M1", "time": "2026-06-01T08:00:00Z", "value": -5}])"),
            "readings[0]", "reading of meter M1", "value", "must not be negative");

        // Campaign data: the meter's record and the reading's evidence
        row("meter dn 0", withMore(meterWith(R"("dn": 0)")), "meters[0]", "meter M1", "dn",
            "the nominal size must be a positive number of millimetres, got 0");
        row("meter dn a fraction", withMore(meterWith(R"("dn": 32.5)")), "meters[0]", "meter M1", "dn",
            "must be a whole number, got 32.5");
        row("meter level 4", withMore(meterWith(R"("level": 4)")), "meters[0]", "meter M1", "level",
            "metering levels are 1 (site), 2 (workshop) and 3 (equipment), got 4");
        row("meter level 0", withMore(meterWith(R"("level": 0)")), "meters[0]", "meter M1", "level", "got 0");
        row("meter method misspelt", withMore(meterWith(R"("method": "electro-magnetic")")), "meters[0]",
            "meter M1", "method", "unknown value 'electro-magnetic' (allowed: electromagnetic,");
        row("calibration date with slashes", withMore(meterWith(R"("calibrationDate": "2025/09/15")")),
            "meters[0]", "meter M1", "calibrationDate", "'2025/09/15' is not a date YYYY-MM-DD");
        row("calibration date with a time",
            withMore(meterWith(R"("calibrationDate": "2025-09-15T00:00:00+08:00")")), "meters[0]", "meter M1",
            "calibrationDate", "is not a date YYYY-MM-DD");
        row("calibration due on 31 June", withMore(meterWith(R"("calibrationDue": "2026-06-31")")),
            "meters[0]", "meter M1", "calibrationDue", "'2026-06-31' is not a date");
        row("calibration due before it was made",
            withMore(meterWith(R"("calibrationDate": "2025-09-15", "calibrationDue": "2025-09-14")")),
            "meters[0]", "meter M1", "calibrationDue",
            "the calibration expires (2025-09-14) before it was made (2025-09-15)");
        row("installed without offset", withMore(meterWith(R"("installed": "2026-06-01T08:00:00")")),
            "meters[0]", "meter M1", "installed",
            "'2026-06-01T08:00:00' is not an ISO 8601 time with offset");
        row("removed not a time", withMore(meterWith(R"("removed": "June 2")")), "meters[0]", "meter M1",
            "removed", "'June 2' is not an ISO 8601 time");
        row("removed before installed",
            withMore(meterWith(
                R"("installed": "2026-06-02T15:00:00+08:00", "removed": "2026-06-02T14:00:00+08:00")")),
            "meters[0]", "meter M1", "removed",
            "the meter comes out (2026-06-02T14:00:00+08:00) before it goes in (2026-06-02T15:00:00+08:00)");
        row("removed when installed",
            withMore(
                meterWith(R"("installed": "2026-06-02T07:00:00Z", "removed": "2026-06-02T15:00:00+08:00")")),
            "meters[0]", "meter M1", "removed", "when it goes in");
        row("photo a file name", withMore(readingWith(R"("photo": "IMG_2041.jpg")")), "readings[0]",
            "reading of meter M1", "photo",
            "must be the SHA-256 of the photo in 64 hexadecimal digits, got 'IMG_2041.jpg'");
        row("photo one digit short", withMore(readingWith("\"photo\": \"" + QByteArray(63, 'e') + "\"")),
            "readings[0]", "reading of meter M1", "photo", "64 hexadecimal digits");
        row("photo not hexadecimal", withMore(readingWith("\"photo\": \"" + QByteArray(63, 'e') + "g\"")),
            "readings[0]", "reading of meter M1", "photo", "64 hexadecimal digits");

        // Production
        row("production quantity 0", withMore(R"(, "production": {"quantity": 0, "unit": "t", "per": "d"})"),
            "production", "", "quantity", "must be a positive number, got 0");
        row("production quantity negative",
            withMore(R"(, "production": {"quantity": -3, "unit": "t", "per": "d"})"), "production", "",
            "quantity", "must be a positive number, got -3");
        row("production quantity missing", withMore(R"(, "production": {"unit": "t", "per": "d"})"),
            "production", "", "quantity", "is missing");
        row("production period unknown",
            withMore(R"(, "production": {"quantity": 1200, "unit": "t", "per": "day"})"), "production", "",
            "per", "unknown period 'day'");
    }

    void invalid() {
        QFETCH(QByteArray, json);
        QFETCH(QString, location);
        QFETCH(QString, subject);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QFETCH(int, errors);
        const PlantFileResult result = loadText(json);
        QVERIFY2(!result.ok(), "accepted");
        QVERIFY2(findError(result.diagnostics, location, subject, field, message),
                 "expected error not among:" + listing(result.diagnostics));
        QVERIFY2(errorCount(result.diagnostics) == errors,
                 QByteArray::number(errorCount(result.diagnostics)) +
                     " errors:" + listing(result.diagnostics));
    }

    // Five independent mistakes in one file: five errors, each naming its own place.
    void allProblemsAtOnce() {
        QByteArray nodes = edited(baseNodes, R"("origin": "groundwater")", R"("origin": "sea")");
        nodes = edited(nodes, R"("parent": "G", "category": "process")",
                       R"("parent": "G9", "category": "process")");
        QByteArray streams =
            edited(baseStreams, R"("value": 10, "sigma": 0.2)", R"("value": 10, "sigma": -0.2)");
        streams = edited(streams, R"({"id": "S5", "from": "U2", "to": "E"})",
                         R"({"id": "S5", "from": "U2", "to": "X"})");
        const QByteArray more = R"(, "production": {"quantity": 0, "unit": "t", "per": "d"})";
        const PlantFileResult result = loadText(plant(nodes, streams, more));
        QVERIFY2(errorCount(result.diagnostics) == 5, listing(result.diagnostics));
        QVERIFY(findError(result.diagnostics, "nodes[0]", "node W", "origin", "unknown value 'sea'"));
        QVERIFY(findError(result.diagnostics, "nodes[2]", "node U1", "parent", "unknown node 'G9'"));
        QVERIFY(findError(result.diagnostics, "streams[0]", "stream S1", "measurement.sigma", "negative"));
        QVERIFY(findError(result.diagnostics, "streams[4]", "stream S5", "to", "unknown node 'X'"));
        QVERIFY(findError(result.diagnostics, "production", "", "quantity", "positive"));
    }

    // Structure errors and the semantic errors after them both come out of one load.
    void structuralAndSemanticTogether() {
        QByteArray streams =
            edited(baseStreams, R"("value": 6, "sigma": 0.2)", R"("value": "6", "sigma": 0.2)");
        streams += R"(, {"id": "S9", "from": "W", "to": "D"})";
        const PlantFileResult result = loadText(plant(baseNodes, streams));
        QVERIFY2(errorCount(result.diagnostics) == 2, listing(result.diagnostics));
        QVERIFY(
            findError(result.diagnostics, "streams[3]", "stream S4", "measurement.value", "got a string"));
        QVERIFY(findError(result.diagnostics, "streams[6]", "stream S9", "", "two boundary nodes"));
    }

    void warnings() {
        const PlantFileResult noName =
            loadText(edited(plant(baseNodes, baseStreams), R"("name": "测试厂",)", ""));
        QVERIFY2(noName.ok(), listing(noName.diagnostics));
        QCOMPARE(noName.diagnostics.size(), std::size_t(1));
        QCOMPARE(shuiheng::test::name(noName.diagnostics[0].severity),
                 shuiheng::test::name(Severity::Warning));
        QCOMPARE(noName.diagnostics[0].field, std::string("name"));

        // A group with no units, and two units that circulate only between themselves.
        const QByteArray nodes = baseNodes + R"(, {"id": "H", "kind": "group"},
            {"id": "U3", "kind": "unit"}, {"id": "U4", "kind": "unit"})";
        const QByteArray streams = baseStreams + R"(, {"id": "S9", "from": "U3", "to": "U4"},
            {"id": "S10", "from": "U4", "to": "U3"})";
        const PlantFileResult island = loadText(plant(nodes, streams));
        QVERIFY2(island.ok(), listing(island.diagnostics));
        int cutOff = 0, empty = 0;
        for (const Diagnostic& d : island.diagnostics) {
            QCOMPARE(shuiheng::test::name(d.severity), shuiheng::test::name(Severity::Warning));
            cutOff += QString::fromStdString(d.message).contains("no chain of streams");
            empty += d.subject == "node H" && QString::fromStdString(d.message).contains("holds no units");
        }
        QCOMPARE(cutOff, 2);
        QCOMPARE(empty, 1);
    }

    // Campaign data that is suspicious but not wrong: warnings naming the reading or meter.
    void campaignWarnings() {
        const QByteArray meters = R"(, "meters": [
            {"id": "M1", "stream": "S2", "kind": "totalizer", "unit": "m3", "mpe": 0.02,
             "installed": "2026-06-01T08:00:00+08:00", "removed": "2026-06-03T08:00:00+08:00"},
            {"id": "M2", "stream": "S2", "kind": "totalizer", "unit": "m3", "mpe": 0.02}],
          "readings": [
            {"meter": "M1", "time": "2026-06-01T07:00:00+08:00", "value": 90},
            {"meter": "M1", "time": "2026-06-01T08:00:00+08:00", "value": 100},
            {"meter": "M1", "time": "2026-06-02T08:00:00+08:00", "value": 340},
            {"meter": "M1", "time": "2026-06-02T00:00:00Z", "value": 340},
            {"meter": "M1", "time": "2026-06-03T09:00:00+08:00", "value": 590},
            {"meter": "M2", "time": "2026-06-02T20:00:00+08:00", "value": 0},
            {"meter": "M2", "time": "2026-06-04T08:00:00+08:00", "value": 360}])";
        const PlantFileResult result = loadText(withMore(meters));
        QVERIFY2(result.ok(), listing(result.diagnostics));
        auto warning = [&](const char* location, const char* subject, const char* field,
                           const char* message) {
            return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                               [&](const Diagnostic& d) {
                                   return d.severity == Severity::Warning && d.location == location &&
                                          d.subject == subject && d.field == field &&
                                          QString::fromStdString(d.message).contains(message);
                               });
        };
        QVERIFY2(
            warning(
                "readings[0]", "reading of meter M1", "time",
                "2026-06-01T07:00:00+08:00 is before the meter was installed (2026-06-01T08:00:00+08:00)"),
            listing(result.diagnostics));
        QVERIFY2(warning("readings[4]", "reading of meter M1", "time",
                         "2026-06-03T09:00:00+08:00 is after the meter was removed"),
                 listing(result.diagnostics));
        QVERIFY2(
            warning("readings[3]", "reading of meter M1", "time",
                    "readings[2] has the same meter and time (2026-06-02T08:00:00+08:00): entered twice?"),
            listing(result.diagnostics));
        QVERIFY2(warning("meters[1]", "meter M2", "stream",
                         "its readings overlap in time with those of meter M1 on the same stream 'S2'"),
                 listing(result.diagnostics));
        int warnings = 0;
        for (const Diagnostic& d : result.diagnostics)
            warnings += d.severity == Severity::Warning;
        QCOMPARE(warnings, 4);
    }

    void validatePlantOnAModel() {
        // validatePlant works on a Plant built in code too.
        Plant p;
        p.name = std::string("x"); // (assigning the literal trips a GCC 12 -Wrestrict false positive)
        p.nodes = {{"W", "", NodeKind::Source, "", SourceOrigin::Rain, "", {}},
                   {"U", "", NodeKind::Unit, "", std::nullopt, "process", {}},
                   {"D", "", NodeKind::Discharge, "", std::nullopt, "", {}}};
        p.streams = {
            {"S1", "W", "U", std::nullopt, Measurement{std::nan(""), 1, {}}, {}},
            {"S2", "U", "D", std::nullopt, Measurement{1, std::numeric_limits<double>::infinity(), {}}, {}}};
        const Diagnostics d = validatePlant(p);
        QVERIFY2(errorCount(d) == 2, listing(d));
        QVERIFY(findError(d, "streams[0]", "stream S1", "measurement.value", "must be a finite number"));
        QVERIFY(findError(d, "streams[1]", "stream S2", "measurement.sigma", "must be a finite number"));
    }

    void diagnosticText() {
        const Diagnostic d{Severity::Error, "streams[3]", "stream S4", "measurement.sigma",
                           "must not be negative, got -0.1"};
        QCOMPARE(
            QString::fromStdString(d.toString()),
            QString(
                "error: stream S4 (streams[3]) field 'measurement.sigma': must not be negative, got -0.1"));
        const Diagnostic file{Severity::Error, "file", "", "", "the file is empty"};
        QCOMPARE(QString::fromStdString(file.toString()), QString("error: file: the file is empty"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
