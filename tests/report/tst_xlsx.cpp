// shuiheng-cli export-xlsx on the sample: the workbook is a valid zip of XML (read back here with
// unzip -p and a small cell reader), its sheets hold the readings, the reconciled flows of `balance
// --json`, the site balance and the indicators of `indicators --json`, as numbers; header rows are
// frozen and carry units.

#include "report_test_support.h"

#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

namespace {

/// A worksheet's cells by reference ("B3") as text: numbers as written, strings resolved.
using Cells = QMap<QString, QString>;

QStringList sharedStrings(const QString& xlsx) {
    QStringList out;
    QXmlStreamReader xml(tool("unzip", {"-p", xlsx, "xl/sharedStrings.xml"}));
    QString current;
    bool inSi = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si"))
            inSi = true, current.clear();
        else if (xml.isStartElement() && xml.name() == QLatin1String("t") && inSi)
            current += xml.readElementText();
        else if (xml.isEndElement() && xml.name() == QLatin1String("si"))
            inSi = false, out << current;
    }
    return out;
}

/// Sheet name → its part ("xl/worksheets/sheet3.xml"), in workbook order.
QList<QPair<QString, QString>> sheets(const QString& xlsx) {
    QList<QPair<QString, QString>> out;
    QXmlStreamReader xml(tool("unzip", {"-p", xlsx, "xl/workbook.xml"}));
    int index = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("sheet"))
            out << qMakePair(xml.attributes().value("name").toString(),
                             QString("xl/worksheets/sheet%1.xml").arg(++index));
    }
    return out;
}

Cells cells(const QString& xlsx, const QString& part, const QStringList& strings, QByteArray* raw = nullptr) {
    Cells out;
    const QByteArray bytes = tool("unzip", {"-p", xlsx, part});
    if (raw)
        *raw = bytes;
    QXmlStreamReader xml(bytes);
    QString ref, type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("c")) {
            ref = xml.attributes().value("r").toString();
            type = xml.attributes().value("t").toString();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("v")) {
            const QString v = xml.readElementText();
            out[ref] = type == "s" ? strings.value(v.toInt()) : v;
        }
    }
    return out;
}

/// The column letter of the header cell in row 1 that contains `text`.
QString column(const Cells& c, const QString& text) {
    for (auto it = c.begin(); it != c.end(); ++it)
        if (it.key().endsWith(QLatin1String("1")) && it.key().size() == 2 && it.value().contains(text))
            return it.key().left(1);
    return {};
}

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestXlsx : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString xlsx;
    QStringList strings;
    QList<QPair<QString, QString>> parts;

    Cells sheet(const QString& name, QByteArray* raw = nullptr) {
        for (const auto& p : parts)
            if (p.first == name)
                return cells(xlsx, p.second, strings, raw);
        qFatal("no sheet %s", qPrintable(name));
    }

private slots:
    void initTestCase() {
        xlsx = dir.filePath("tables.xlsx");
        const Run r = run({"export-xlsx", sampleCampaign, "--out", xlsx, "--lang", "en"});
        QVERIFY2(r.exitCode == 0, describe(r));
        tool("unzip", {"-t", xlsx}); // a sound zip
        strings = sharedStrings(xlsx);
        parts = sheets(xlsx);
    }

    void sheetNames() {
        QStringList names;
        for (const auto& p : parts)
            names << p.first;
        for (const char* n :
             {"Readings", "Flows", "Balance 1", "Balance 2", "Balance 3", "Indicators", "Benchmark"})
            QVERIFY2(names.contains(n), qPrintable(names.join(", ")));
    }

    void readings() {
        const QJsonObject plant = [] {
            QFile f(sampleCampaign);
            f.open(QIODevice::ReadOnly);
            return QJsonDocument::fromJson(f.readAll()).object();
        }();
        const QJsonArray readings = plant["readings"].toArray();
        const Cells c = sheet("Readings");
        for (int k = 0; k < readings.size(); ++k) {
            const QJsonObject r = readings[k].toObject();
            QCOMPARE(c.value(QString("A%1").arg(k + 2)), r["meter"].toString());
            QCOMPARE(c.value(QString("C%1").arg(k + 2)), r["time"].toString());
            QVERIFY(near(c.value(QString("D%1").arg(k + 2)).toDouble(), r["value"].toDouble()));
        }
        QVERIFY(!c.contains(QString("A%1").arg(readings.size() + 2)));
    }

    void flowsAreTheReconciledFlows() {
        QByteArray raw;
        const Cells c = sheet("Flows", &raw);
        QVERIFY2(raw.contains("state=\"frozen\""), "header row frozen");
        const QString reconciled = column(c, "Reconciled (m³/h)");
        QVERIFY2(!reconciled.isEmpty(), "units in the header");
        const QString sigma = QString(QChar(reconciled.at(0).unicode() + 1));
        const QJsonArray streams = cliJson({"balance", sampleCampaign, "--json"})["streams"].toArray();
        int checked = 0;
        for (int k = 0; k < streams.size(); ++k) {
            const QJsonObject s = streams[k].toObject();
            QCOMPARE(c.value(QString("A%1").arg(k + 2)), s["id"].toString());
            if (!s["value"].isDouble())
                continue;
            QVERIFY2(near(c.value(reconciled + QString::number(k + 2)).toDouble(), s["value"].toDouble()),
                     qPrintable(s["id"].toString()));
            QVERIFY(near(c.value(sigma + QString::number(k + 2)).toDouble(), s["sigma"].toDouble()));
            ++checked;
        }
        QVERIFY(checked > 30);
    }

    void siteBalanceAndIndicators() {
        const QJsonObject doc = cliJson({"indicators", sampleCampaign, "--json"});
        const Cells site = sheet("Balance 1");
        QCOMPARE(site.value("A2"), QString("site"));
        const QString intake = column(site, "Vf (m³/h)");
        QVERIFY(!intake.isEmpty());
        QVERIFY(near(site.value(intake + "2").toDouble(), siteIndicator(doc, "intake")["value"].toDouble()));
        const Cells c = sheet("Indicators");
        int checked = 0;
        for (int row = 2; c.contains(QString("A%1").arg(row)); ++row) {
            if (c.value(QString("A%1").arg(row)) != "site")
                continue;
            const QJsonObject i = siteIndicator(doc, c.value(QString("B%1").arg(row)));
            QVERIFY(!i.isEmpty());
            if (i["value"].isDouble()) {
                QVERIFY2(near(c.value(QString("D%1").arg(row)).toDouble(), i["value"].toDouble()),
                         qPrintable(i["key"].toString()));
                ++checked;
            }
        }
        QVERIFY(checked >= 12);
    }

    void chineseHeaders() {
        const QString out = dir.filePath("zh.xlsx");
        const Run r = run({"export-xlsx", sampleCampaign, "--out", out});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY(sharedStrings(out).join('|').contains("调和值 (m³/h)"));
    }
};

QTEST_GUILESS_MAIN(TestXlsx)
#include "tst_xlsx.moc"
