// shuiheng-cli balance as a process: the contract's JSON document on the sample plant and the
// contract's example, the readable table, --alpha, and a planted gross error found by name.

#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

namespace {

QJsonObject balanceJson(const QStringList& extra, const QString& file) {
    const Run r = run(QStringList{"balance", file, "--json"} + extra);
    if (r.status != QProcess::NormalExit || r.exitCode != 0)
        qFatal("%s", describe(r).constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject streamById(const QJsonObject& doc, const QString& id) {
    for (const QJsonValue& s : doc["streams"].toArray())
        if (s["id"].toString() == id)
            return s.toObject();
    return {};
}

} // namespace

class TestCliBalance : public QObject {
    Q_OBJECT

private slots:
    void sampleDocumentFollowsTheContract() {
        const QJsonObject doc = balanceJson({}, sample);
        const QJsonArray streams = doc["streams"].toArray();
        QCOMPARE(streams.size(), 42);
        const QStringList statuses{"redundant", "nonredundant", "observable", "unobservable"};
        for (const QJsonValue& v : streams) {
            const QJsonObject s = v.toObject();
            QVERIFY(s.contains("id") && s.contains("measured") && s.contains("value") &&
                    s.contains("sigma") && s.contains("status") && s.contains("z") && s.contains("suspect"));
            QVERIFY2(statuses.contains(s["status"].toString()), qPrintable(s["id"].toString()));
            if (s["status"] == "redundant")
                QVERIFY(s["z"].isDouble());
            if (s["status"] == "unobservable")
                QVERIFY(s["value"].isNull());
            else
                // A number, not null: the engine's estimates say "absent" with a NaN
                // (OptionalNumber), so a NaN computed by mistake would show here as null.
                QVERIFY2(s["value"].isDouble() && s["sigma"].isDouble() && s["sigma"].toDouble() >= 0,
                         qPrintable(s["id"].toString()));
        }
        const QJsonObject global = doc["globalTest"].toObject();
        QCOMPARE(global["dof"].toInt(), 4);
        QCOMPARE(global["alpha"].toDouble(), 0.05);
        QVERIFY(global["passed"].toBool());
        QVERIFY(std::abs(global["critical"].toDouble() - 9.4877) < 1e-3); // χ²(4) at 0.95
        QVERIFY(doc["grossErrors"].toArray().isEmpty());
        QVERIFY(doc["nodes"].isArray());
    }

    void contractExampleEstimatesTheEvaporation() {
        const QJsonObject doc = balanceJson({}, testData + "/contract-example.json");
        const QJsonObject s3 = streamById(doc, "S3");
        QCOMPARE(s3["status"].toString(), QString("observable"));
        QVERIFY(std::abs(s3["value"].toDouble() - (12.5 - 2.1)) < 1e-9); // intake − discharge
        QVERIFY(std::abs(s3["sigma"].toDouble() - std::hypot(0.25, 0.1)) < 1e-9);
        QCOMPARE(streamById(doc, "S2")["status"].toString(), QString("nonredundant"));
        QCOMPARE(doc["globalTest"].toObject()["dof"].toInt(), 0);
    }

    void alphaSetsTheCriticalValue() {
        const QJsonObject doc = balanceJson({"--alpha", "0.01"}, sample);
        QVERIFY(std::abs(doc["globalTest"].toObject()["critical"].toDouble() - 13.2767) < 1e-3);
        const Run bad = run({"balance", sample, "--alpha", "2"});
        QCOMPARE(bad.exitCode, 2);
    }

    void plantedBiasIsNamed() {
        // S13 (U2 → U3) is redundant in the sample; make its meter read 40 % high.
        QFile in(sample);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject plant = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray streams = plant["streams"].toArray();
        for (int i = 0; i < streams.size(); ++i) {
            QJsonObject s = streams[i].toObject();
            if (s["id"] != "S13")
                continue;
            QJsonObject m = s["measurement"].toObject();
            m["value"] = m["value"].toDouble() * 1.4;
            s["measurement"] = m;
            streams[i] = s;
        }
        plant["streams"] = streams;
        QTemporaryDir dir;
        const QString file = dir.filePath("biased.json");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(plant).toJson());
        out.close();

        const QJsonObject doc = balanceJson({}, file);
        QVERIFY(!doc["globalTest"].toObject()["passed"].toBool());
        const QJsonArray gross = doc["grossErrors"].toArray();
        QVERIFY(!gross.isEmpty());
        // S13 shares its signature with S4, S14, S15 and S32 (one cut of the reduced balances): the
        // engine must name S13 among the meters it cannot tell apart.
        QStringList named{gross[0].toObject()["stream"].toString()};
        for (const QJsonValue& id : gross[0].toObject()["equivalent"].toArray())
            named << id.toString();
        QVERIFY2(named.contains("S13"), qPrintable(named.join(", ")));
        QVERIFY(named.size() > 1);
        QVERIFY(gross[0].toObject()["bias"].toDouble() > 0); // reads high
        QVERIFY(streamById(doc, "S13")["suspect"].toBool());
        QVERIFY(!gross[0].toObject()["equivalent"].toArray().isEmpty());

        const Run table = run({"balance", file});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("does not close") && table.out.contains("S13") &&
                     table.out.contains("too high"),
                 describe(table));
    }

