// PlantGraph: lookups, derived stream types, in/out streams, the group hierarchy and its levels,
// and how it copes with a broken plant (dangling references, groups as stream ends, cycles).

#include "io/plant_file.h"
#include "model/plant_graph.h"
#include "test_support.h"

#include <QtTest>

using namespace shuiheng;

namespace {

Node node(const std::string& id, NodeKind kind, const std::string& parent = {}) {
    Node n;
    n.id = id;
    n.kind = kind;
    n.parent = parent;
    return n;
}

Stream stream(const std::string& id, const std::string& from, const std::string& to,
              std::optional<StreamType> declared = std::nullopt) {
    Stream s;
    s.id = id;
    s.from = from;
    s.to = to;
    s.declaredType = declared;
    return s;
}

/// W → U1 → U2 (with a circulation on U2) → D, E, L; U1 in group A, U2 in group B inside A.
Plant smallPlant() {
    Plant p;
    p.name = "small";
    p.nodes = {node("W", NodeKind::Source),                       // 0
               node("A", NodeKind::Group),                        // 1
               node("B", NodeKind::Group, "A"),                   // 2
               node("U1", NodeKind::Unit, "A"),                   // 3
               node("U2", NodeKind::Unit, "B"),                   // 4
               node("D", NodeKind::Discharge),                    // 5
               node("E", NodeKind::Consumption),                  // 6
               node("L", NodeKind::Loss),                         // 7
               node("U3", NodeKind::Unit)};                       // 8, at site level
    p.streams = {stream("S1", "W", "U1"),                         // 0 intake
                 stream("S2", "U1", "U2"),                        // 1 cascade
                 stream("S3", "U2", "U2"),                        // 2 recycle (self-loop)
                 stream("S4", "U2", "D"),                         // 3 discharge
                 stream("S5", "U2", "E"),                         // 4 consumption
                 stream("S6", "U1", "L"),                         // 5 leakage
                 stream("S7", "U2", "U1", StreamType::Recycle),   // 6 recycle (declared)
                 stream("S8", "U2", "U3", StreamType::Cascade),   // 7 cascade (declared)
                 stream("S9", "U3", "D"),                         // 8 discharge
                 stream("S10", "U3", "U3", StreamType::Recycle)}; // 9 recycle, declared and a self-loop
    return p;
}

std::vector<NodeIndex> indices(std::span<const NodeIndex> span) {
    return {span.begin(), span.end()};
}

} // namespace

class TestPlantGraph : public QObject {
    Q_OBJECT

private slots:
    void find() {
        const Plant p = smallPlant();
        const PlantGraph g(p);
        QCOMPARE(&g.plant(), &p);
        QCOMPARE(g.findNode("W"), std::optional<NodeIndex>(0));
        QCOMPARE(g.findNode("U3"), std::optional<NodeIndex>(8));
        QCOMPARE(g.findNode("X"), std::nullopt);
        QCOMPARE(g.findNode(""), std::nullopt);
        QCOMPARE(g.findNode("u1"), std::nullopt); // ids are case-sensitive
        QCOMPARE(g.findStream("S10"), std::optional<StreamIndex>(9));
        QCOMPARE(g.findStream("S1"), std::optional<StreamIndex>(0));
        QCOMPARE(g.findStream("W"), std::nullopt); // nodes and streams are separate id spaces
    }

    void duplicateIdsFindTheFirst() {
        Plant p = smallPlant();
        p.nodes.push_back(node("U1", NodeKind::Unit));
        p.streams.push_back(stream("S1", "U3", "E"));
        const PlantGraph g(p);
        QCOMPARE(g.findNode("U1"), std::optional<NodeIndex>(3));
        QCOMPARE(g.findStream("S1"), std::optional<StreamIndex>(0));
        QVERIFY(g.inStreams(9).empty()); // the later U1 gets no streams
        QCOMPARE(g.outStreams(8), (std::vector<StreamIndex>{8, 9, 10}));
    }

    void derivedTypes() {
        const Plant p = smallPlant();
        const PlantGraph g(p);
        const std::vector<StreamType> expected{
            StreamType::Intake,      StreamType::Cascade, StreamType::Recycle, StreamType::Discharge,
            StreamType::Consumption, StreamType::Leakage, StreamType::Recycle, StreamType::Cascade,
            StreamType::Discharge,   StreamType::Recycle};
        for (StreamIndex s = 0; s < p.streams.size(); ++s) {
            QVERIFY(g.isConnected(s));
            QCOMPARE(shuiheng::test::name(g.typeOf(s)), shuiheng::test::name(expected[s]));
        }
        QCOMPARE(g.fromNode(1), NodeIndex(3));
        QCOMPARE(g.toNode(1), NodeIndex(4));
        QCOMPARE(g.fromNode(2), g.toNode(2));
    }

