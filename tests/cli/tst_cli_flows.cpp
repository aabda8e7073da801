// shuiheng-cli flows as a process, and balance on campaign data: the contract's `flows --json`
// document on data/plants/sample-campaign.json, and the balance of the measurements it derives.

#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

namespace {

const QString campaign = SHUIHENG_DATA_DIR "/plants/sample-campaign.json";

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

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject byKey(const QJsonArray& list, const QString& key, const QString& id) {
    for (const QJsonValue& v : list)
        if (v[key].toString() == id)
            return v.toObject();
    return {};
}

} // namespace

class TestCliFlows : public QObject {
    Q_OBJECT

private slots:
    void documentFollowsTheContract() {
        const QJsonObject doc = runJson({"flows", campaign, "--json"});
        const QJsonArray flows = doc["flows"].toArray();
        QCOMPARE(flows.size(), 34); // every measured stream of the sample plant has a meter here
        for (const QJsonValue& v : flows) {
            const QJsonObject f = v.toObject();
            for (const char* key : {"stream", "meter"})
                QVERIFY2(f[key].isString(), key);
            for (const char* key : {"value", "sigma", "n", "uA", "uB"})
                QVERIFY2(f[key].isDouble(), key);
            const double uA = f["uA"].toDouble(), uB = f["uB"].toDouble();
            QVERIFY(std::abs(f["sigma"].toDouble() - std::hypot(uA, uB)) < 1e-12);
            QVERIFY(std::abs(uB - f["mpe"].toDouble() * std::abs(f["value"].toDouble()) / std::sqrt(3.0)) <
                    1e-12);
            QCOMPARE(f["samples"].toArray().size(), f["n"].toInt());
            QVERIFY(QStringList({"A", "B", "C", "D"}).contains(f["grade"].toString()));
            QCOMPARE(f["grade"].toString() == "A", f["gradeReasons"].toArray().isEmpty());
        }
        QCOMPARE(doc["flowUnit"].toString(), QString("m3/h"));
        QVERIFY(doc["diagnostics"].toArray().isEmpty());
    }

    // The readings were made to reproduce the sample plant's measurements, value and sigma.
    void reproducesTheSamplePlant() {
        const QJsonArray flows = runJson({"flows", campaign, "--json"})["flows"].toArray();
        const QJsonArray streams = readJson(sample)["streams"].toArray();
        for (const QJsonValue& v : flows) {
            const QString id = v["stream"].toString();
            const QJsonObject m = byKey(streams, "id", id)["measurement"].toObject();
            QVERIFY2(!m.isEmpty(), qPrintable(id));
            const double value = v["value"].toDouble(), sigma = v["sigma"].toDouble();
            QVERIFY2(std::abs(value - m["value"].toDouble()) <= 0.002 * m["value"].toDouble(),
                     qPrintable(QString("%1: %2 against %3").arg(id).arg(value).arg(m["value"].toDouble())));
            QVERIFY2(
                std::abs(sigma - m["sigma"].toDouble()) <= 0.05 * m["sigma"].toDouble(),
                qPrintable(QString("%1: sigma %2 against %3").arg(id).arg(sigma).arg(m["sigma"].toDouble())));
        }
    }

    // Each sample names the readings of the file it came from; an interval never spans two meters.
    void samplesAreTraceable() {
        const QJsonArray flows = runJson({"flows", campaign, "--json"})["flows"].toArray();
        const QJsonArray readings = readJson(campaign)["readings"].toArray();
        for (const QJsonValue& f : flows)
            for (const QJsonValue& s : f["samples"].toArray()) {
                const QJsonArray used = s["readings"].toArray();
                QVERIFY(used.size() == 1 || used.size() == 2);
                for (const QJsonValue& i : used) {
                    const QJsonObject r = readings[i.toInt()].toObject();
                    QCOMPARE(r["meter"].toString(), s["meter"].toString());
                }
                if (used.size() == 2) {
                    QCOMPARE(readings[used[0].toInt()]["time"].toString(), s["from"].toString());
                    QCOMPARE(readings[used[1].toInt()]["time"].toString(), s["to"].toString());
                }
            }
    }