    // The long arrays (streams, loop blocks, raw node tests, balances) are written directly rather
    // than through the JSON library (a document model of 100,000 streams was the slowest part of the
    // command): the text must be exactly what the library would print, empty arrays, unobservable
    // streams (loopBlock), balances over several units and campaign plants included.
    void documentIsPrintedAsTheJsonLibraryWould_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("sample") << sample;
        QTest::newRow("campaign") << QString(sample).replace("sample-plant", "sample-campaign");
        QTest::newRow("contract example") << testData + "/contract-example.json";
        QTest::newRow("extended") << testData + "/extended-plant.json";
        QTest::newRow("loop") << testData + "/loop-plant.json";
    }
    void documentIsPrintedAsTheJsonLibraryWould() {
        QFETCH(QString, file);
        const Run r = run({"balance", file, "--json"});
        QCOMPARE(r.exitCode, 0);
        const std::string text = r.out.toStdString();
        const auto parsed = nlohmann::ordered_json::parse(text);
        QVERIFY(parsed["streams"].size() > 0);
        QCOMPARE(parsed.dump(2) + "\n", text);
    }

    void tableSaysTheVerdict() {
        const Run r = run({"balance", sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("closes within the meters' accuracy"), describe(r));
        QVERIFY(r.out.contains("observable") && r.out.contains("S42"));
    }

    void awkwardPlantsGetADiagnosticNotACrash_data() {
        QTest::addColumn<QByteArray>("streams");
        QTest::addColumn<QString>("expected");
        const QByteArray intake = R"({"id": "S1", "from": "W", "to": "U1")";
        const QByteArray out = R"({"id": "S2", "from": "U1", "to": "D")";
        QTest::newRow("all unmeasured") << intake + "}, " + out + "}"
                                        << "no stream is measured";
        QTest::newRow("no redundancy")
            << intake + R"(, "measurement": {"value": 5, "sigma": 0.1}}, )" + out + "}"
            << "no redundancy";
        QTest::newRow("exact contradiction") << intake + R"(, "measurement": {"value": 5, "sigma": 0}}, )" +
                                                    out + R"(, "measurement": {"value": 6, "sigma": 0}})"
                                             << "do not balance";
        QTest::newRow("absurd magnitudes")
            << intake + R"(, "measurement": {"value": 1e12, "sigma": 1e-12}}, )" + out +
                   R"(, "measurement": {"value": 1e-12, "sigma": 1e12}})"
            << "";
    }

    void awkwardPlantsGetADiagnosticNotACrash() {
        QFETCH(QByteArray, streams);
        QFETCH(QString, expected);
        const QByteArray plant =
            R"({"format": "shuiheng-plant", "version": 1, "name": "t", "flowUnit": "m3/h",
            "nodes": [{"id": "W", "kind": "source"}, {"id": "U1", "kind": "unit"}, {"id": "D", "kind": "discharge"}],
            "streams": [)" +
            streams + "]}";
        QTemporaryDir dir;
        QFile file(dir.filePath("plant.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(plant);
        file.close();
        const QJsonObject doc = balanceJson({}, file.fileName()); // fails on exit ≠ 0 or non-JSON (NaN)
        QString messages;
        for (const QJsonValue& d : doc["diagnostics"].toArray())
            messages += d["message"].toString() + "\n";
        QVERIFY2(messages.contains(expected), qPrintable(messages));
        for (const QJsonValue& s : doc["streams"].toArray())
            for (const char* key : {"value", "sigma", "z"})
                QVERIFY(s[key].isNull() || std::isfinite(s[key].toDouble()));
    }

    void invalidPlantIsRefused() {
        const Run r = run({"balance", testData + "/does-not-exist.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliBalance)
#include "tst_cli_balance.moc"
