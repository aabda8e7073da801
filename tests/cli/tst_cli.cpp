// shuiheng-cli validate and info as a process: exit statuses (0 done, 2 invalid input, never 1 or a
// signal for bad input), what goes to standard output and what to standard error.

#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(cli), qPrintable(cli));
        QVERIFY(dir_.isValid());
        const QByteArray text = [] {
            QFile file(sample);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(!text.isEmpty());
        writeFile(dir_.filePath("empty.json"), {});
        writeFile(dir_.filePath("truncated.json"), text.left(text.size() * 2 / 3));
        QRandomGenerator random(7);
        QByteArray garbage(2048, '\0');
        for (char& c : garbage)
            c = static_cast<char>(random.bounded(256));
        writeFile(dir_.filePath("garbage.bin"), garbage);
        writeFile(dir_.filePath("deep.json"), QByteArray(100000, '['));
        writeFile(dir_.filePath("array.json"), "[{\"format\": \"shuiheng-plant\"}]");
        writeFile(dir_.filePath("名称 with spaces.json"), text);
        QVERIFY(QDir(dir_.path()).mkdir("folder.json"));
    }

    void validateSample() {
        const Run r = run({"validate", sample});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, describe(r));
        QVERIFY2(
            r.out.contains("valid plant file '青海某盐湖钾镁化工有限公司（示例）' (30 nodes, 42 streams)"),
            describe(r));
        QVERIFY2(r.err.isEmpty(), describe(r));
    }

    void validateOddFileName() {
        const Run r = run({"validate", dir_.filePath("名称 with spaces.json")});
        QVERIFY2(r.exitCode == 0, describe(r));
    }

    void validateShowsNotes() {
        const Run r = run({"validate", testData + "/extended-plant.json"});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("8 warnings or notes on stderr"), describe(r));
        QVERIFY2(r.err.contains(
                     "note: stream S4 (streams[3]) field 'pipeDiameterMm': unknown field, kept as it is"),
                 describe(r));
    }

    void infoSample() {
        const Run r = run({"info", sample});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, describe(r));
        QVERIFY2(r.err.isEmpty(), describe(r));
        const QStringList expected{
            "Plant: 青海某盐湖钾镁化工有限公司（示例）",
            "Flow unit: m3/h",
            "source             -        -         -      4",
            "group              3        5         0      8",
            "unit               1        2         9     12",
            "loss               -        -         -      1",
            "intake             11           0     11",
            "cascade            14           2     16",
            "recycle             3           0      3",
            "leakage             0           1      1",
            "all                34           8     42",
            "Production: 1200 t per d",
            "Levels (1 = the site):",
            "  青海某盐湖钾镁化工有限公司（示例）  [site, level 1]",
            "  G1  氯化钾车间  [group, level 2]",
            "    G11  分解浮选工段  [group, level 3]",
            "      U1  光卤石分解  [unit, process, level 4]",
            "    U11  氯化镁蒸发浓缩  [unit, process, level 3]",
            "    U10  污水处理站  [unit, treatment, level 3]",
            "  U12  办公生活区  [unit, domestic, level 2]",
        };
        const QStringList lines = r.out.split('\n');
        for (const QString& line : expected)
            QVERIFY2(lines.contains(line), qPrintable("missing line '" + line + "' in\n" + r.out));
        // The tree lists every group and unit once, in nesting order.
        const qsizetype tree = lines.indexOf("Levels (1 = the site):");
        QCOMPARE(lines.size() - tree - 1, 1 + 8 + 12 + 1); // site, groups, units, final empty line
        QVERIFY(lines.indexOf("      U1  光卤石分解  [unit, process, level 4]") >
                lines.indexOf("    G11  分解浮选工段  [group, level 3]"));
    }

    void helpAndVersion() {
        const Run help = run({"--help"});
        QVERIFY2(help.exitCode == 0, describe(help));
        QVERIFY2(help.out.contains("validate") && help.out.contains("info"), describe(help));
        const Run subHelp = run({"validate", "--help"});
        QVERIFY2(subHelp.exitCode == 0 && subHelp.out.contains("FILE"), describe(subHelp));
        const Run version = run({"--version"});
        QVERIFY2(version.exitCode == 0, describe(version));
        QVERIFY2(version.out.startsWith("shuiheng-cli "), describe(version));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no subcommand") << QStringList{};
        QTest::newRow("unknown subcommand") << QStringList{"frobnicate"};
        QTest::newRow("validate without a file") << QStringList{"validate"};
        QTest::newRow("info without a file") << QStringList{"info"};
        QTest::newRow("unknown option") << QStringList{"validate", "--frobnicate", sample};
        QTest::newRow("two files") << QStringList{"validate", sample, sample};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        const Run r = run(arguments);
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 2, describe(r));
        QVERIFY2(!r.err.isEmpty(), describe(r));
    }

    void badInput_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("messages"); // each must be on stderr
        const QString tmp = dir_.path() + "/";
        const QString invalid = testData + "/invalid/";
        QTest::newRow("nonexistent file")
            << tmp + "nothing-here.json" << QStringList{"cannot open", "No such file or directory"};
        QTest::newRow("a directory") << tmp + "folder.json" << QStringList{"is a directory, not a file"};
        QTest::newRow("empty file") << tmp + "empty.json" << QStringList{"the file is empty"};
        QTest::newRow("truncated file")
            << tmp + "truncated.json" << QStringList{"not valid JSON at line", "is the file cut short?"};
        QTest::newRow("binary garbage") << tmp + "garbage.bin" << QStringList{"not valid JSON at line 1"};
        QTest::newRow("deep nesting") << tmp + "deep.json" << QStringList{"nests deeper than 64 levels"};
        QTest::newRow("top-level array")
            << tmp + "array.json" << QStringList{"a plant file is a JSON object"};
        QTest::newRow("unknown node") << invalid + "unknown-node.json"
                                      << QStringList{"stream S2 (streams[1]) field 'to': unknown node 'D2'"};
        QTest::newRow("negative sigma")
            << invalid + "negative-sigma.json"
            << QStringList{
                   "stream S1 (streams[0]) field 'measurement.sigma': must not be negative, got -0.2"};
        QTest::newRow("not finite") << invalid + "not-finite.json"
                                    << QStringList{
                                           "stream S2 (streams[1]) field 'measurement.value': must be a "
                                           "finite number; 1e999 is too large"};
        QTest::newRow("unit without inflow") << invalid + "unit-without-inflow.json"
                                             << QStringList{"node U1 (nodes[1]): the unit has no inflow"};
        QTest::newRow("wrong version")
            << invalid + "wrong-version.json" << QStringList{"field 'version': version 2 is not supported"};
        QTest::newRow("five errors") << invalid + "five-errors.json"
                                     << QStringList{"unknown flow unit 'm3/day'", "unknown value 'seawater'",
                                                    "unknown node 'G1'", "duplicate id: nodes[1]",
                                                    "must not be negative, got -0.2"};
    }
    void badInput() {
        QFETCH(QString, file);
        QFETCH(QStringList, messages);
        for (const QString command : {"validate", "info"}) {
            const Run r = run({command, file});
            QVERIFY2(r.status == QProcess::NormalExit, describe(r));
            QVERIFY2(r.exitCode == 2, describe(r));
            QVERIFY2(r.out.isEmpty(), describe(r)); // nothing a script could mistake for a result
            for (const QString& message : messages)
                QVERIFY2(r.err.contains(message), qPrintable(command + ": " + message + "\n" + describe(r)));
            QVERIFY2(!r.err.contains("internal error"), describe(r));
        }
    }

    void errorCountIsReported() {
        const Run r = run({"validate", testData + "/invalid/five-errors.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("invalid, 5 errors"), describe(r));
        QCOMPARE(r.err.count("error: "), 5);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
