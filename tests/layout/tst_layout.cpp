// The water-balance diagram's layout: on the sample plant and on random plants, every node sits in
// its frame, frames nest, sources are left of sinks, every stream runs from its node to its node,
// nothing is NaN or outside the diagram, the same plant gives the same layout, pinned positions
// are kept (also through a plant file), and invalid drafts are drawn as far as they can be.

#include "io/plant_file.h"
#include "layout/diagram_layout.h"
#include "layout/pinned_position.h"
#include "layout/svg_writer.h"
#include "model/plant_graph.h"
#include "network_plants.h"

#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>

using namespace shuiheng;
using namespace shuiheng::layout;

namespace {

constexpr double tolerance = 0.5; // points; dot rounds its coordinates

bool finite(const Box& b) {
    return std::isfinite(b.x) && std::isfinite(b.y) && std::isfinite(b.width) && std::isfinite(b.height);
}

double distanceToBox(Point p, const Box& box) {
    const double dx = std::max({box.x - p.x, 0.0, p.x - (box.x + box.width)});
    const double dy = std::max({box.y - p.y, 0.0, p.y - (box.y + box.height)});
    return std::hypot(dx, dy);
}

/// Every property a diagram of `plant` must have; the first one broken, or empty.
QString checkLayout(const Plant& plant, const DiagramLayout& layout) {
    const PlantGraph graph(plant);
    const Box whole{0, 0, layout.width, layout.height};
    if (!std::isfinite(layout.width) || !std::isfinite(layout.height) || layout.width <= 0)
        return "diagram size not finite or empty";
    std::size_t drawable = 0;
    for (NodeIndex i = 0; i < plant.nodes.size(); ++i)
        if (plant.nodes[i].kind != NodeKind::Group && graph.findNode(plant.nodes[i].id) == i)
            ++drawable;
    if (layout.nodes.size() != drawable)
        return QString("%1 nodes drawn, %2 expected").arg(layout.nodes.size()).arg(drawable);

    for (const GroupFrame& g : layout.groups) {
        if (!finite(g.box) || !whole.contains(g.box, tolerance))
            return QString::fromStdString("frame " + g.id + " not finite or outside the diagram");
        if (!g.parent.empty()) {
            const GroupFrame* outer = layout.group(g.parent);
            if (!outer || !outer->box.contains(g.box, tolerance))
                return QString::fromStdString("frame " + g.id + " not inside frame " + g.parent);
            if (g.level != outer->level + 1)
                return QString::fromStdString("frame " + g.id + " has the wrong level");
        }
        if (!g.box.contains(g.labelPosition, tolerance))
            return QString::fromStdString("caption of " + g.id + " outside its frame");
    }
    double sourcesRight = -INFINITY, sinksLeft = INFINITY;
    for (const NodeBox& n : layout.nodes) {
        if (!finite(n.box) || !whole.contains(n.box, tolerance) || n.box.width <= 0 || n.box.height <= 0)
            return QString::fromStdString("node " + n.id + " not finite or outside the diagram");
        const auto index = graph.findNode(n.id);
        const auto parent = graph.parentGroup(*index);
        if (!isBoundary(n.kind) && parent && graph.level(*index) > 0 && n.group != plant.nodes[*parent].id)
            return QString::fromStdString("node " + n.id + " not in the frame of its group");
        if (!n.group.empty()) {
            const GroupFrame* frame = layout.group(n.group);
            if (!frame || !frame->box.contains(n.box, tolerance))
                return QString::fromStdString("node " + n.id + " not inside frame " + n.group);
        }
        if (n.kind == NodeKind::Source)
            sourcesRight = std::max(sourcesRight, n.box.x + n.box.width);
        if (isSink(n.kind))
            sinksLeft = std::min(sinksLeft, n.box.x);
    }
    if (!(sourcesRight < sinksLeft))
        return QString("a source (right edge %1) is not left of every sink (left edge %2)")
            .arg(sourcesRight)
            .arg(sinksLeft);

    std::size_t connected = 0;
    for (StreamIndex s = 0; s < plant.streams.size(); ++s)
        connected += graph.isConnected(s);
    if (layout.streams.size() != connected)
        return QString("%1 streams drawn, %2 connected").arg(layout.streams.size()).arg(connected);
    for (const StreamPath& s : layout.streams) {
        const QString name = QString::fromStdString("stream " + s.id);
        if (s.path.size() < 4 || (s.path.size() - 1) % 3 != 0)
            return name + " is not a cubic Bezier path";
        for (const Point& p : s.path)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !whole.contains(p, tolerance))
                return name + " has a point not finite or outside the diagram";
        if (distanceToBox(s.path.front(), layout.node(s.from)->box) > 1.5)
            return name + " does not start at " + QString::fromStdString(s.from);
        if (distanceToBox(s.path.back(), layout.node(s.to)->box) > 1.5)
            return name + " does not end at " + QString::fromStdString(s.to);
        if (s.loop != (s.from == s.to))
            return name + " loop flag wrong";
        if (!std::isfinite(s.labelPosition.x) || !std::isfinite(s.labelPosition.y))
            return name + " label position not finite";
    }
    return {};
}

