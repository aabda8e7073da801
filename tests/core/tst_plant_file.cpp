// The plant file v1 on disk: round trips, unknown fields, atomic saves, and hostile input.

#include "io/plant_file.h"
#include "test_support.h"
#include "validation/validate_plant.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>
#include <csignal>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <unistd.h>

using namespace shuiheng;
using shuiheng::test::errorCount;
using shuiheng::test::listing;
using shuiheng::test::loadText;
using shuiheng::test::readBytes;

namespace {

std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string describe(const ExtraFields& extra) {
    std::string text;
    for (const auto& [key, raw] : extra)
        text += " +" + key + "=" + raw;
    return text;
}

/// Every field of the plant, one object a line: two plants are equal when their descriptions are.
std::string describe(const Plant& p) {
    std::string text = "plant " + p.name + " " + p.flowUnit + describe(p.extra) + "\n";
    for (const Node& n : p.nodes)
        text += "node " + n.id + "|" + n.name + "|" + std::string(toString(n.kind)) + "|" + n.parent + "|" +
                (n.origin ? std::string(toString(*n.origin)) : "-") + "|" + n.category + describe(n.extra) +
                "\n";
    for (const Stream& s : p.streams) {
        text += "stream " + s.id + "|" + s.from + "|" + s.to + "|" +
                (s.declaredType ? std::string(toString(*s.declaredType)) : "-") + "|";
        if (s.measurement)
            text += number(s.measurement->value) + "±" + number(s.measurement->sigma) +
                    describe(s.measurement->extra);
        text += describe(s.extra) + "\n";
    }
    for (const Meter& m : p.meters)
        text += "meter " + m.id + "|" + m.stream + "|" + std::string(toString(m.kind)) + "|" + m.unit + "|" +
                number(m.mpe) + "|" + (m.rollover ? number(*m.rollover) : "-") + "|" + number(m.factor) +
                "|" + m.serial + "|" + m.qrText + "|" + (m.method ? std::string(toString(*m.method)) : "-") +
                "|" + (m.dn ? std::to_string(*m.dn) : "-") + "|" + m.accuracyClass + "|" + m.calibrationDate +
                "|" + m.calibrationDue + "|" + m.certificate + "|" +
                (m.level ? std::to_string(*m.level) : "-") + "|" + m.installed + "|" + m.removed +
                describe(m.extra) + "\n";
    for (const Reading& r : p.readings)
        text += "reading " + r.meter + "|" + r.time + "|" + number(r.value) + "|" + r.technician + "|" +
                r.device + "|" + r.note + "|" + r.photo + describe(r.extra) + "\n";
    if (p.production)
        text += "production " + number(p.production->quantity) + "|" + p.production->unit + "|" +
                p.production->per + describe(p.production->extra) + "\n";
    return text;
}

/// Whether everything in `in` is in `out` with the same value, at every depth (numbers compare by value).
bool containedIn(const nlohmann::json& in, const nlohmann::json& out, std::string& where) {
    if (in.is_object()) {
        if (!out.is_object())
            return false;
        for (const auto& [key, value] : in.items()) {
            if (!out.contains(key) || !containedIn(value, out.at(key), where)) {
                where = "." + key + where;
                return false;
            }
        }
        return true;
    }
    if (in.is_array()) {
        if (!out.is_array() || out.size() != in.size())
            return false;
        for (std::size_t i = 0; i < in.size(); ++i)
            if (!containedIn(in[i], out[i], where)) {
                where = "[" + std::to_string(i) + "]" + where;
                return false;
            }
        return true;
    }
    return in == out;
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

bool isValidUtf8(const std::string& text) {
    const QByteArray bytes = QByteArray::fromStdString(text);
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

QByteArray randomBytes(quint32 seed, int size) {
    QRandomGenerator random(seed);
    QByteArray bytes(size, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random.bounded(256));
    bytes[size / 3] = '\0';
    bytes[size / 2] = '\xff'; // never valid in UTF-8
    return bytes;
}

const QString samplePath = SHUIHENG_DATA_DIR "/plants/sample-plant.json";
const QString examplePath = SHUIHENG_TEST_DATA_DIR "/contract-example.json";
const QString extendedPath = SHUIHENG_TEST_DATA_DIR "/extended-plant.json";

} // namespace

class TestPlantFile : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("writtenAsRead"); // the file has no field the writer adds (factor 1, ...)
        QTest::newRow("sample plant") << samplePath << true;
        QTest::newRow("sample campaign") << SHUIHENG_DATA_DIR "/plants/sample-campaign.json" << true;
        QTest::newRow("contract example") << examplePath << true;
        QTest::newRow("extended plant") << extendedPath << false;
    }
    void roundTrip() {
        QFETCH(QString, path);
        QFETCH(bool, writtenAsRead);
        const QByteArray original = readBytes(path);
        const PlantFileResult first = parsePlantJson(original.toStdString());
        QVERIFY2(first.ok(), listing(first.diagnostics));
        const std::string written = toPlantJson(*first.plant);
        const PlantFileResult second = parsePlantJson(written);
        QVERIFY2(second.ok(), listing(second.diagnostics));
        QCOMPARE(QString::fromStdString(describe(*second.plant)),
                 QString::fromStdString(describe(*first.plant)));
        QCOMPARE(QString::fromStdString(toPlantJson(*second.plant)),
                 QString::fromStdString(written)); // fixed point
        QCOMPARE(second.diagnostics.size(), first.diagnostics.size());

        // Everything the file says, unknown fields at every level included, is in what is written.
        const auto in = nlohmann::json::parse(original.toStdString());
        const auto out = nlohmann::json::parse(written);
        std::string where;
        QVERIFY2(containedIn(in, out, where), where.c_str());
        if (writtenAsRead)
            QVERIFY(in == out);
    }