    void declaredTypeOtherThanRecycleDoesNotOverrideTheEnds() {
        Plant p = smallPlant();
        p.streams[0].declaredType = StreamType::Discharge; // wrong; validation says so
        p.streams[3].declaredType = StreamType::Cascade;
        const PlantGraph g(p);
        QCOMPARE(shuiheng::test::name(g.typeOf(0)), shuiheng::test::name(StreamType::Intake));
        QCOMPARE(shuiheng::test::name(g.typeOf(3)), shuiheng::test::name(StreamType::Discharge));
    }

    void inAndOutStreams() {
        const Plant p = smallPlant();
        const PlantGraph g(p);
        using V = std::vector<StreamIndex>;
        QCOMPARE(g.inStreams(0), V{});
        QCOMPARE(g.outStreams(0), V{0});
        QCOMPARE(g.inStreams(3), (V{0, 6}));
        QCOMPARE(g.outStreams(3), (V{1, 5}));
        // A self-loop is both an inflow and an outflow of its unit, once each.
        QCOMPARE(g.inStreams(4), (V{1, 2}));
        QCOMPARE(g.outStreams(4), (V{2, 3, 4, 6, 7}));
        QCOMPARE(g.inStreams(8), (V{7, 9}));
        QCOMPARE(g.outStreams(8), (V{8, 9}));
        QCOMPARE(g.inStreams(5), (V{3, 8}));
        QCOMPARE(g.outStreams(5), V{});
        QCOMPARE(g.inStreams(1), V{}); // groups never carry streams
    }

    void hierarchyAndLevels() {
        const Plant p = smallPlant();
        const PlantGraph g(p);
        QCOMPARE(indices(g.topLevel()), (std::vector<NodeIndex>{0, 1, 5, 6, 7, 8}));
        QCOMPARE(indices(g.children(1)), (std::vector<NodeIndex>{2, 3}));
        QCOMPARE(indices(g.children(2)), (std::vector<NodeIndex>{4}));
        QVERIFY(g.children(3).empty());
        QCOMPARE(g.unitsUnder(1), (std::vector<NodeIndex>{3, 4}));
        QCOMPARE(g.unitsUnder(2), (std::vector<NodeIndex>{4}));
        QVERIFY(g.unitsUnder(3).empty()); // a unit holds nothing
        QCOMPARE(g.level(1), 2);          // A: no parent
        QCOMPARE(g.level(2), 3);          // B in A
        QCOMPARE(g.level(3), 3);          // U1 in A
        QCOMPARE(g.level(4), 4);          // U2 in B in A
        QCOMPARE(g.level(8), 2);          // U3 at site level
        QCOMPARE(g.level(0), 2);          // boundary nodes have no parent either
        QCOMPARE(g.parentGroup(4), std::optional<NodeIndex>(2));
        QCOMPARE(g.parentGroup(2), std::optional<NodeIndex>(1));
        QCOMPARE(g.parentGroup(1), std::nullopt);
    }

    void danglingReferences() {
        Plant p = smallPlant();
        p.nodes[4].parent = "Nowhere";                 // U2: unknown parent
        p.nodes[8].parent = "U1";                      // U3: parent is not a group
        p.streams.push_back(stream("S11", "X", "U1")); // 10: unknown from
        p.streams.push_back(stream("S12", "U1", "A")); // 11: to a group
        p.streams.push_back(stream("S13", "U1", ""));  // 12: empty to
        const PlantGraph g(p);
        // An unresolved parent leaves the node at the top, level 2.
        QCOMPARE(g.parentGroup(4), std::nullopt);
        QCOMPARE(g.level(4), 2);
        QCOMPARE(g.parentGroup(8), std::nullopt);
        QCOMPARE(g.level(8), 2);
        QVERIFY(g.unitsUnder(2).empty());
        QCOMPARE(indices(g.topLevel()), (std::vector<NodeIndex>{0, 1, 4, 5, 6, 7, 8}));
        // Streams that do not resolve, or touch a group, stay out of the graph.
        QVERIFY(!g.isConnected(10));
        QVERIFY(!g.isConnected(11));
        QVERIFY(!g.isConnected(12));
        QCOMPARE(g.inStreams(3), (std::vector<StreamIndex>{0, 6}));
        QCOMPARE(g.outStreams(3), (std::vector<StreamIndex>{1, 5}));
        QCOMPARE(g.findStream("S12"), std::optional<StreamIndex>(11));
    }

    void parentCycle() {
        Plant p = smallPlant();
        p.nodes[1].parent = "B"; // A in B, B in A
        const PlantGraph g(p);
        QCOMPARE(g.level(1), 0);
        QCOMPARE(g.level(2), 0);
        QCOMPARE(g.level(3), 0); // U1 below the cycle
        QCOMPARE(g.level(4), 0);
        QCOMPARE(g.level(8), 2);
        QCOMPARE(g.unitsUnder(1), (std::vector<NodeIndex>{3, 4})); // terminates
        QCOMPARE(g.unitsUnder(2), (std::vector<NodeIndex>{3, 4}));
        QCOMPARE(indices(g.topLevel()), (std::vector<NodeIndex>{0, 5, 6, 7, 8}));

        Plant self = smallPlant();
        self.nodes[1].parent = "A"; // a group inside itself
        const PlantGraph h(self);
        QCOMPARE(h.level(1), 0);
        QCOMPARE(h.unitsUnder(1), (std::vector<NodeIndex>{3, 4}));
    }

