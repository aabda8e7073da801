// The site Sankey diagram: every band as wide as its flow times the scale, every workshop as wide in
// as out (flows conserved at every node), the bands' flows the reconciled flows summed by workshop —
// checked on a hand-made plant with known numbers and on the sample against an aggregation written
// here, from `balance --json`; and the CLI's SVG loads in QSvgRenderer.

#include "io/plant_file.h"
#include "report/report_figures.h"
#include "report/sankey.h"
#include "report_test_support.h"

#include <QJsonArray>
#include <QMap>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

namespace {

struct Drawn {
    double scale = 0;
    QMap<QPair<QString, QString>, QPair<double, double>> links; ///< (from, to) → (flow, width)
    QMap<QString, double> heights;
};

Drawn parse(const std::string& svg) {
    Drawn d;
    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("svg"))
            d.scale = a.value("data-scale").toDouble();
        else if (xml.name() == QLatin1String("path") && a.value("class") == QLatin1String("link"))
            d.links[{a.value("data-from").toString(), a.value("data-to").toString()}] = {
                a.value("data-flow").toDouble(), a.value("stroke-width").toDouble()};
        else if (xml.name() == QLatin1String("rect") && a.value("class") == QLatin1String("node"))
            d.heights[a.value("data-node").toString()] = a.value("height").toDouble();
    }
    if (xml.hasError())
        qFatal("SVG: %s", qPrintable(xml.errorString()));
    return d;
}

bool near(double a, double b, double relative = 1e-5) {
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

/// Widths proportional to flows; at every node with bands on both sides, in = out = its height.
void checkGeometry(const Drawn& d) {
    QVERIFY(d.scale > 0);
    QMap<QString, double> in, out;
    for (auto it = d.links.begin(); it != d.links.end(); ++it) {
        QVERIFY2(near(it.value().second, it.value().first * d.scale),
                 qPrintable(it.key().first + "→" + it.key().second));
        out[it.key().first] += it.value().second;
        in[it.key().second] += it.value().second;
    }
    for (auto it = d.heights.begin(); it != d.heights.end(); ++it) {
        const QString& node = it.key();
        if (in.contains(node) && out.contains(node))
            QVERIFY2(near(in[node], out[node], 1e-4), qPrintable(node));
        QVERIFY2(near(it.value(), std::max(in.value(node), out.value(node)), 1e-4), qPrintable(node));
    }
}

shuiheng::Node node(const char* id, shuiheng::NodeKind kind, const char* parent = "") {
    shuiheng::Node n;
    n.id = id;
    n.name = id;
    n.kind = kind;
    n.parent = parent;
    return n;
}

shuiheng::Stream stream(const char* id, const char* from, const char* to) {
    shuiheng::Stream s;
    s.id = id;
    s.from = from;
    s.to = to;
    return s;
}

} // namespace

class TestSankey : public QObject {
    Q_OBJECT

private slots:
    void handMade() {
        using namespace shuiheng;
        Plant p;
        p.nodes = {node("W1", NodeKind::Source),     node("G1", NodeKind::Group),
                   node("G2", NodeKind::Group),      node("U1", NodeKind::Unit, "G1"),
                   node("U2", NodeKind::Unit, "G1"), node("U3", NodeKind::Unit, "G2"),
                   node("D1", NodeKind::Discharge),  node("E1", NodeKind::Consumption)};
        p.streams = {stream("S1", "W1", "U1"), stream("S2", "U1", "U2"), stream("S3", "U2", "U3"),
                     stream("S4", "U1", "D1"), stream("S5", "U3", "E1"), stream("S6", "U3", "U3"),
                     stream("S7", "U2", "D1")};
        // W1 → G1: 10; inside G1: 7 (not drawn); G1 → G2: 5; G1 → D1: 3 + 2; G2 → E1: 5; circulation 50.
        const std::vector<std::optional<double>> flows = {10.0, 7.0, 5.0, 3.0, 5.0, 50.0, 2.0};
        report::SankeyOptions options;
        const report::Sankey s = report::siteSankey(p, flows, options);
        const Drawn d = parse(s.svg);
        QCOMPARE(d.links.size(), 4);
        QCOMPARE(d.links.value({"W1", "G1"}).first, 10.0);
        QCOMPARE(d.links.value({"G1", "G2"}).first, 5.0);
        QCOMPARE(d.links.value({"G1", "D1"}).first, 5.0);
        QCOMPARE(d.links.value({"G2", "E1"}).first, 5.0);
        checkGeometry(d);
        QCOMPARE(d.heights.value("G1"), 10.0 * d.scale);
        // The widest column fits the height asked for.
        QVERIFY(10.0 * d.scale <= options.height + 1e-9);
    }

    void unobservableLeftOutAndSaid() {
        using namespace shuiheng;
        Plant p;
        p.nodes = {node("W1", NodeKind::Source), node("U1", NodeKind::Unit), node("D1", NodeKind::Discharge)};
        p.streams = {stream("S1", "W1", "U1"), stream("S2", "U1", "D1")};
        const report::Sankey s = report::siteSankey(p, {4.0, std::nullopt}, {});
        QCOMPARE(s.skipped, std::vector<std::string>{"S2"});
        QCOMPARE(parse(s.svg).links.size(), 1);
    }

    // The sample: bands = reconciled flows of `balance --json` summed by level-2 ancestor (here).
    void sampleAgainstBalanceJson() {
        using namespace shuiheng;
        const PlantFileResult file = loadPlantFile(sampleCampaign.toStdString());
        QVERIFY(file.ok());
        const Plant& plant = *file.plant;
        QMap<QString, QString> parent;
        for (const Node& n : plant.nodes)
            parent[QString::fromStdString(n.id)] = QString::fromStdString(n.parent);
        auto top = [&](QString id) {
            while (!parent.value(id).isEmpty())
                id = parent.value(id);
            return id;
        };
        QMap<QPair<QString, QString>, double> expected;
        const QJsonObject balance = cliJson({"balance", sampleCampaign, "--json"});
        const QJsonArray streams = balance["streams"].toArray();
        for (std::size_t k = 0; k < plant.streams.size(); ++k) {
            const QString from = top(QString::fromStdString(plant.streams[k].from));
            const QString to = top(QString::fromStdString(plant.streams[k].to));
            const QJsonValue v = streams[static_cast<int>(k)]["value"];
            QCOMPARE(streams[static_cast<int>(k)]["id"].toString(),
                     QString::fromStdString(plant.streams[k].id));
            if (from != to && v.isDouble() && v.toDouble() >= 0)
                expected[{from, to}] += v.toDouble();
        }
        const report::ReportResults results = report::computeResults(plant);
        const Drawn d = parse(report::siteSankeyOf(plant, results, "").svg);
        int compared = 0;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (it.value() <= 0)
                continue;
            QVERIFY2(d.links.contains(it.key()), qPrintable(it.key().first + "→" + it.key().second));
            QVERIFY2(near(d.links.value(it.key()).first, it.value(), 1e-6), qPrintable(it.key().first));
            ++compared;
        }
        QCOMPARE(d.links.size(), compared);
        checkGeometry(d);
    }

    void cliWritesSvg() {
        QTemporaryDir dir;
        const QString out = dir.filePath("sankey.svg");
        const Run r = run({"sankey", sampleCampaign, "--out", out});
        QVERIFY2(r.exitCode == 0, describe(r));
        QSvgRenderer renderer(out);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 100);
    }
};

QTEST_GUILESS_MAIN(TestSankey)
#include "tst_sankey.moc"
