import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Shuiheng.Models
import Shuiheng.Ui

// The app's window and every page on real project files: navigation in both orientations, the
// steps' plain words, the meters page (search, calibration, add), the balance and indicators,
// themes, and touch-sized targets.
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

    TestCase {
        id: testCase

        property int serial: 0
        // The window of the running test: destroyed before its session.
        property var window: null

        function cleanup() {
            if (window) {
                window.destroy();
                window = null;
                wait(0);
            }
        }

        // Where findChild looks in a window: its header and its content.
        function inside(window) {
            return window.contentItem.parent;
        }

        // A session on a new project made from `plantFile` (in data/plants or tests/data).
        function project(plantFile) {
            const session = createTemporaryObject(sessionComponent, root);
            const path = testTempDir + "/qml-" + (++serial) + "-" + Date.now() + ".shuiheng";
            verify(session.create(path, "测试项目", "某化工有限公司", plantFile), session.errorMessage);
            tryVerify(() => !session.analysing, 20000, "analysis done");
            return session;
        }

        function sampleProject() {
            return project(dataDir + "/plants/sample-campaign.json");
        }

        function showWindow(session, width, height) {
            settings.currentStep = 0;
            settings.theme = "light";
            const window = windowComponent.createObject(root, {
                    "session": session,
                    "settings": settings,
                    "width": width,
                    "height": height
                });
            verify(window, "Main created");
            testCase.window = window;
            window.show();
            tryVerify(() => window.visible);
            return window;
        }

        function goTo(window, key) {
            const entry = findChild(inside(window), "nav-" + key);
            verify(entry, "navigation entry " + key);
            mouseClick(entry);
            compare(window.currentKey, key);
            const loader = findChild(inside(window), "page-" + key);
            tryVerify(() => loader.item !== null, 5000, key + " page loaded");
            return loader.item;
        }

        function delegateAt(list, index) {
            tryVerify(() => list.itemAtIndex(index) !== null, 5000, "delegate " + index);
            return list.itemAtIndex(index);
        }

        function text(item, objectName) {
            const child = findChild(item, objectName);
            verify(child, objectName + " found");
            return child.text;
        }

        function test_railInLandscapeBottomBarInPortrait() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            const nav = findChild(inside(window), "navigation");
            verify(!window.portrait);
            verify(nav.vertical, "side rail");
            verify(nav.height > nav.width);
            window.width = 800;
            window.height = 1280;
            tryVerify(() => window.portrait, 2000, "portrait " + window.width + "x" + window.height);
            tryVerify(() => !nav.vertical, 2000, "bottom bar");
            // The bar sits at the bottom, across the window, below the pages.
            const pages = findChild(inside(window), "pages");
            tryVerify(() => nav.width > nav.height, 2000, "wide bar");
            tryVerify(() => nav.mapToItem(null, 0, 0).y >= pages.mapToItem(null, 0, pages.height).y - 1, 2000, "bar " + nav.mapToItem(null, 0, 0).y + " below pages " + pages.mapToItem(null, 0, pages.height).y);
            compare(nav.mapToItem(null, 0, nav.height).y, window.height);
            window.close();
        }

        function test_everyStepCanBeVisitedAndSaysWhereItStands() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            const keys = ["plant", "meters", "window", "readings", "balance", "indicators", "report"];
            for (const key of keys) {
                const page = goTo(window, key);
                const state = findChild(page, "stepState");
                verify(state, key + " has its state card");
                verify(state.text.length > 2, key + " state in words");
                const summary = findChild(page, "stepSummary");
                verify(summary.text.length > 0, key + " summary");
            }
            // Back to an earlier step: allowed at any time.
            goTo(window, "plant");
            compare(settings.currentStep, 1);
            // The window step names what is missing in plain words.
            const windowPage = goTo(window, "window");
            compare(text(windowPage, "stepBlocker"), "The test window has no reading times yet.");
            // The plan offers every meter in service on the route (the replaced M8 is not read).
            compare(findChild(windowPage, "routeList").count, session.meters.total - 1);
            window.close();
        }

        function test_stepsNeedAProject() {
            const session = createTemporaryObject(sessionComponent, root);
            const window = showWindow(session, 1280, 800);
            verify(!findChild(inside(window), "nav-meters").enabled);
            verify(findChild(inside(window), "nav-projects").enabled);
            compare(text(window.header, "projectName"), "No project open");
            const page = findChild(inside(window), "page-projects").item;
            compare(text(page, "currentProject"), "No project open");
            window.close();
        }

        function test_projectsPageOpensAndRemembers() {
            const first = sampleProject();
            const path = first.path;
            const session = createTemporaryObject(sessionComponent, root);
            const window = showWindow(session, 1280, 800);
            const page = findChild(inside(window), "page-projects").item;
            page.openProject(path);
            verify(session.isOpen, session.errorMessage);
            compare(settings.lastProject, path);
            compare(settings.recentProjects[0], path);
            compare(window.currentKey, "plant", "opening goes on to the plant");
            compare(text(window.header, "projectName"), "测试项目");
            // A file that is not a project: the reason on the projects page, nothing lost.
            goTo(window, "projects");
            page.openProject(testTempDir + "/no-such-file.shuiheng");
            const banner = findChild(findChild(inside(window), "page-projects").item, "projectError");
            verify(banner.visible);
            verify(session.isOpen);
            window.close();
        }

        // "Try the sample project" beside "New project…": the sample opens on its balance; the page
        // says it is a sample and how to start one's own; a second try reuses the same file.
        function test_projectsPageOffersTheSample() {
            const session = createTemporaryObject(sessionComponent, root);
            const window = showWindow(session, 1280, 800);
            const page = findChild(inside(window), "page-projects").item;
            const explanation = findChild(page, "sampleExplanation");
            verify(explanation.text.indexOf("New project…") >= 0, explanation.text);
            const button = findChild(page, "trySample");
            verify(button.visible && button.enabled);
            compare(button.text, "Try the sample project");
            mouseClick(button);
            verify(session.isOpen, session.errorMessage);
            compare(window.currentKey, "balance", "the sample opens on its balance");
            verify(session.path.endsWith("/sample/sample.shuiheng"), session.path);
            const path = session.path;
            tryVerify(() => !session.analysing, 20000, "analysis done");
            verify(session.verdict.length >= 1);
            // Back on the projects page: it says this is the sample; trying again opens the same file.
            const again = goTo(window, "projects");
            verify(again.sampleOpen);
            verify(findChild(again, "sampleExplanation").text.startsWith("This is the sample project"));
            mouseClick(findChild(again, "trySample"));
            compare(session.path, path);
            compare(window.currentKey, "balance");
            window.close();
        }

        function test_plantStepShowsTheProjectsPlant() {
            const session = project(testDataDir + "/contract-example.json");
            const window = showWindow(session, 1280, 800);
            const page = goTo(window, "plant");
            compare(text(page, "stepState"), "✓  Complete");
            compare(findChild(page, "nodeList").count, 5);
            window.close();
        }

        function test_metersSearchCalibrationAndAdd() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            const page = goTo(window, "meters");
            const list = findChild(page, "meterList");
            compare(list.count, 35);
            // Expired calibration: red and said in words with a mark, not colour alone.
            const search = findChild(page, "meterSearch");
            // What typing does (key events go to the test's own window, not this one).
            search.text = "zz";
            search.textEdited();
            compare(session.meters.search, "zz");
            tryCompare(list, "count", 0);
            compare(text(page, "meterCounts"), "0 of 35 meters shown · ⚠ 1 with an expired calibration");
            search.text = "";
            session.meters.search = "SHUIHENG:METER:M2;";
            tryCompare(list, "count", 1);
            const row = delegateAt(list, 0);
            compare(text(row, "meterId"), "M2");
            const calibration = findChild(row, "meterCalibration");
            verify(calibration.text.startsWith("⚠ Calibration expired"), calibration.text);
            verify(calibration.color.r > calibration.color.g + 0.3, "red");
            verify(text(row, "meterStream").startsWith("S2: "));
            session.meters.search = "";
            tryCompare(list, "count", 35);
            // Add through the store; the list and the counts follow.
            verify(session.saveMeter({
                        "id": "M99",
                        "stream": "S1",
                        "kind": "flowrate",
                        "unit": "m3/h",
                        "mpe": "0.05"
                    }), session.errorMessage);
            tryCompare(list, "count", 36);
            compare(session.meter("M99").kind, "flowrate");
            window.close();
        }

        function test_meterDialogSavesOrSaysWhy() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            const page = goTo(window, "meters");
            const dialog = findChild(page, "meterDialog");
            verify(dialog);
            // Replace M3: the new meter takes its stream; the old one is kept as replaced.
            dialog.start("replace", "M3");
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "Replace meter M3");
            findChild(dialog.contentItem, "meterIdField").text = "M3b";
            dialog.accept();
            tryCompare(dialog, "visible", false);
            compare(session.meter("M3b").stream, "S3");
            verify(session.meter("M3").removed.length > 0);
            // A bad value: the dialog stays open with the reason, nothing is written.
            dialog.start("add", "");
            tryCompare(dialog, "opened", true);
            findChild(dialog.contentItem, "meterIdField").text = "M77";
            findChild(dialog.contentItem, "meterStreamField").text = "S99";
            dialog.accept();
            tryVerify(() => findChild(dialog.contentItem, "meterProblem").text.indexOf("S99") >= 0, 3000, "reason shown");
            tryCompare(dialog, "visible", true);
            compare(Object.keys(session.meter("M77")).length, 0);
            dialog.close();
        }

        function test_balanceAndIndicatorsShowCoreResults() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            const balance = goTo(window, "balance");
            mouseClick(findChild(balance, "balanceTabList"));
            const list = findChild(balance, "balanceList");
            tryCompare(list, "count", 42);
            const first = delegateAt(list, 0);
            compare(text(first, "balanceStream"), session.balance.get(0).id);
            verify(text(first, "balanceReconciled").length > 0);
            verify(session.verdict.length >= 1);
            const indicators = goTo(window, "indicators");
            const rows = findChild(indicators, "indicatorList");
            tryVerify(() => rows.count > 5);
            // Rates are shown as per cent.
            for (let i = 0; i < session.indicators.count; ++i) {
                const record = session.indicators.get(i);
                if (record.key === "reuseRate" && record.value !== undefined) {
                    const item = delegateAt(rows, i);
                    verify(text(item, "indicatorValue").endsWith("%"), text(item, "indicatorValue"));
                }
            }
            window.close();
        }

        function test_readingRoundsAndReport() {
            const session = sampleProject();
            const window = showWindow(session, 800, 1280);
            const readings = goTo(window, "readings");
            compare(text(readings, "stepState"), "–  Blocked");
            compare(text(readings, "stepBlocker"), "Plan the test window first.");
            session.reportAvailable = true;
            const report = goTo(window, "report");
            const reportPage = findChild(report, "reportPage");
            verify(reportPage.visible);
            compare(reportPage.projectPath, session.path);
            compare(reportPage.language, "zh");
            compare(text(report, "stepSummary"), "Ready to write the report.");
            window.close();
        }

        function test_themesAreSwitchedAndRemembered() {
            const session = sampleProject();
            const window = showWindow(session, 1280, 800);
            compare(window.Material.theme, Material.Light);
            settings.theme = "dark";
            compare(window.Material.theme, Material.Dark);
            settings.theme = "sunlight";
            compare(window.Material.theme, Material.Light);
            compare(String(window.Material.background), "#ffffff");
            compare(String(window.Material.foreground), "#000000");
            settings.theme = "light";
            window.close();
        }

        function test_touchTargetsAreLargeEnough() {
            const session = sampleProject();
            const window = showWindow(session, 800, 1280);
            for (const key of window.pageKeys)
                verify(findChild(inside(window), "nav-" + key).height >= 48, key + " navigation entry");
            const meters = goTo(window, "meters");
            verify(findChild(meters, "addMeter").height >= 48);
            verify(findChild(meters, "meterSearch").height >= 48);
            verify(delegateAt(findChild(meters, "meterList"), 0).height >= 48);
            verify(findChild(window.header, "menuButton").height >= 48);
            verify(findChild(meters, "nextButton").height >= 48);
            window.close();
        }

        name: "App"
        when: windowShown
    }
}