    void unknownFieldsAreNotes() {
        const PlantFileResult result = parsePlantJson(readBytes(extendedPath).toStdString());
        QVERIFY2(result.ok(), listing(result.diagnostics));
        const QList<QStringList> expected{{"plant", "", "surveyor"},
                                          {"nodes[1]", "node W2", "supplier"},
                                          {"nodes[2]", "node G1", "position"},
                                          {"streams[0]", "stream S1", "measurement.method"},
                                          {"streams[3]", "stream S4", "pipeDiameterMm"},
                                          {"meters[0]", "meter M1", "sealNumber"},
                                          {"readings[0]", "reading of meter M1", "weather"},
                                          {"production", "", "product"}};
        QList<QStringList> notes;
        for (const Diagnostic& d : result.diagnostics) {
            QCOMPARE(shuiheng::test::name(d.severity), shuiheng::test::name(Severity::Note));
            QVERIFY(QString::fromStdString(d.message).contains("unknown field"));
            notes.append({QString::fromStdString(d.location), QString::fromStdString(d.subject),
                          QString::fromStdString(d.field)});
        }
        std::sort(notes.begin(), notes.end());
        QList<QStringList> sorted = expected;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(notes, sorted);

        const Plant& p = *result.plant;
        QCOMPARE(p.extra.at("surveyor"),
                 std::string(R"({"agency":"某水平衡测试机构","team":["张工","李工"]})"));
        QCOMPARE(p.nodes[2].extra.at("position"), std::string("[120.5,36.25]"));
        QCOMPARE(p.streams[0].measurement->extra.at("method"), std::string("\"electromagnetic\""));
        QCOMPARE(p.streams[3].extra.at("pipeDiameterMm"), std::string("80"));
        QCOMPARE(p.meters[0].extra.at("sealNumber"), std::string("\"QH-0042\""));
        QCOMPARE(p.meters[0].serial, std::string("SN-0042")); // a field of the meter, not unknown
        QCOMPARE(p.readings[0].extra.at("weather"), std::string("\"晴\""));
        QCOMPARE(p.readings[0].technician, std::string("张工"));
        QCOMPARE(p.production->extra.at("product"), std::string("\"氯化钾\""));
    }

