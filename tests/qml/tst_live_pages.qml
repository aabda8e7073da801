import QtQuick
import QtQuick.Controls
import QtTest
import Shuiheng.Models
import Shuiheng.Ui

// The live balance page (diagram, verdict, to-do) and the indicators & benchmark page on real
// project files, driven through the app's window as a technician would: tabs, taps, the quota
// choice, the themes.
Item {
    id: root

    width: 1280
    height: 800

    AppSettings {
        id: settings
    }

    Component {
        id: sessionComponent

        ProjectSession {
        }
    }

    Component {
        id: windowComponent

        Main {
        }
    }

    SignalSpy {
        id: flowSpy

        signalName: "flowTapped"
    }

    TestCase {
        id: testCase

        property int serial: 0
        property var window: null
        readonly property string biasedPlant: testDataDir + "/../live/data/two-units-m2-high.json"

        function cleanup() {
            settings.theme = "light";
            if (window) {
                window.destroy();
                window = null;
                wait(0);
            }
        }

        function inside(window) {
            return window.contentItem.parent;
        }

        function project(plantFile) {
            const session = createTemporaryObject(sessionComponent, root);
            const path = testTempDir + "/live-" + (++serial) + "-" + Date.now() + ".shuiheng";
            verify(session.create(path, "实时平衡", "某化工有限公司", plantFile), session.errorMessage);
            tryVerify(() => !session.analysing, 20000, "analysis done");
            return session;
        }

        function showWindow(session, width, height) {
            settings.currentStep = 0;
            const w = windowComponent.createObject(root, {
                    "session": session,
                    "settings": settings,
                    "width": width,
                    "height": height
                });
            verify(w, "Main created");
            window = w;
            w.show();
            tryVerify(() => w.visible);
            return w;
        }

        function goTo(w, key) {
            mouseClick(findChild(inside(w), "nav-" + key));
            const loader = findChild(inside(w), "page-" + key);
            tryVerify(() => loader.item !== null, 5000, key + " page loaded");
            return loader.item;
        }

        function test_liveBalanceNamesTheBadMeter() {
            const session = project(biasedPlant);
            const w = showWindow(session, 1280, 800);
            const page = goTo(w, "balance");
            tryCompare(page.live, "state", "fails", 20000);
            tryVerify(() => !page.live.layingOut && page.live.layoutCount === 1, 20000);
            compare(findChild(page, "liveVerdict").text, "Meter M2 reads about 12 % high.");
            compare(findChild(page, "verdictMark").text, "⚠");
            // The suspect flow is marked on the diagram in words, not colour alone.
            const s2 = findChild(page, "stream:S2");
            verify(s2, "stream S2 drawn");
            tryVerify(() => findChild(s2, "flowLabel") !== null);
            verify(findChild(s2, "flowLabel").text.startsWith("⚠ S2  "), findChild(s2, "flowLabel").text);
            verify(!findChild(findChild(page, "stream:S1"), "flowLabel").text.startsWith("⚠"));
            // The to-do starts with that meter.
            const todo = findChild(page, "todoList");
            tryVerify(() => todo.count > 0 && todo.itemAtIndex(0) !== null);
            compare(findChild(todo.itemAtIndex(0), "todoTitle").text, "⚠ Check meter M2");
            // Tapping a flow selects it and says so (the history page listens).
            flowSpy.target = page;
            flowSpy.clear();
            mouseClick(findChild(s2, "flowTarget"));
            compare(flowSpy.count, 1);
            compare(flowSpy.signalArguments[0][0], "S2");
            compare(page.diagramView.selectedFlow, "S2");
            // ... and the history of that flow opens over the page.
            const history = findChild(inside(w), "historyOverlay");
            tryVerify(() => history.item !== null && history.visible);
            w.closeOverlay();
            tryVerify(() => history.item === null);
            // The list is still there, one tab away.
            mouseClick(findChild(page, "balanceTabList"));
            tryCompare(findChild(page, "balanceList"), "count", 5);
        }

        function test_portraitAndThemes() {
            const session = project(biasedPlant);
            const w = showWindow(session, 800, 1280);
            const page = goTo(w, "balance");
            tryCompare(page.live, "state", "fails", 20000);
            // Portrait: the to-do sits under the diagram, across the page.
            const diagram = findChild(page, "liveDiagram");
            const todo = findChild(page, "todoList");
            tryVerify(() => todo.mapToItem(null, 0, 0).y >= diagram.mapToItem(null, 0, diagram.height).y - 1);
            const background = findChild(page, "liveBackground");
            verify(Qt.colorEqual(background.color, "#FAFAFA"));
            settings.theme = "dark";
            tryVerify(() => Qt.colorEqual(background.color, "#202124"));
            settings.theme = "sunlight";
            tryVerify(() => Qt.colorEqual(background.color, "#FFFFFF"));
            // The labels' boxes the live balance placed (from an estimate of the text's width) hold
            // the text as drawn, in the widest case: the sunlight theme's bold.
            let checked = 0;
            for (const id of ["S1", "S2", "S3", "S4"]) {
                const item = findChild(page, "stream:" + id);
                if (!item)
                    continue;
                const label = findChild(item, "flowLabel");
                const chip = findChild(item, "flowChip");
                verify(label.font.bold, "sunlight: bold");
                verify(label.implicitWidth <= chip.width - 4, id + ": " + label.implicitWidth + " in " + chip.width);
                verify(label.implicitHeight <= chip.height, id + ": " + label.implicitHeight + " in " + chip.height);
                ++checked;
            }
            verify(checked >= 3, "flows checked: " + checked);
        }

        // The sample plant's labels that find no place on the diagram are listed under it; choosing
        // one selects its flow, which then draws its label; zoomed in, they all find a place.
        function test_labelsWithoutAPlaceAreListed() {
            const session = project(dataDir + "/plants/sample-campaign.json");
            const w = showWindow(session, 1280, 800);
            const page = goTo(w, "balance");
            tryVerify(() => page.live.layoutCount > 0 && !page.live.layingOut && page.live.state !== "none", 20000);
            const hidden = Array.from(page.live.hiddenLabels); // a copy: the property changes on zoom
            verify(hidden.length > 0, "the dense sample plant leaves some labels out");
            const button = findChild(page, "hiddenLabelsButton");
            verify(button.visible);
            verify(button.text.indexOf(String(hidden.length)) >= 0, button.text);
            const first = findChild(page, "stream:" + hidden[0]);
            tryVerify(() => findChild(first, "flowChip") !== null);
            verify(!findChild(first, "flowChip").visible, hidden[0] + "'s label is not drawn");
            button.clicked();
            const list = findChild(page, "hiddenLabelsList");
            tryVerify(() => list.opened);
            const row = findChild(list.contentItem, "hiddenLabel");
            verify(row, "a listed flow");
            verify(row.text.indexOf(hidden[0]) === 0 && row.text.indexOf("±") > 0, row.text);
            row.clicked();
            tryVerify(() => !list.visible);
            compare(page.diagramView.selectedFlow, hidden[0]);
            verify(findChild(first, "flowChip").visible, "selected: its label drawn");
            // Zoomed to 200 %, the labels keep their size on the screen and all find a place.
            page.diagramView.setZoom(2);
            tryCompare(page.live, "labelScale", 0.5);
            compare(page.live.hiddenLabels.length, 0);
            verify(!button.visible);
            const chip = findChild(first, "flowChip");
            compare(chip.scale, 0.5);
            verify(Math.abs(chip.width * chip.scale - page.live.overlayOf(hidden[0]).labelWidth) < 1e-6);
            page.diagramView.fit();
            tryCompare(page.live, "labelScale", 1);
            compare(page.live.hiddenLabels.length, hidden.length);
        }

        function test_benchmarkAgainstTheChosenQuota() {
            const session = project(dataDir + "/plants/sample-campaign.json");
            const w = showWindow(session, 1280, 800);
            const page = goTo(w, "indicators");
            mouseClick(findChild(page, "indicatorTabBenchmark"));
            tryVerify(() => !page.bench.busy && page.bench.quotaChoices.length > 0, 20000);
            // The sample names the illustrative potash quota: one gauge, marked as not published.
            tryVerify(() => page.bench.quotas.count === 1, 20000);
            compare(page.bench.quota, "sample-potash/kcl-flotation");
            const sampleGauges = findChild(page, "quotaGauges");
            tryVerify(() => sampleGauges.count === 1, 5000);
            compare(findChild(sampleGauges.itemAt(0), "gaugeTitle").text, "氯化钾（示例定额，非公布值）");
            const source = findChild(sampleGauges.itemAt(0), "gaugeSource").text;
            verify(source.indexOf("示例") >= 0 && source.indexOf(page.bench.quotas.get(0).verification) >= 0, source);
            verify(page.bench.quotas.get(0).verification === "illustrative sample, not a published value" || page.bench.quotas.get(0).verification === "示例（非公布值）", page.bench.quotas.get(0).verification);
            const combo = findChild(page, "quotaChoice");
            let index = -1;
            for (let i = 0; i < combo.entries.length; ++i)
                if (combo.entries[i].key === "gbt-18916.2/integrated-with-coking-cold-rolling")
                    index = i;
            verify(index > 0, "the steel quota is offered");
            combo.activated(index);
            tryCompare(page.bench, "quota", "gbt-18916.2/integrated-with-coking-cold-rolling", 20000);
            tryVerify(() => page.bench.quotas.count === 1 && !page.bench.busy, 20000);
            compare(combo.currentIndex, index);
            const gauges = findChild(page, "quotaGauges");
            tryVerify(() => gauges.count === 1, 5000, "gauges " + gauges.count + " of " + page.bench.quotas.count + " " + gauges);
            const gauge = gauges.itemAt(0);
            verify(findChild(gauge, "gaugeVerdict").text.indexOf("P =") > 0, findChild(gauge, "gaugeVerdict").text);
            // Two levels on the scale, where the model puts them.
            const scale = findChild(gauge, "gaugeScale");
            const levels = page.bench.quotas.get(0).levels;
            compare(levels.length, 2);
            let ticks = 0;
            for (let i = 0; i < scale.children.length; ++i) {
                const child = scale.children[i];
                if (child.objectName === "gaugeLevel") {
                    verify(Math.abs(child.x - child.modelData.position * scale.width) < 0.5, "tick at " + child.x + " for " + child.modelData.position + " × " + scale.width);
                    ++ticks;
                }
            }
            compare(ticks, 2);
            // The leader checklist: every rule answered, the unknown ones say what would decide them.
            const rules = findChild(page, "leaderRules");
            tryVerify(() => rules.count > 0);
            let missingShown = false;
            for (let i = 0; i < rules.count; ++i)
                missingShown = missingShown || findChild(rules.itemAt(i), "leaderMissing").visible;
            verify(missingShown);
            verify(findChild(page, "waterSavingVerdict").text.length > 0);
            // An indicator row opens the readings behind it.
            mouseClick(findChild(page, "indicatorTabList"));
            const list = findChild(page, "indicatorList");
            tryVerify(() => list.itemAtIndex(0) !== null);
            mouseClick(list.itemAtIndex(0));
            const history = findChild(inside(w), "historyOverlay");
            tryVerify(() => history.item !== null && history.visible);
            w.closeOverlay();
        }
    }
}