    void cutOffFromBoundary() {
        Plant p = smallPlant();
        QVERIFY(PlantGraph(p).unitsCutOffFromBoundary().empty());
        p.nodes.push_back(node("I1", NodeKind::Unit));  // 9
        p.nodes.push_back(node("I2", NodeKind::Unit));  // 10
        p.nodes.push_back(node("I3", NodeKind::Unit));  // 11: no streams at all
        p.nodes.push_back(node("Q", NodeKind::Source)); // 12: a source with no streams
        p.streams.push_back(stream("S11", "I1", "I2"));
        p.streams.push_back(stream("S12", "I2", "I1"));
        p.streams.push_back(stream("S13", "I1", "I1"));
        const PlantGraph g(p);
        QCOMPARE(g.unitsCutOffFromBoundary(), (std::vector<NodeIndex>{9, 10, 11}));
        // Linked to a boundary node in either direction is enough.
        p.streams.push_back(stream("S14", "I2", "E"));
        QCOMPARE(PlantGraph(p).unitsCutOffFromBoundary(), (std::vector<NodeIndex>{11}));
    }

    void emptyPlant() {
        const Plant p;
        const PlantGraph g(p);
        QVERIFY(g.topLevel().empty());
        QVERIFY(g.unitsCutOffFromBoundary().empty());
        QCOMPARE(g.findNode("W"), std::nullopt);
        QCOMPARE(g.findStream("S1"), std::nullopt);
    }

    void moved() {
        const Plant p = smallPlant();
        PlantGraph g(p);
        PlantGraph moved(std::move(g));
        QCOMPARE(moved.level(4), 4);
        QCOMPARE(shuiheng::test::name(moved.typeOf(2)), shuiheng::test::name(StreamType::Recycle));
        const Plant other;
        PlantGraph assigned(other);
        assigned = std::move(moved);
        QCOMPARE(assigned.findNode("U3"), std::optional<NodeIndex>(8));
    }

    void samplePlant() {
        const PlantFileResult result = loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
        QVERIFY2(result.ok(), shuiheng::test::listing(result.diagnostics));
        const Plant& p = *result.plant;
        const PlantGraph g(p);
        std::map<StreamType, int> types;
        for (StreamIndex s = 0; s < p.streams.size(); ++s)
            types[g.typeOf(s)] += 1;
        QCOMPARE(types[StreamType::Intake], 11);
        QCOMPARE(types[StreamType::Cascade], 16);
        QCOMPARE(types[StreamType::Recycle], 3);
        QCOMPARE(types[StreamType::Discharge], 4);
        QCOMPARE(types[StreamType::Consumption], 7);
        QCOMPARE(types[StreamType::Leakage], 1);
        auto at = [&](const char* id) { return *g.findNode(id); };
        QCOMPARE(g.level(at("G1")), 2);
        QCOMPARE(g.level(at("G11")), 3);
        QCOMPARE(g.level(at("U1")), 4);
        QCOMPARE(g.level(at("U11")), 3);
        QCOMPARE(g.level(at("U10")), 3);
        QCOMPARE(g.level(at("U12")), 2);
        QCOMPARE(g.unitsUnder(at("G1")), (std::vector<NodeIndex>{at("U1"), at("U2"), at("U3"), at("U4")}));
        QCOMPARE(g.unitsUnder(at("G3")), (std::vector<NodeIndex>{at("U7"), at("U8"), at("U9"), at("U10")}));
        QCOMPARE(shuiheng::test::name(g.typeOf(*g.findStream("S30"))),
                 shuiheng::test::name(StreamType::Recycle)); // self-loop, type not declared
        QCOMPARE(shuiheng::test::name(g.typeOf(*g.findStream("S21"))),
                 shuiheng::test::name(StreamType::Recycle)); // condensate return, declared
        QVERIFY(g.unitsCutOffFromBoundary().empty());
        // Every unit closes with something else than circulation in and out.
        for (NodeIndex n = 0; n < p.nodes.size(); ++n) {
            if (p.nodes[n].kind != NodeKind::Unit)
                continue;
            int in = 0, out = 0;
            for (StreamIndex s : g.inStreams(n))
                in += g.fromNode(s) != n;
            for (StreamIndex s : g.outStreams(n))
                out += g.toNode(s) != n;
            QVERIFY2(in > 0 && out > 0, p.nodes[n].id.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPlantGraph)
#include "tst_plant_graph.moc"