    void rolloverReplacementMethodsAndGrades() {
        const QJsonArray flows = runJson({"flows", campaign, "--json"})["flows"].toArray();
        // S11: the domestic water meter passed 99 999 on the last day.
        const QJsonObject s11 = byKey(flows, "stream", "S11");
        QVERIFY(s11["samples"].toArray().last()["rolledOver"].toBool());
        QCOMPARE(s11["grade"].toString(), QString("A"));
        // S8: M8 replaced by M8B on 2 June; four intervals, none across the change.
        const QJsonObject s8 = byKey(flows, "stream", "S8");
        QCOMPARE(s8["meter"].toString(), QString("M8B"));
        QCOMPARE(s8["meters"].toArray(), QJsonArray({"M8", "M8B"}));
        QCOMPARE(s8["n"].toInt(), 4);
        QCOMPARE(s8["mpe"].toDouble(), 0.015); // (2 × 0.02 + 2 × 0.01) / 4
        QCOMPARE(s8["samples"].toArray()[1].toObject()["to"].toString(),
                 QString("2026-06-02T14:00:00+08:00"));
        QCOMPARE(s8["samples"].toArray()[2].toObject()["from"].toString(),
                 QString("2026-06-02T15:00:00+08:00"));
        // S2: the brackish-water meter's calibration ran out in March.
        const QJsonObject s2 = byKey(flows, "stream", "S2");
        QCOMPARE(s2["grade"].toString(), QString("C"));
        QVERIFY(s2["gradeReasons"].toArray()[0].toString().startsWith(
            "calibration expired: meter M2 was due 2026-03-19"));
        // S37: water in the product, estimated once.
        const QJsonObject s37 = byKey(flows, "stream", "S37");
        QCOMPARE(s37["grade"].toString(), QString("D"));
        QCOMPARE(s37["n"].toInt(), 1);
        QCOMPARE(s37["uA"].toDouble(), 0.0);
        // S25: boiler blowdown by bucket and stopwatch, read in L/min, given in m³/h.
        const QJsonObject s25 = byKey(flows, "stream", "S25");
        QVERIFY(std::abs(s25["value"].toDouble() - 0.723) < 0.001);
        QCOMPARE(s25["samples"].toArray()[0].toObject()["time"].toString(),
                 QString("2026-06-01T08:00:00+08:00"));
    }

    void readableTable() {
        const Run r = run({"flows", campaign});
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), describe(r));
        QVERIFY2(r.out.contains("S8      M8 → M8B"), describe(r));
        QVERIFY2(r.out.contains("estimated, not measured (M37)"), describe(r));
    }

    // info counts a stream as measured once, whatever the number of meters it had.
    void infoCountsAReplacedMeterOnce() {
        const Run r = run({"info", campaign});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("intake             11           0     11"), describe(r));
        QVERIFY2(r.out.contains("all                34           8     42"), describe(r));
        QVERIFY2(r.out.contains("Campaign data: 35 meters, 135 readings"), describe(r));
    }

    void plantWithoutMetersHasNoFlows() {
        const QJsonObject doc = runJson({"flows", sample, "--json"});
        QVERIFY(doc["flows"].isArray() && doc["flows"].toArray().isEmpty());
    }

    void invalidFileExits2() {
        const Run r = run({"flows", testData + "/invalid/five-errors.json", "--json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("not a valid plant file"), describe(r));
    }

    // balance reconciles the measurements the readings give, and the sample's balance still closes.
    void balanceUsesTheDerivedMeasurements() {
        const QJsonArray flows = runJson({"flows", campaign, "--json"})["flows"].toArray();
        const QJsonObject doc = runJson({"balance", campaign, "--json"});
        const QJsonArray streams = doc["streams"].toArray();
        QCOMPARE(streams.size(), 42);
        for (const QJsonValue& f : flows) {
            const QJsonObject s = byKey(streams, "id", f["stream"].toString());
            QCOMPARE(s["measured"].toDouble(), f["value"].toDouble());
            QCOMPARE(s["measuredSigma"].toDouble(), f["sigma"].toDouble());
            QVERIFY(s["status"] == "redundant" || s["status"] == "nonredundant");
        }
        const QJsonObject global = doc["globalTest"].toObject();
        QVERIFY(global["passed"].toBool());
        QCOMPARE(global["dof"].toInt(), 4);
        QVERIFY2(std::abs(global["statistic"].toDouble() - 3.06) < 0.1,
                 qPrintable(QString::number(global["statistic"].toDouble())));
        QVERIFY(doc["grossErrors"].toArray().isEmpty());
        const QJsonObject table = runJson({"balance", sample, "--json"});
        QCOMPARE(byKey(table["streams"].toArray(), "id", "S35")["status"].toString(), QString("observable"));
        QCOMPARE(byKey(streams, "id", "S35")["status"].toString(), QString("observable"));
    }
};

QTEST_GUILESS_MAIN(TestCliFlows)
#include "tst_cli_flows.moc"
