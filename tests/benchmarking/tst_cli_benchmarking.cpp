// shuiheng-cli quotas, benchmark and rank as processes: the library listed, shown, a bureau's table
// imported (a bad one refused naming the row, a second one only with --replace), the sample plant
// benchmarked as a steel works, and a ranking in JSON.

#include "../cli/cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QJsonObject parse(const Run& r) {
    if (r.status != QProcess::NormalExit || r.exitCode != 0)
        qFatal("%s", describe(r).constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s\n%s", qPrintable(error.errorString()), qPrintable(r.out));
    return doc.object();
}

void write(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

const QByteArray bureauTable = R"json({"format": "shuiheng-quota-table", "version": 1, "id": "qh-steel",
  "title": "青海 钢铁", "kind": "quota", "region": "青海", "rows": [{"id": "integrated", "industry": "steel",
  "unit": "m3/t", "levels": [{"key": "general", "name": "通用值", "value": 4.5},
  {"key": "advanced", "name": "先进值", "value": 3.0}], "source": {"document": "DB63/T (test)"}}]})json";

} // namespace

class TestCliBenchmarking : public QObject {
    Q_OBJECT

private slots:
    void quotasListShowImport() {
        QTemporaryDir dir;
        const QString library = dir.filePath("library");
        const QJsonObject list = parse(run({"quotas", "list", "--json", "--library", library}));
        QVERIFY(list["tables"].toArray().size() >= 5);
        QVERIFY(list["errors"].toArray().isEmpty());
        const Run show = run({"quotas", "show", "gbt-18916.2", "--library", library});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("先进值 3.1"));
        QVERIFY(show.out.contains("secondary source, unverified"));

