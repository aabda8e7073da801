import QtQuick
import QtTest
import Shuiheng.Models
import Shuiheng.Ui

// The plant page on a loaded plant file: lists, delegate texts, error banner.
Item {
    id: root

    width: 1280
    height: 800

    PlantDocument {
        id: plant
    }

    Component {
        id: pageComponent

        PlantPage {
        }
    }

    TestCase {
        id: testCase

        function file(name) {
            return Qt.resolvedUrl("../data/" + name);
        }

        function createPage() {
            const page = createTemporaryObject(pageComponent, root, {
                    "document": plant,
                    "width": root.width,
                    "height": root.height
                });
            verify(page, "PlantPage created");
            return page;
        }

        // The delegate at `index`, once the list has laid it out.
        function delegateAt(list, index) {
            tryVerify(() => list.itemAtIndex(index) !== null, 5000, "delegate " + index);
            return list.itemAtIndex(index);
        }

        function text(item, objectName) {
            const child = findChild(item, objectName);
            verify(child, objectName + " found");
            return child.text;
        }

        function init() {
            verify(plant.load(file("contract-example.json")), String(plant.errors));
        }

        function test_nodeList() {
            const page = createPage();
            const list = findChild(page, "nodeList");
            verify(list);
            compare(list.count, 5);
            const first = delegateAt(list, 0);
            compare(text(first, "nodeId"), "W1");
            compare(text(first, "nodeName"), "市政自来水");
            compare(text(first, "nodeDetails"), "Source");
            const unit = delegateAt(list, 1);
            compare(text(unit, "nodeId"), "C1");
            compare(text(unit, "nodeDetails"), "Unit · in G1");
        }

        function test_streamList() {
            const page = createPage();
            findChild(page, "tabs").currentIndex = 1;
            const list = findChild(page, "streamList");
            verify(list);
            compare(list.count, 4);
            const intake = delegateAt(list, 0);
            compare(text(intake, "streamId"), "S1");
            compare(text(intake, "streamNames"), "市政自来水 → 循环冷却系统");
            compare(text(intake, "streamDetails"), "Intake · W1 → C1");
            compare(text(intake, "streamFlow"), "12.50 ± 0.25 m3/h");
            compare(text(delegateAt(list, 1), "streamDetails"), "Recycle · C1 → C1");
            compare(text(delegateAt(list, 1), "streamFlow"), "800 ± 16 m3/h");
            compare(text(delegateAt(list, 2), "streamFlow"), "Unmeasured");
        }

        function test_rowsAreTouchFriendly() {
            const page = createPage();
            const nodes = findChild(page, "nodeList");
            for (let i = 0; i < nodes.count; ++i)
                verify(delegateAt(nodes, i).height >= 48, "node row " + i);
            findChild(page, "tabs").currentIndex = 1;
            const streams = findChild(page, "streamList");
            for (let j = 0; j < streams.count; ++j)
                verify(delegateAt(streams, j).height >= 48, "stream row " + j);
        }

        function test_errorBanner() {
            const page = createPage();
            const banner = findChild(page, "errorBanner");
            verify(banner);
            verify(!banner.visible, "no banner for a valid plant");
            verify(!plant.load(file("no-such-plant.json")));
            verify(banner.visible, "banner for a missing file");
            compare(text(banner, "errorTitle"), "This plant file has 1 error(s)");
            compare(findChild(page, "nodeList").count, 0);
            compare(findChild(page, "streamList").count, 0);
            verify(plant.load(file("contract-example.json")));
            verify(!banner.visible, "banner gone after a good load");
            compare(findChild(page, "nodeList").count, 5);
        }

        name: "PlantPage"
        when: windowShown
    }
}
