#pragma once
// Helpers shared by the project store tests: plants to store, a full description of a plant for
// comparing two, files' bytes.

#include "io/plant_file.h"
#include "store/project_store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QtTest>
#include <cstdio>

namespace shuiheng::test {

inline QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QByteArray fileHash(const QString& path) {
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

inline void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

inline Plant loadPlant(const QString& path) {
    PlantFileResult result = loadPlantFile(path.toStdString());
    if (!result.ok()) {
        std::string text;
        for (const Diagnostic& d : result.diagnostics)
            text += d.toString() + "\n";
        qFatal("%s: %s", qPrintable(path), text.c_str());
    }
    return *result.plant;
}

inline Plant samplePlant() {
    return loadPlant(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
}

/// A small plant with every field of a campaign filled in: meters with all extensions, readings with
/// technician, device, note and photo, production, and unknown fields at every level.
inline Plant campaignPlant() {
    Plant p;
    p.name = "测试厂 campaign";
    p.flowUnit = "m3/h";
    p.extra = {{"operator", "\"李工\""}, {"tags", "[1,2.5,\"x\"]"}};
    auto node = [&](const char* id, NodeKind kind, const char* parent = "") {
        Node n;
        n.id = id;
        n.name = std::string("节点 ") + id;
        n.kind = kind;
        n.parent = parent;
        p.nodes.push_back(n);
        return &p.nodes.back();
    };
    node("W1", NodeKind::Source)->origin = SourceOrigin::Groundwater;
    node("G1", NodeKind::Group);
    node("U1", NodeKind::Unit, "G1")->category = "cooling";
    node("U2", NodeKind::Unit, "G1")->extra = {{"position", "{\"x\":3,\"y\":4}"}};
    node("D1", NodeKind::Discharge);
    node("E1", NodeKind::Consumption);
    auto stream = [&](const char* id, const char* from, const char* to) {
        Stream s;
        s.id = id;
        s.from = from;
        s.to = to;
        p.streams.push_back(s);
        return &p.streams.back();
    };
    stream("S1", "W1", "U1");
    stream("S2", "U1", "U2")->extra = {{"pipeDiameterMm", "150"}};
    stream("S3", "U2", "D1");
    Stream* s4 = stream("S4", "U1", "E1");
    s4->measurement = Measurement{0.75, 0.05, {{"method", "\"estimate\""}}};
    stream("S5", "U1", "U1")->declaredType = StreamType::Recycle;
    p.streams.back().measurement = Measurement{120, 3, {}};

    Meter m1;
    m1.id = "M1";
    m1.stream = "S1";
    m1.kind = MeterKind::Totalizer;
    m1.unit = "m3";
    m1.mpe = 0.02;
    m1.rollover = 100000;
    m1.factor = 1;
    m1.serial = "SN-001";
    m1.qrText = "QR:M1";
    m1.method = ReadingMethod::Electromagnetic;
    m1.dn = 100;
    m1.accuracyClass = "2";
    m1.calibrationDate = "2026-01-10";
    m1.calibrationDue = "2027-01-10";
    m1.certificate = "JJ-2026-001";
    m1.level = 1;
    m1.extra = {{"vendor", "\"ACME\""}};
    Meter m2 = m1;
    m2.id = "M2";
    m2.stream = "S2";
    m2.rollover.reset();
    m2.factor = 10;
    m2.serial = "SN-002";
    m2.method = ReadingMethod::Mechanical;
    m2.dn.reset();
    m2.level = 2;
    m2.installed = "2026-06-01T00:00:00+08:00";
    m2.extra.clear();
    Meter m3;
    m3.id = "M3";
    m3.stream = "S3";
    m3.kind = MeterKind::Flowrate;
    m3.unit = "m3/h";
    m3.mpe = 0.05;
    m3.method = ReadingMethod::UltrasonicClampOn;
    p.meters = {m1, m2, m3};

    const char* times[] = {"2026-06-01T08:00:00+08:00", "2026-06-02T08:00:00+08:00",
                           "2026-06-03T08:05:00+08:00", "2026-06-04T07:58:30+08:00"};
    double v1 = 99800, v2 = 1200, f3 = 10.5;
    for (int day = 0; day < 4; ++day) {
        Reading r;
        r.meter = "M1";
        r.time = times[day];
        r.value = day == 3 ? 150.25 : v1 + day * 300.125; // day 3 rolls over
        r.technician = "王工";
        r.device = "tablet-3";
        if (day == 3)
            r.note = "rolled over, checked twice";
        if (day == 1)
            r.photo = std::string(64, 'a');
        p.readings.push_back(r);
        Reading r2;
        r2.meter = "M2";
        r2.time = times[day];
        r2.value = v2 + day * 24.5;
        r2.extra = {{"weather", "\"rain\""}};
        p.readings.push_back(r2);
        Reading r3;
        r3.meter = "M3";
        r3.time = times[day];
        r3.value = f3 + day * 0.25;
        r3.technician = "Zhang, \"Jr\"";
        p.readings.push_back(r3);
    }
    p.production = Production{1200, "t", "d", {{"product", "\"KCl\""}}};
    return p;
}

inline std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

inline std::string describe(const ExtraFields& extra) {
    std::string text;
    for (const auto& [key, raw] : extra)
        text += " +" + key + "=" + raw;
    return text;
}

template <typename T>
std::string opt(const std::optional<T>& value) {
    if (!value)
        return "-";
    if constexpr (std::is_same_v<T, double>)
        return number(*value);
    else if constexpr (std::is_same_v<T, int>)
        return std::to_string(*value);
    else
        return std::string(toString(*value));
}

/// Every field of the plant, one object a line: two plants are equal when their descriptions are.
inline std::string describe(const Plant& p) {
    std::string text = "plant " + p.name + " " + p.flowUnit + describe(p.extra) + "\n";
    for (const Node& n : p.nodes)
        text += "node " + n.id + "|" + n.name + "|" + std::string(toString(n.kind)) + "|" + n.parent + "|" +
                opt(n.origin) + "|" + n.category + describe(n.extra) + "\n";
    for (const Stream& s : p.streams) {
        text += "stream " + s.id + "|" + s.from + "|" + s.to + "|" + opt(s.declaredType) + "|";
        if (s.measurement)
            text += number(s.measurement->value) + "±" + number(s.measurement->sigma) +
                    describe(s.measurement->extra);
        text += describe(s.extra) + "\n";
    }
    for (const Meter& m : p.meters)
        text += "meter " + m.id + "|" + m.stream + "|" + std::string(toString(m.kind)) + "|" + m.unit + "|" +
                number(m.mpe) + "|" + opt(m.rollover) + "|" + number(m.factor) + "|" + m.serial + "|" +
                m.qrText + "|" + opt(m.method) + "|" + opt(m.dn) + "|" + m.accuracyClass + "|" +
                m.calibrationDate + "|" + m.calibrationDue + "|" + m.certificate + "|" + opt(m.level) + "|" +
                m.installed + "|" + m.removed + describe(m.extra) + "\n";
    for (const Reading& r : p.readings)
        text += "reading " + r.meter + "|" + r.time + "|" + number(r.value) + "|" + r.technician + "|" +
                r.device + "|" + r.note + "|" + r.photo + describe(r.extra) + "\n";
    if (p.production)
        text += "production " + number(p.production->quantity) + "|" + p.production->unit + "|" +
                p.production->per + describe(p.production->extra) + "\n";
    return text;
}

/// QVERIFY2 message of a failed store call.
inline QByteArray why(const store::Status& s) {
    return QByteArray::fromStdString(std::string(store::errorKindName(s.kind())) + ": " + s.message());
}

inline store::Actor tester() {
    return {"tester", "test-device"};
}

} // namespace shuiheng::test

/// Fails the test (with the store's message) when the status or result is not ok.
#define STORE_OK(expr)                                                                                       \
    do {                                                                                                     \
        const auto& storeOkResult_ = (expr);                                                                 \
        QVERIFY2(storeOkResult_.ok(),                                                                        \
                 ::shuiheng::test::why(::shuiheng::test::statusOf(storeOkResult_)).constData());             \
    } while (false)

namespace shuiheng::test {
inline const store::Status& statusOf(const store::Status& s) {
    return s;
}
template <typename T>
const store::Status& statusOf(const store::Result<T>& r) {
    return r.status();
}
} // namespace shuiheng::test

namespace QTest {
template <>
inline char* toString(const shuiheng::store::ErrorKind& kind) {
    return qstrdup(std::string(shuiheng::store::errorKindName(kind)).c_str());
}
} // namespace QTest
