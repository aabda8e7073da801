// The flow labels' placement (core/layout/label_placement.h) on small hand-made layouts whose free
// places can be worked out by hand: the biggest flow takes the middle of its path, a second label
// on the same path finds no place on or right beside it (a label on a line blocks both sides) and
// goes one box further out, or is hidden where that is off the diagram; a parallel
// line's label moves along its path, nodes, group captions and the diagram's edges are kept free.

#include "layout/label_placement.h"

#include <QtTest>

using namespace shuiheng::layout;

namespace {

/// A straight path as a single cubic (control points at thirds).
std::vector<Point> straight(Point a, Point b) {
    return {a,
            {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
            {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3},
            b};
}

StreamPath stream(const std::string& id, Point a, Point b) {
    StreamPath s;
    s.id = id;
    s.path = straight(a, b);
    return s;
}

NodeBox node(const std::string& id, Box box) {
    NodeBox n;
    n.id = id;
    n.box = box;
    return n;
}

/// Two nodes 260 apart with streams between them.
DiagramLayout twoNodes() {
    DiagramLayout d;
    d.width = 340;
    d.height = 200;
    d.nodes = {node("A", {0, 0, 40, 40}), node("B", {300, 0, 40, 40})};
    return d;
}

} // namespace

class TestLabelPlacement : public QObject {
    Q_OBJECT

private slots:
    void biggestFlowTakesTheMiddleTheNextGoesFurtherOrHides() {
        DiagramLayout d = twoNodes();
        d.streams = {stream("S1", {40, 20}, {300, 20}), stream("S2", {40, 20}, {300, 20})};
        // S2 is the bigger flow: it is placed first, at the middle (170, 20), on the line.
        const auto placed = placeLabels(d, {{"S1", 100, 20, 1}, {"S2", 100, 20, 5}});
        QCOMPARE(placed.size(), std::size_t(2));
        QCOMPARE(placed[1].stream, std::string("S2"));
        QVERIFY(placed[1].shown);
        QCOMPARE(placed[1].box.center().x, 170.0);
        QCOMPARE(placed[1].box.center().y, 20.0);
        // S1: every place on or right beside the same line meets S2's label (within 100 + gap either
        // way of x 170, and beside the line only 14 off it while the labels are 20 high) or a node;
        // one box further out, below the middle, is free: centre 20 + 10 + 4 + 20 + 2 = 56.
        QVERIFY(placed[0].shown);
        QCOMPARE(placed[0].box.center().x, 170.0);
        QCOMPARE(placed[0].box.center().y, 56.0);
        // On a diagram 50 high that place is off the edge (66 > 50 + 8), and so is the one above: hidden.
        d.height = 50;
        const auto flat = placeLabels(d, {{"S1", 100, 20, 1}, {"S2", 100, 20, 5}});
        QVERIFY(flat[1].shown);
        QVERIFY(!flat[0].shown);
        // Unless it must be shown (a suspect meter's flow): then at the first place free of labels,
        // whatever it covers: on the line at ¼ would meet S2's label, x 0.1 of the way (66) is the
        // first clear of it (16..116 ends before 120 − 2), over node A.
        const auto forced = placeLabels(d, {{"S1", 100, 20, 1, true}, {"S2", 100, 20, 5}});
        QVERIFY(forced[0].shown);
        QCOMPARE(forced[0].box.center().x, 66.0);
        QCOMPARE(forced[0].box.center().y, 20.0);
    }

    void aParallelLineMovesItsLabelAside() {
        DiagramLayout d = twoNodes();
        d.streams = {stream("S1", {40, 20}, {300, 20}), stream("S2", {40, 40}, {300, 40})};
        const auto placed = placeLabels(d, {{"S1", 60, 20, 5}, {"S2", 60, 20, 1}});
        QVERIFY(placed[0].shown && placed[1].shown);
        QCOMPARE(placed[0].box.center().x, 170.0);
        QCOMPARE(placed[0].box.center().y, 20.0);
        // S2's middle (170, 40) meets S1's label (y 10..30 plus the gap); below its line it is free:
        // centre 40 + 10 + 4 = 54.
        QCOMPARE(placed[1].box.center().x, 170.0);
        QCOMPARE(placed[1].box.center().y, 54.0);
    }

    void nodesAndEdgesStayFree() {
        DiagramLayout d;
        d.width = 200;
        d.height = 100;
        // A node over the middle of the path: the label goes to ¼ of it (x 50).
        d.nodes = {node("U", {80, 0, 40, 100})};
        d.streams = {stream("S1", {0, 50}, {200, 50})};
        auto placed = placeLabels(d, {{"S1", 40, 20, 1}});
        QVERIFY(placed[0].shown);
        QCOMPARE(placed[0].box.center().x, 50.0);
        // Too big for any place between the node and the edges.
        placed = placeLabels(d, {{"S1", 150, 20, 1}});
        QVERIFY(!placed[0].shown);
        // A group frame's caption stays readable: the frame at (20, 40) has its caption ("GG":
        // 2 × 0.6 em of 13 px + 4 wide, from x 26, y 42, 18 high: 26..45.6 × 42..60) where the label
        // at ¼ would go, on the line (30..70 × 40..60) and beside it (y 54..74, 26..46): it goes to ¾.
        GroupFrame frame;
        frame.id = "G";
        frame.name = "GG";
        frame.box = {20, 40, 50, 50};
        d.groups = {frame};
        placed = placeLabels(d, {{"S1", 40, 20, 1}});
        QVERIFY(placed[0].shown);
        QCOMPARE(placed[0].box.center().x, 150.0);
        QCOMPARE(placed[0].box.center().y, 50.0);
        d.groups.clear();
        // A stream the layout does not hold: not shown.
        placed = placeLabels(d, {{"S9", 10, 10, 1}});
        QVERIFY(!placed[0].shown);
        QCOMPARE(placed[0].stream, std::string("S9"));
    }
};

QTEST_APPLESS_MAIN(TestLabelPlacement)

#include "tst_label_placement.moc"