        const QString bad = dir.filePath("bad.json");
        write(bad, QByteArray(bureauTable).replace(R"("unit": "m3/t",)", ""));
        const Run refused = run({"quotas", "import", bad, "--library", library});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("row 1 (integrated): missing unit"), qPrintable(refused.err));
        QCOMPARE(run({"quotas", "check", bad}).exitCode, 2);

        const QString good = dir.filePath("good.json");
        write(good, bureauTable);
        const Run first = run({"quotas", "import", good, "--library", library});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains("as version 1"));
        QCOMPARE(run({"quotas", "import", good, "--library", library}).exitCode, 2);
        const Run second = run({"quotas", "import", good, "--library", library, "--replace"});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains("replaces version 1"));
        const Run listed = run({"quotas", "list", "--library", library});
        QVERIFY(listed.out.contains("qh-steel"));

        // The bureau's provincial table applies to a plant in 青海.
        const QJsonObject b = parse(run({"benchmark", sample, "--json", "--industry", "steel", "--region",
                                         "青海", "--library", library, "--no-rules", "--year", "2024"}));
        QCOMPARE(b["quotas"].toArray().size(), 2);
    }

    void benchmarkSample() {
        QTemporaryDir empty; // no imported tables, whatever the user's own library holds
        const QJsonObject b = parse(run({"benchmark", sample, "--json", "--industry", "steel", "--year",
                                         "2024", "--library", empty.path()}));
        QCOMPARE(b["year"].toInt(), 2024);
        const QJsonArray quotas = b["quotas"].toArray();
        QCOMPARE(quotas.size(), 1);
        const QJsonObject q = quotas[0].toObject();
        QCOMPARE(q["indicator"].toString(), QString("quotaUnitProductIntake"));
        QCOMPARE(q["grade"].toString(), QString("general")); // 4.7 m³/t: under 4.8, over 3.1
        const QJsonArray levels = q["levels"].toArray();
        QVERIFY(levels[0].toObject()["probability"].toDouble() > 0.9);
        QVERIFY(levels[1].toObject()["probability"].toDouble() < 1e-6);
        QCOMPARE(q["verification"].toString(), QString("secondary source, unverified"));
        QCOMPARE(b["waterSavingEnterprise"].toBool(true), false);
        const QJsonArray leader = b["leaderRules"].toArray();
        QVERIFY(leader.size() >= 4);
        for (const QJsonValue& set : leader)
            for (const QJsonValue& rule : set["rules"].toArray()) {
                const QString verdict = rule["verdict"].toString();
                QVERIFY(verdict == "pass" || verdict == "fail" || verdict == "unknown");
                if (verdict == "unknown")
                    QVERIFY(!rule["missing"].toArray().isEmpty());
            }
        const Run table =
            run({"benchmark", sample, "--industry", "steel", "--rules", "leader-2020-national"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("通用值 4.8: met"));
        QCOMPARE(run({"benchmark", sample, "--rules", "no-such-set"}).exitCode, 2);
    }

    void enterpriseFileOverThreeYears() {
        QTemporaryDir dir;
        const QString library = dir.filePath("library");
        const QString table = dir.filePath("potash.json");
        write(table,
              R"json({"format": "shuiheng-quota-table", "version": 1, "id": "qh-potash", "kind": "quota",
          "title": "test", "region": "青海", "rows": [{"id": "kcl", "industry": "potash", "unit": "m3/t",
          "levels": [{"key": "general", "value": 5.0}, {"key": "advanced", "value": 4.0}],
          "source": {"document": "test table"}}]})json");
        QCOMPARE(run({"quotas", "import", table, "--library", library}).exitCode, 0);
        const QString enterprise = SHUIHENG_SOURCE_DIR "/tests/benchmarking/data/enterprise-example.json";
        const QJsonObject b = parse(run({"benchmark", enterprise, "--json", "--library", library}));
        QCOMPARE(b["year"].toInt(), 2025);
        QCOMPARE(b["years"].toArray().size(), 3);
        const QJsonArray quotas = b["quotas"].toArray();
        QCOMPARE(quotas.size(), 1);
        QCOMPARE(quotas[0]["grade"].toString(), QString("general")); // 4.69 m³/t: under 5.0, over 4.0
        for (const QJsonValue& set : b["leaderRules"].toArray()) {
            if (set["ruleSet"] != "leader-2020-national")
                continue;
            QCOMPARE(set["verdict"].toString(), QString("fail")); // it does not lead its industry
            for (const QJsonValue& rule : set["rules"].toArray())
                if (rule["id"] == "no-over-plan-abstraction")
                    QCOMPARE(rule["verdict"].toString(), QString("pass")); // three years stated
        }
        const QJsonObject r = parse(run({"rank", enterprise, sample, "--by", "reuseRate", "--json"}));
        QCOMPARE(r["enterprises"].toArray().size(), 2);
    }

    void rank() {
        QTemporaryDir dir;
        const QString csv = dir.filePath("steel.csv");
        write(csv, "id,value,sigma,industry\nA,2.1,0.05,steel\nB,2.12,0.05,steel\nC,3.0,0.05,steel\nD,1.0,0."
                   "05,cement\n");
        const QJsonObject r = parse(
            run({"rank", csv, "--by", "unitProductIntake", "--top", "2", "--industry", "steel", "--json"}));
        const QJsonArray list = r["enterprises"].toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0]["id"].toString(), QString("A"));
        QVERIFY(std::abs(list[0]["probabilityTopK"].toDouble() - 1) < 1e-6);
        QVERIFY(list[2]["probabilityTopK"].toDouble() < 1e-6);
        QCOMPARE(r["indistinguishableNeighbours"].toArray().size(), 1); // A and B
        QCOMPARE(r["notRanked"].toArray().size(), 1);                   // D, another industry
        const Run mixed = run({"rank", csv, sample, "--by", "reuseRate"});
        QCOMPARE(mixed.exitCode, 0);
        const Run unknownDirection = run({"rank", csv, "--by", "somethingElse"});
        QCOMPARE(unknownDirection.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliBenchmarking)
#include "tst_cli_benchmarking.moc"