Plant samplePlant() {
    const auto loaded = loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
    if (!loaded.ok())
        qFatal("the sample plant does not load");
    return *loaded.plant;
}

Node& nodeById(Plant& plant, const std::string& id) {
    for (Node& n : plant.nodes)
        if (n.id == id)
            return n;
    qFatal("no node %s", id.c_str());
}

bool wellFormedXml(const std::string& text) {
    QXmlStreamReader xml(QByteArray::fromStdString(text));
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT

private slots:
    void samplePlant_isWellFormed() {
        const Plant plant = samplePlant();
        const DiagramLayout layout = layoutPlant(plant);
        QVERIFY2(layout.skipped.empty(), layout.skipped.empty() ? "" : layout.skipped[0].reason.c_str());
        const QString problem = checkLayout(plant, layout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Every group of the sample has its frame, nested as the plant nests them.
        QCOMPARE(layout.groups.size(), std::size_t(8));
        QCOMPARE(layout.group("G11")->parent, std::string("G1"));
        QCOMPARE(layout.group("G11")->level, 3);
        QCOMPARE(layout.node("U1")->group, std::string("G11"));
        QVERIFY(layout.node("U12")->group.empty());
        // The circulation loop of the cooling system is drawn as a loop.
        bool anyLoop = false;
        for (const StreamPath& s : layout.streams)
            anyLoop = anyLoop || s.loop;
        QVERIFY(anyLoop);
    }

    void randomPlants_areWellFormed_data() {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 25; ++seed)
            QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
    }
    void randomPlants_areWellFormed() {
        QFETCH(quint64, seed);
        const Plant plant = test::randomLayoutPlant(seed);
        const DiagramLayout layout = layoutPlant(plant);
        QVERIFY(layout.skipped.empty());
        const QString problem = checkLayout(plant, layout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void layout_isDeterministic() {
        const Plant plant = test::randomLayoutPlant(7);
        const std::string first = toSvg(layoutPlant(plant));
        const std::string second = toSvg(layoutPlant(samplePlant()));
        QCOMPARE(toSvg(layoutPlant(plant)), first);
        QCOMPARE(toSvg(layoutPlant(samplePlant())), second);
    }

    void pinnedPosition_isKept() {
        Plant plant = samplePlant();
        setPinnedPosition(nodeById(plant, "U5"), Point{700, 520});
        setPinnedPosition(nodeById(plant, "W1"), Point{60, 700});
        const DiagramLayout layout = layoutPlant(plant);
        const QString problem = checkLayout(plant, layout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(layout.node("U5")->pinned);
        QVERIFY(!layout.node("U6")->pinned);
        QCOMPARE(layout.node("U5")->box.center().x, 700.0);
        QCOMPARE(layout.node("U5")->box.center().y, 520.0);
        QCOMPARE(layout.node("W1")->box.center().x, 60.0);
        QCOMPARE(layout.node("W1")->box.center().y, 700.0);
        // The frames around U5 grew to hold it where it was put.
        QVERIFY(layout.group("G21")->box.contains(layout.node("U5")->box));
        QVERIFY(layout.group("G2")->box.contains(layout.group("G21")->box));
        // Ignoring pins gives the plain automatic layout.
        LayoutOptions automatic;
        automatic.honourPinned = false;
        QVERIFY(!layoutPlant(plant, automatic).node("U5")->pinned);
    }

    void pinnedPosition_tooCloseToTheEdge_isClampedInside() {
        Plant plant = samplePlant();
        setPinnedPosition(nodeById(plant, "U1"), Point{-50, 0});
        const DiagramLayout layout = layoutPlant(plant);
        const QString problem = checkLayout(plant, layout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(layout.node("U1")->box.x > 0);
    }

    void pinnedPosition_survivesThePlantFile() {
        Plant plant = samplePlant();
        setPinnedPosition(nodeById(plant, "U7"), Point{321.25, 98.04});
        auto parsed = parsePlantJson(toPlantJson(plant));
        QVERIFY(parsed.ok());
        const auto pin = pinnedPosition(nodeById(*parsed.plant, "U7"));
        QVERIFY(pin.has_value());
        QCOMPARE(pin->x, 321.3); // kept to a tenth of a point
        QCOMPARE(pin->y, 98.0);
        // Unpinning removes the field.
        setPinnedPosition(nodeById(plant, "U7"), std::nullopt);
        QVERIFY(!nodeById(plant, "U7").extra.count(pinnedPositionField));
    }

    void pinnedPosition_malformed_isIgnoredWithAReason() {
        Node node;
        node.extra[pinnedPositionField] = R"({"x": "left", "y": 3})";
        std::string error;
        QVERIFY(!pinnedPosition(node, &error));
        QVERIFY(error.find("numbers") != std::string::npos);
        node.extra[pinnedPositionField] = "[1, 2]";
        QVERIFY(!pinnedPosition(node, &error));
        QVERIFY(error.find("object") != std::string::npos);
    }

    void invalidDraft_isDrawnAsFarAsPossible() {
        Plant plant;
        const auto add = [&](std::string id, NodeKind kind, std::string parent = {}) {
            Node n;
            n.id = std::move(id);
            n.kind = kind;
            n.parent = std::move(parent);
            plant.nodes.push_back(n);
        };
        add("W", NodeKind::Source);
        add("A", NodeKind::Group, "B"); // A and B hold each other: a cycle
        add("B", NodeKind::Group, "A");
        add("E", NodeKind::Group); // empty: still framed
        add("U1", NodeKind::Unit, "A");
        add("U1", NodeKind::Unit); // duplicate id
        add("U2", NodeKind::Unit, "NOPE");
        add("D", NodeKind::Discharge);
        const auto link = [&](std::string id, std::string from, std::string to) {
            Stream s;
            s.id = std::move(id);
            s.from = std::move(from);
            s.to = std::move(to);
            plant.streams.push_back(s);
        };
        link("S1", "W", "U1");
        link("S2", "U1", "GHOST");
        link("S3", "U1", "E");
        link("S4", "", "D");
        link("S5", "U2", "U2");
        const DiagramLayout layout = layoutPlant(plant);
        const QString problem = checkLayout(plant, layout);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(layout.group("E"));
        QVERIFY(layout.node("U2")->group.empty());
        QCOMPARE(layout.skipped.size(), std::size_t(4)); // the duplicate and S2, S3, S4
        QVERIFY(layout.stream("S1") && layout.stream("S5") && !layout.stream("S2"));
    }

    void meteredStream_countsAsMeasured() {
        Plant plant = samplePlant();
        QVERIFY(!layoutPlant(plant).stream("S12")->measured); // S12 has no measurement
        Meter meter;
        meter.id = "M12";
        meter.stream = "S12";
        plant.meters.push_back(meter);
        QVERIFY(layoutPlant(plant).stream("S12")->measured);
    }

    void emptyPlant_givesAnEmptyDiagram() {
        const DiagramLayout layout = layoutPlant(Plant{});
        QVERIFY(layout.nodes.empty());
        QVERIFY(std::isfinite(layout.width));
        QVERIFY(wellFormedXml(toSvg(layout)));
    }

    void svg_carriesNamesLabelsWidthsAndDashes() {
        const Plant plant = samplePlant();
        const DiagramLayout layout = layoutPlant(plant);
        SvgOptions options;
        options.title = "水平衡图 <示例> & 测试";
        options.streams["S1"] = {"19.7 ± 0.4", 4.25, false, {}};
        options.streams["S12"] = {"", 1.5, true, {}};
        const std::string svg = toSvg(layout, options);
        QVERIFY(wellFormedXml(svg));
        QVERIFY(svg.find("光卤石分解") != std::string::npos);
        QVERIFY(svg.find("19.7 ± 0.4") != std::string::npos);
        QVERIFY(svg.find("水平衡图 &lt;示例&gt; &amp; 测试") != std::string::npos);
        QVERIFY(svg.find("stroke-width=\"4.25\"") != std::string::npos);
        const auto s12 = svg.find("id=\"stream-S12\"");
        QVERIFY(s12 != std::string::npos);
        QVERIFY(svg.find("stroke-dasharray=\"6 4\"", s12) < svg.find("</g>", s12));
        QVERIFY(svg.find("nan") == std::string::npos);
        QCOMPARE(std::count(svg.begin(), svg.end(), '\n') > 40, true);
        if (qEnvironmentVariableIsSet("SHUIHENG_KEEP_SVG")) {
            QFile file(qEnvironmentVariable("SHUIHENG_KEEP_SVG"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromStdString(svg));
        }
    }

    void textWidth_estimate() {
        QCOMPARE(estimatedTextWidth("水平衡", 12), 36.0);
        QCOMPARE(estimatedTextWidth("ab", 10), 12.0);
        QCOMPARE(estimatedTextWidth("U1水", 10), 22.0);
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
