// shuiheng-cli indicators as a process: the contract's document on the sample plant (every site
// key, value with sigma), the readable table, and exit status 2 for a file that is not a plant.

#include "../cli/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

namespace {

QJsonObject runJson(const QStringList& arguments) {
    const Run r = run(arguments);
    if (r.status != QProcess::NormalExit || r.exitCode != 0)
        qFatal("%s", describe(r).constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject siteIndicator(const QJsonObject& doc, const QString& key) {
    for (const QJsonValue& v : doc["indicators"].toArray())
        if (v["key"].toString() == key && v["scope"].toString() == "site")
            return v.toObject();
    return {};
}

} // namespace

class TestCliIndicators : public QObject {
    Q_OBJECT

private slots:
    void contractKeys() {
        const QJsonObject doc = runJson({"indicators", sample, "--json"});
        const QStringList keys{"intake",
                               "circulating",
                               "cascade",
                               "reused",
                               "totalUse",
                               "consumption",
                               "discharge",
                               "leakage",
                               "reuseRate",
                               "dischargeRate",
                               "leakageRate",
                               "nonConventionalShare",
                               "coolingCirculationRate",
                               "unitProductIntake"};
        for (const QString& key : keys) {
            const QJsonObject i = siteIndicator(doc, key);
            QVERIFY2(!i.isEmpty(), qPrintable(key));
            QVERIFY2(i["value"].isDouble() && i["sigma"].isDouble(), qPrintable(key));
            QVERIFY(i["sigma"].toDouble() >= 0);
            QVERIFY(i.contains("unit") && i["streams"].isArray());
        }
        QCOMPARE(siteIndicator(doc, "intake")["unit"].toString(), QString("m3/h"));
        QCOMPARE(siteIndicator(doc, "reuseRate")["unit"].toString(), QString("1"));
        QCOMPARE(siteIndicator(doc, "unitProductIntake")["unit"].toString(), QString("m3/t"));
        // The sample's true site balance: 235 m³/h for 1200 t/d → 4.7 m³/t.
        QVERIFY(std::abs(siteIndicator(doc, "unitProductIntake")["value"].toDouble() - 4.7) < 0.1);
        const double reuse = siteIndicator(doc, "reuseRate")["value"].toDouble();
        QVERIFY(reuse > 0.9 && reuse < 1.0);
        QVERIFY(doc["closure"].toObject()["checks"].isArray());
        QCOMPARE(doc["format"].toString(), QString("shuiheng-indicators"));
    }

    void siteOnly() {
        const QJsonObject doc = runJson({"indicators", sample, "--json", "--site"});
        for (const QJsonValue& v : doc["indicators"].toArray())
            QCOMPARE(v["scope"].toString(), QString("site"));
    }

    void contractExampleHasNoProduction() {
        const QJsonObject doc = runJson({"indicators", testData + "/contract-example.json", "--json"});
        QVERIFY(siteIndicator(doc, "unitProductIntake").isEmpty());
        // Evaporation is observable (intake − discharge): consumption 10.4.
        QVERIFY(std::abs(siteIndicator(doc, "consumption")["value"].toDouble() - 10.4) < 1e-9);
    }

    void table() {
        const Run r = run({"indicators", sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("reuseRate"));
        QVERIFY(r.out.contains("Closure check"));
    }

    void invalidInput() {
        const Run r = run({"indicators", testData + "/no-such-file.json"});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliIndicators)
#include "tst_cli_indicators.moc"