    // Every field a meter and a reading may carry beyond the contract's: read, written back, and
    // not reported as unknown.
    void campaignFieldsRoundTrip() {
        const QByteArray text = R"({"format": "shuiheng-plant", "version": 1, "name": "x", "flowUnit": "m3/h",
  "nodes": [{"id": "W", "kind": "source"}, {"id": "U", "kind": "unit"}, {"id": "D", "kind": "discharge"}],
  "streams": [{"id": "S1", "from": "W", "to": "U"}, {"id": "S2", "from": "U", "to": "D"}],
  "meters": [
    {"id": "M1", "stream": "S1", "kind": "totalizer", "unit": "m3", "mpe": 0.02, "rollover": 100000, "factor": 1,
     "serial": "LXS-50E-2301187", "qrText": "SH:M1;SN=LXS-50E-2301187", "method": "mechanical", "dn": 50,
     "accuracyClass": "2", "calibrationDate": "2025-09-15", "calibrationDue": "2027-09-14",
     "certificate": "QHJL-2025-04871", "level": 1, "installed": "2024-05-01T10:00:00+08:00",
     "removed": "2026-06-02T14:00:00+08:00"},
    {"id": "M2", "stream": "S2", "kind": "flowrate", "unit": "L/min", "mpe": 0.05, "method": "container", "level": 3}
  ],
  "readings": [
    {"meter": "M1", "time": "2026-06-01T08:00:00+08:00", "value": 99873.5, "technician": "张工",
     "device": "PAD-03", "note": "表盘清晰", "photo": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
    {"meter": "M2", "time": "2026-06-01T09:00:00+08:00", "value": 12.5}
  ]
})";
        const PlantFileResult first = parsePlantJson(text.toStdString());
        QVERIFY2(first.ok(), listing(first.diagnostics));
        QVERIFY2(first.diagnostics.empty(), listing(first.diagnostics)); // nothing unknown
        const Meter& m = first.plant->meters[0];
        QCOMPARE(m.serial, std::string("LXS-50E-2301187"));
        QCOMPARE(m.qrText, std::string("SH:M1;SN=LXS-50E-2301187"));
        QVERIFY(m.method == ReadingMethod::Mechanical);
        QCOMPARE(m.dn, std::optional<int>(50));
        QCOMPARE(m.accuracyClass, std::string("2"));
        QCOMPARE(m.calibrationDate, std::string("2025-09-15"));
        QCOMPARE(m.calibrationDue, std::string("2027-09-14"));
        QCOMPARE(m.certificate, std::string("QHJL-2025-04871"));
        QCOMPARE(m.level, std::optional<int>(1));
        QCOMPARE(m.installed, std::string("2024-05-01T10:00:00+08:00"));
        QCOMPARE(m.removed, std::string("2026-06-02T14:00:00+08:00"));
        const Reading& r = first.plant->readings[0];
        QCOMPARE(r.technician, std::string("张工"));
        QCOMPARE(r.device, std::string("PAD-03"));
        QCOMPARE(r.note, std::string("表盘清晰"));
        QCOMPARE(r.photo, std::string("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        QVERIFY(first.plant->meters[1].method == ReadingMethod::Container);
        QVERIFY(!first.plant->meters[1].dn);

        const std::string written = toPlantJson(*first.plant);
        const PlantFileResult second = parsePlantJson(written);
        QVERIFY2(second.ok() && second.diagnostics.empty(), listing(second.diagnostics));
        QCOMPARE(QString::fromStdString(describe(*second.plant)),
                 QString::fromStdString(describe(*first.plant)));
        // Written as read: a flowrate meter gets no factor, absent fields stay absent.
        QVERIFY(nlohmann::json::parse(text.toStdString()) == nlohmann::json::parse(written));
    }

    void campaignFieldTypes_data() {
        QTest::addColumn<QByteArray>("meterFields");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("dn a fraction") << QByteArray(R"("dn": 50.5)") << "dn"
                                       << "must be a whole number, got 50.5";
        QTest::newRow("dn a string") << QByteArray(R"("dn": "DN50")") << "dn"
                                     << "must be a number, got a string";
        QTest::newRow("level a fraction") << QByteArray(R"("level": 1.5)") << "level"
                                          << "must be a whole number";
        QTest::newRow("method misspelt")
            << QByteArray(R"("method": "ultrasonic")") << "method"
            << "unknown value 'ultrasonic' (allowed: electromagnetic, "
               "ultrasonic-clamp-on, mechanical, container, weir, estimate, other)";
        QTest::newRow("serial a number") << QByteArray(R"("serial": 42)") << "serial"
                                         << "must be a string, got a number";
    }
    void campaignFieldTypes() {
        QFETCH(QByteArray, meterFields);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QByteArray text = R"({"format": "shuiheng-plant", "version": 1, "name": "x", "flowUnit": "m3/h",
  "nodes": [{"id": "W", "kind": "source"}, {"id": "U", "kind": "unit"}, {"id": "D", "kind": "discharge"}],
  "streams": [{"id": "S1", "from": "W", "to": "U"}, {"id": "S2", "from": "U", "to": "D"}],
  "meters": [{"id": "M1", "stream": "S1", "kind": "totalizer", "unit": "m3", "mpe": 0.02, "HERE": 0}]})";
        text.replace(R"("HERE": 0)", meterFields);
        const PlantFileResult result = parsePlantJson(text.toStdString());
        QCOMPARE(errorCount(result.diagnostics), 1);
        const Diagnostic& d = result.diagnostics.front();
        QCOMPARE(QString::fromStdString(d.location), QString("meters[0]"));
        QCOMPARE(QString::fromStdString(d.subject), QString("meter M1"));
        QCOMPARE(QString::fromStdString(d.field), field);
        QVERIFY2(QString::fromStdString(d.message).contains(message), listing(result.diagnostics));
    }

    void deepUnknownFieldWithinTheLimitSurvives() {
        QByteArray deep = "1";
        for (int i = 0; i < 60; ++i)
            deep = "[" + deep + "]";
        QByteArray text = readBytes(examplePath);
        text.replace(R"("name": "某化工有限公司",)", R"("name": "某化工有限公司", "deep": )" + deep + ",");
        const PlantFileResult first = parsePlantJson(text.toStdString());
        QVERIFY2(first.ok(), listing(first.diagnostics));
        QCOMPARE(QByteArray::fromStdString(first.plant->extra.at("deep")), deep);
        const PlantFileResult second = parsePlantJson(toPlantJson(*first.plant));
        QVERIFY2(second.ok(), listing(second.diagnostics));
        QCOMPARE(QByteArray::fromStdString(second.plant->extra.at("deep")), deep);
    }

    void saveAndLoad() {
        QTemporaryDir dir;
        const QString path = dir.filePath("plant.json");
        const PlantFileResult sample = loadPlantFile(samplePath.toStdString());
        QVERIFY(sample.ok());
        QCOMPARE(QString::fromStdString(savePlantFile(path.toStdString(), *sample.plant)), QString());
        const PlantFileResult loaded = loadPlantFile(path.toStdString());
        QVERIFY2(loaded.ok(), listing(loaded.diagnostics));
        QCOMPARE(QString::fromStdString(describe(*loaded.plant)),
                 QString::fromStdString(describe(*sample.plant)));
        QCOMPARE(readBytes(path), QByteArray::fromStdString(toPlantJson(*sample.plant)));
        QCOMPARE(filesIn(dir.path()), QStringList{"plant.json"}); // no temporary file left behind
        QCOMPARE(QFile::permissions(path) & 0x7777, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                                                        QFile::WriteUser | QFile::ReadGroup |
                                                        QFile::ReadOther);
    }

    void saveReplacesTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("plant.json");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content, much longer than nothing at all ...........................................");
        old.close();
        const PlantFileResult example = loadPlantFile(examplePath.toStdString());
        QCOMPARE(QString::fromStdString(savePlantFile(path.toStdString(), *example.plant)), QString());
        QCOMPARE(readBytes(path), QByteArray::fromStdString(toPlantJson(*example.plant)));
        QCOMPARE(filesIn(dir.path()), QStringList{"plant.json"});
    }

    void failedSaveKeepsTheOldFile_data() {
        QTest::addColumn<QString>("how");
        QTest::newRow("unwritable directory") << "readonly";
        QTest::newRow("disk full while writing") << "fsize";
        QTest::newRow("target is a directory") << "directory";
        QTest::newRow("directory missing") << "missing";
    }
    void failedSaveKeepsTheOldFile() {
        QFETCH(QString, how);
        QTemporaryDir dir;
        const QByteArray oldContent = readBytes(examplePath);
        QString path = dir.filePath("plant.json");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write(oldContent), oldContent.size());
        old.close();
        const PlantFileResult sample = loadPlantFile(samplePath.toStdString());
        QVERIFY(sample.ok());

        std::string error;
        if (how == "readonly") {
            if (::geteuid() == 0)
                QSKIP("root writes into read-only directories; the disk-full case covers root");
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
            error = savePlantFile(path.toStdString(), *sample.plant);
            QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        } else if (how == "fsize") {
            // The file-size limit holds for root too: writing past it fails like a full disk.
            rlimit saved{};
            QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
            const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit small = saved;
            small.rlim_cur = 1000;
            QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
            error = savePlantFile(path.toStdString(), *sample.plant);
            ::setrlimit(RLIMIT_FSIZE, &saved);
            std::signal(SIGXFSZ, previousHandler);
            QVERIFY2(QString::fromStdString(error).contains("cannot write"), error.c_str());
        } else if (how == "directory") {
            path = dir.filePath("folder");
            QVERIFY(QDir(dir.path()).mkdir("folder"));
            QFile inside(dir.filePath("folder/keep.txt"));
            QVERIFY(inside.open(QIODevice::WriteOnly));
            inside.close();
            error = savePlantFile(path.toStdString(), *sample.plant);
            QVERIFY(QFileInfo(path).isDir());
            QVERIFY(QFile::exists(dir.filePath("folder/keep.txt")));
        } else {
            error = savePlantFile(dir.filePath("no/such/dir/plant.json").toStdString(), *sample.plant);
            QVERIFY2(QString::fromStdString(error).contains("cannot create a temporary file"), error.c_str());
        }
        QVERIFY2(!error.empty(), "the save did not fail");
        QCOMPARE(readBytes(dir.filePath("plant.json")), oldContent);
        QStringList expected{"plant.json"};
        if (how == "directory")
            expected.prepend("folder");
        QCOMPARE(filesIn(dir.path()), expected); // no temporary file left behind
    }

    // (moc misreads raw strings with unbalanced braces: such rows are written with escapes.)
    void badInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray sample = readBytes(samplePath);
        QByteArray withNul = sample;
        withNul.insert(sample.size() / 2, '\0');
        QTest::newRow("empty") << QByteArray() << "the file is empty";
        QTest::newRow("whitespace") << QByteArray(" \n\t\r\n  ") << "the file is empty";
        QTest::newRow("byte-order mark only") << QByteArray("\xEF\xBB\xBF") << "not valid JSON at line 1";
        QTest::newRow("truncated") << sample.left(sample.size() / 2)
                                   << "the text ends here: is the file cut short?";
        QTest::newRow("truncated in a string")
            << QByteArray("{\"format\": \"shuiheng-pl") << "not valid JSON at line 1, column 24";
        QTest::newRow("not JSON") << QByteArray("水平衡测试报告\n第一章")
                                  << "not valid JSON at line 1, column 1";
        QTest::newRow("CSV") << QByteArray("id,from,to\nS1,W1,U1\n") << "not valid JSON at line 1";
        QTest::newRow("binary garbage") << randomBytes(12452, 4096) << "not valid JSON";
        QTest::newRow("NUL in the middle") << withNul << "not valid JSON";
        QTest::newRow("invalid UTF-8 in a string")
            << QByteArray("{\"name\": \"\xC3\x28\"}") << "ill-formed UTF-8";
        QTest::newRow("100000 [") << QByteArray(100000, '[') << "nests deeper than 64 levels";
        QTest::newRow("100000 {\"a\":")
            << QByteArray("{\"a\":").repeated(100000) << "nests deeper than 64 levels";
        QTest::newRow("top-level array")
            << QByteArray("[]") << "a plant file is a JSON object, this is a list";
        QTest::newRow("top-level number") << QByteArray("12.5") << "this is a number";
        QTest::newRow("top-level string") << QByteArray(R"("shuiheng-plant")") << "this is a string";
        QTest::newRow("top-level null") << QByteArray("null") << "this is null";
        QTest::newRow("top-level 1e999") << QByteArray("1e999") << "too large";
        QTest::newRow("trailing garbage") << sample + "}"
                                          << "not valid JSON";
        QTest::newRow("two objects") << QByteArray("{}{}") << "not valid JSON at line 1, column 3";
        QTest::newRow("some other JSON")
            << QByteArray(R"({"type": "FeatureCollection", "features": []})") << "is missing";
        QTest::newRow("comment") << QByteArray("// plant\n{}") << "not valid JSON at line 1, column 1";
    }
    void badInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QElapsedTimer timer;
        timer.start();
        const PlantFileResult parsed = parsePlantJson(std::string_view(bytes.constData(), bytes.size()));
        QVERIFY2(timer.elapsed() < 1000, "too slow");
        QVERIFY(!parsed.ok());
        QVERIFY2(errorCount(parsed.diagnostics) >= 1, listing(parsed.diagnostics));
        QVERIFY2(QString::fromStdString(parsed.diagnostics.front().message).contains(message),
                 listing(parsed.diagnostics));
        for (const Diagnostic& d : parsed.diagnostics)
            QVERIFY2(isValidUtf8(d.toString()), "a message echoes raw bytes");

        // The same through a file, as the command line reads it.
        const PlantFileResult loaded = loadText(bytes);
        QVERIFY(!loaded.ok());
        QCOMPARE(QString::fromStdString(loaded.diagnostics.front().message),
                 QString::fromStdString(parsed.diagnostics.front().message));
    }

    void byteOrderMarkIsTolerated() {
        const PlantFileResult result = loadText("\xEF\xBB\xBF" + readBytes(samplePath));
        QVERIFY2(result.ok(), listing(result.diagnostics));
        QCOMPARE(result.plant->nodes.size(), std::size_t(30));
    }

    void unreadableFiles() {
        QTemporaryDir dir;
        const PlantFileResult missing = loadPlantFile(dir.filePath("none.json").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY2(QString::fromStdString(missing.diagnostics.front().message).contains("No such file"),
                 listing(missing.diagnostics));
        const PlantFileResult folder = loadPlantFile(dir.path().toStdString());
        QVERIFY(!folder.ok());
        QVERIFY2(QString::fromStdString(folder.diagnostics.front().message).contains("is a directory"),
                 listing(folder.diagnostics));
    }

    // Cut the contract example at every byte: never a crash, never accepted unless only the
    // final newline went.
    void everyTruncation() {
        const QByteArray text = readBytes(examplePath);
        for (qsizetype size = 0; size < text.size(); ++size) {
            const std::string cut = text.left(size).toStdString();
            PlantFileResult result;
            try {
                result = parsePlantJson(cut);
                if (result.plant)
                    validatePlant(*result.plant);
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("size %1: %2").arg(size).arg(e.what())));
            }
            const bool wholeObject = text.left(size).trimmed().endsWith('}') && size >= text.trimmed().size();
            QVERIFY2(result.ok() == wholeObject, qPrintable(QString("size %1").arg(size)));
        }
    }

    // Flip, insert and delete random bytes of the sample: whatever comes out, no exception escapes.
    void randomMutations() {
        const QByteArray sample = readBytes(samplePath);
        QRandomGenerator random(20240612);
        int accepted = 0;
        for (int round = 0; round < 1500; ++round) {
            QByteArray text = sample;
            const int edits = 1 + random.bounded(4);
            for (int e = 0; e < edits; ++e) {
                const int at = random.bounded(static_cast<int>(text.size()));
                const char byte = static_cast<char>(random.bounded(256));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = byte;
                    break;
                case 1:
                    text.insert(at, byte);
                    break;
                default:
                    text.remove(at, 1);
                }
            }
            try {
                const PlantFileResult result = parsePlantJson(text.toStdString());
                if (result.plant) {
                    const Diagnostics semantic = validatePlant(*result.plant);
                    accepted += !hasErrors(result.diagnostics) && !hasErrors(semantic);
                    if (!hasErrors(result.diagnostics))
                        (void)parsePlantJson(toPlantJson(*result.plant));
                }
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("round %1: %2").arg(round).arg(e.what())));
            }
        }
        qInfo("%d of 1500 mutated samples were still valid", accepted);
    }
};

QTEST_GUILESS_MAIN(TestPlantFile)
#include "tst_plant_file.moc"
