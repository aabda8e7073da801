import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Shuiheng.Models
import Shuiheng.Ui

// The test window, the reading rounds, the reading entry and the history, driven through the UI on
// real project files: plan a window and reorder the route, enter a reading on the keypad and with a
// hardware keyboard, give a reason for a warning, find a meter by its QR text, skip one, open the
// history and come back; the register's photo from a file and through the camera's view (no camera
// here: its button stays hidden, the view says so, and a picture written by the test takes the path a
// captured one takes).
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
        property var window: null

        function cleanup() {
            if (window) {
                window.destroy();
                window = null;
                wait(0);
            }
        }

        function inside(window) {
            return window.contentItem.parent;
        }

        // The sample campaign's project, its window planned over its readings through the page.
        function plannedProject() {
            const session = createTemporaryObject(sessionComponent, root);
            const path = testTempDir + "/rounds-" + (++serial) + "-" + Date.now() + ".shuiheng";
            verify(session.create(path, "轮次", "", dataDir + "/plants/sample-campaign.json"), session.errorMessage);
            tryVerify(() => !session.analysing, 20000, "analysis done");
            return session;
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
            const loader = findChild(inside(window), "page-" + key);
            tryVerify(() => loader.item !== null, 5000, key + " page loaded");
            return loader.item;
        }

        function edit(item, objectName, text) {
            const field = findChild(item, objectName);
            verify(field, objectName);
            field.text = text;
            field.textEdited();
        }

        function planWindow(window) {
            const page = goTo(window, "window");
            edit(page, "planFirstDay", "2026-06-01");
            edit(page, "planLastDay", "2026-06-04");
            edit(page, "planTimes", "08:00");
            const planner = findChild(page, "planner");
            compare(planner.plannedRounds, 4);
            tap(findChild(page, "planSave"));
            verify(planner.message.length > 0);
            compare(window.session.rounds.count, 4);
            return page;
        }

        // The reading entry over the rounds page, for the round at `index` (or the round due now).
        function openEntry(window, index) {
            const rounds = goTo(window, "readings");
            if (index === undefined) {
                tap(findChild(rounds, "enterReadings"));
            } else {
                const list = findChild(rounds, "roundList");
                tryVerify(() => list.itemAtIndex(index) !== null);
                tap(list.itemAtIndex(index));
            }
            const overlay = findChild(inside(window), "overlay");
            tryVerify(() => overlay.item !== null, 5000, "entry shown");
            return overlay.item;
        }

        function typeOnKeypad(page, digits) {
            for (const d of digits)
                tap(findChild(page, "key-" + d));
        }

        // A tap on a control of a page: its click signal. (mouseClick lands beside controls of the
        // pages in this test window, offset by the navigation rail.)
        function tap(control) {
            verify(control, "control to tap");
            verify(control.enabled && control.visible, control.objectName + " enabled and visible");
            control.clicked();
        }

        // The entry of a round after the sample's readings (2026-07-01 08:00): every value saved there
        // is a new reading (with its photo), not an edit.
        function newRoundEntry(window) {
            const plan = goTo(window, "window");
            edit(plan, "planFirstDay", "2026-07-01");
            edit(plan, "planLastDay", "2026-07-01");
            edit(plan, "planTimes", "08:00");
            tap(findChild(plan, "planSave"));
            compare(window.session.rounds.count, 1);
            return openEntry(window, 0);
        }

        // Types a value a little above the current meter's last reading and saves it with a reason.
        function saveNextValue(page) {
            const entry = findChild(page, "entryController");
            const value = Math.floor(entry.current.lastValue !== undefined ? entry.current.lastValue : 0) + 1;
            typeOnKeypad(page, String(value));
            findChild(page, "reasonField").text = "camera test";
            tap(findChild(page, "saveReading"));
            verify(!entry.messageIsError, entry.message);
        }

        // A real picture in a file: the page grabbed and written as PNG (or JPEG, by the name).
        function writePicture(item, path) {
            let written = false;
            item.grabToImage(result => {
                    written = result.saveToFile(path);
                });
            tryVerify(() => written, 5000, "picture written to " + path);
        }

        function cameraView(page) {
            const loader = findChild(page, "cameraLoader");
            tryVerify(() => loader.status === Loader.Ready, 5000, "CameraCapture.qml loads (QtMultimedia installed)");
            return loader.item;
        }

        function test_cameraHiddenWithoutAVideoInputAndAFilePhotoSaves() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            const page = newRoundEntry(window);
            const view = cameraView(page);
            if (view.hasCamera)
                skip("this machine has a camera: the test is for one without");
            verify(!findChild(page, "cameraButton").visible, "no camera button without a video input");
            verify(!page.cameraReady);
            verify(findChild(page, "photoButton").visible);
            // A photo from a file, as the file dialog gives it (a file: URL).
            const meter = findChild(page, "entryController").current.meterId;
            const picture = testTempDir + "/register-file-" + Date.now() + ".png";
            writePicture(page, picture);
            page.photoPath = "file://" + picture;
            compare(findChild(page, "photoButton").text, "Photo ✓");
            saveNextValue(page);
            compare(page.photoPath, "", "the photo went with the reading");
            compare(storeProbe.latestPhotoSha256(session, meter), storeProbe.fileSha256(picture));
            verify(storeProbe.fileExists(picture), "a chosen file stays where it is");
            // Where Qt Multimedia is missing the view does not load: no camera, the entry goes on.
            const loader = findChild(page, "cameraLoader");
            ignoreWarning(new RegExp("NoSuchCamera"));
            loader.source = "NoSuchCamera.qml";
            tryCompare(loader, "status", Loader.Error);
            verify(!page.cameraReady && !findChild(page, "cameraButton").visible);
            verify(!page.openCamera());
            saveNextValue(page);
        }

        function test_cameraCaptureSaysNoCamera() {
            const session = plannedProject();
            const window = showWindow(session, 800, 1280);
            const page = newRoundEntry(window);
            const view = cameraView(page);
            if (view.hasCamera)
                skip("this machine has a camera: the test is for one without");
            verify(!view.visible, "closed until asked for");
            verify(page.openCamera(), "the view opens even without a camera, and says so");
            tryVerify(() => view.visible && findChild(page, "cameraLoader").visible);
            const message = findChild(view, "cameraMessage");
            verify(message.visible);
            verify(message.text.indexOf("No camera") >= 0, message.text);
            verify(!findChild(view, "cameraShutter").enabled, "no shutter without a camera");
            verify(!findChild(view, "cameraUse").visible);
            const cancel = findChild(view, "cameraCancel");
            verify(cancel.height >= 56, "gloved button");
            tap(cancel);
            verify(!view.visible);
            compare(page.photoPath, "", "nothing taken");
        }

        function test_cameraPhotoGoesToTheStore() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            const page = newRoundEntry(window);
            const view = cameraView(page);
            const meter = findChild(page, "entryController").current.meterId;
            verify(page.openCamera());
            const file = view.photoFile;
            verify(file.indexOf("shuiheng-camera") >= 0 && file.indexOf(meter) >= 0, file);
            // What ImageCapture.captureToFile leaves: a picture at that path; then its imageSaved.
            writePicture(page, file);
            view.showTaken(file);
            const preview = findChild(view, "cameraPreview");
            tryCompare(preview, "status", Image.Ready, 5000);
            verify(preview.sourceSize.width > 0, "the picture itself is shown");
            verify(findChild(view, "cameraRetake").visible);
            tap(findChild(view, "cameraUse"));
            verify(!view.visible);
            compare(page.photoPath, file);
            compare(findChild(page, "photoButton").text, "Photo ✓");
            const sha = storeProbe.fileSha256(file);
            saveNextValue(page);
            compare(storeProbe.latestPhotoSha256(session, meter), sha);
            verify(!storeProbe.fileExists(file), "the camera's file is removed once its bytes are in the project");
        }

        function test_aPhotoTakenWhenReadingAgainIsKept() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            const page = newRoundEntry(window);
            const view = cameraView(page);
            const entry = findChild(page, "entryController");
            const meter = entry.current.meterId;
            saveNextValue(page); // read once, without a photo
            compare(storeProbe.latestPhotoSha256(session, meter), "");
            verify(entry.find(meter));
            compare(entry.current.meterId, meter);
            // Read again with a photo of the register: the correction carries it.
            verify(page.openCamera("photo"));
            const file = view.photoFile;
            writePicture(page, file);
            view.showTaken(file);
            tap(findChild(view, "cameraUse"));
            const sha = storeProbe.fileSha256(file);
            saveNextValue(page);
            compare(storeProbe.latestPhotoSha256(session, meter), sha, "the photo of the second reading is in the project");
            verify(!storeProbe.fileExists(file));
        }

        function test_scanningALabelFindsItsMeter() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            const page = newRoundEntry(window);
            const view = cameraView(page);
            const entry = findChild(page, "entryController");
            if (!view.hasCamera)
                verify(!findChild(page, "scanButton").visible, "no Scan button without a camera");
            // The label of the last meter of the round, photographed: its card comes up.
            const target = entry.cards.get(entry.count - 1).meterId;
            verify(target !== entry.current.meterId);
            const qrText = session.meter(target).qrText;
            verify(qrText.length > 0, "the sample's meters carry QR texts");
            verify(page.openCamera("scan"));
            const file = view.photoFile;
            verify(qrPicture.write(file, qrText), file);
            view.showTaken(file); // what the camera does once its file is written
            tryVerify(() => !view.visible, 5000, "a scan needs no Use: it is read at once");
            compare(entry.current.meterId, target);
            verify(!entry.messageIsError, entry.message);
            verify(!storeProbe.fileExists(file), "the scan's picture is not kept");
            compare(page.photoPath, "", "a scan is not the register's photo");

            // A picture with no code in it: the page says so and stays on the meter.
            verify(page.openCamera("scan"));
            writePicture(page, view.photoFile);
            view.showTaken(view.photoFile);
            tryVerify(() => !view.visible);
            verify(entry.messageIsError);
            verify(entry.message.indexOf("No QR code") >= 0, entry.message);
            compare(entry.current.meterId, target);
        }

        function test_planTheWindowAndTheRoute() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            const page = planWindow(window);
            const route = findChild(page, "routeList");
            tryVerify(() => route.itemAtIndex(0) !== null);
            const first = findChild(route.itemAtIndex(0), "routeMeter").text;
            const second = findChild(route.itemAtIndex(1), "routeMeter").text;
            verify(findChild(route.itemAtIndex(0), "routeDown").height >= 64, "big move buttons");
            tap(findChild(route.itemAtIndex(0), "routeDown"));
            tryCompare(findChild(route.itemAtIndex(0), "routeMeter"), "text", second);
            tap(findChild(page, "planSave"));
            // Read back from the project file through a fresh page.
            goTo(window, "meters");
            const again = goTo(window, "window");
            const list = findChild(again, "routeList");
            tryVerify(() => list.itemAtIndex(1) !== null);
            compare(findChild(list.itemAtIndex(0), "routeMeter").text, second);
            compare(findChild(list.itemAtIndex(1), "routeMeter").text, first);
            // A bad day is refused with a message naming it.
            edit(again, "planLastDay", "2026-13-40");
            tap(findChild(again, "planSave"));
            verify(findChild(again, "planMessage").text.indexOf("2026-13-40") >= 0, findChild(again, "planMessage").text);
        }

        function test_roundsShowProgressAndMarks() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            planWindow(window);
            const rounds = goTo(window, "readings");
            const list = findChild(rounds, "roundList");
            tryVerify(() => list.itemAtIndex(0) !== null);
            const first = session.rounds.get(0);
            compare(first.metersRead + first.missed + first.skipped, first.meterCount);
            verify(findChild(list.itemAtIndex(0), "roundProgress").text.indexOf(String(first.meterCount)) >= 0);
            // A round with missed readings says so in words, not colour alone.
            for (let i = 0; i < session.rounds.count; ++i)
                if (session.rounds.get(i).missed > 0) {
                    tryVerify(() => list.itemAtIndex(i) !== null);
                    verify(findChild(list.itemAtIndex(i), "roundMarks").text.indexOf("⚠") === 0);
                }
        }

        function test_enterAReadingWithKeypadAndKeyboard() {
            const session = plannedProject();
            const window = showWindow(session, 1280, 800);
            planWindow(window);
            const page = openEntry(window, 3); // 2026-06-04 08:00: every meter has a reading then
            verify(findChild(page, "key-7").height >= 64, "gloved keys");
            verify(findChild(page, "key-7").width >= 64, "gloved keys");
            verify(findChild(page, "saveReading").height >= 56);
            const entry = findChild(page, "entryController");
            compare(entry.count, session.meters.total - 1); // M8 was replaced: not read any more
            // Find M1 by what its QR label encodes, as a scanner types it.
            const find = findChild(page, "findMeter");
            find.text = "SHUIHENG:METER:M1;SN=LDG-65S-250137";
            find.accepted();
            compare(entry.current.meterId, "M1");
            compare(findChild(page, "cardMeter").text, "M1");
            verify(findChild(page, "cardLast").text.indexOf("34918.21") >= 0, findChild(page, "cardLast").text);
            // M1 was read in this round (35373.84): saving again edits it and asks for the reason.
            verify(findChild(page, "cardDone").visible);
            typeOnKeypad(page, "35373.9");
            compare(findChild(page, "typedValue").text.indexOf("35373.9"), 0);
            verify(findChild(page, "reasonField").visible, "the reason is asked for");
            tap(findChild(page, "saveReading"));
            verify(entry.messageIsError);
            findChild(page, "reasonField").text = "last digit misread";
            tap(findChild(page, "saveReading"));
            verify(!entry.messageIsError, entry.message);
            // The first round: a value far below the last reading is a warning with a reason.
            findChild(inside(window), "overlay").item.closed();
            const first = openEntry(window, 0);
            const entry1 = findChild(first, "entryController");
            const find1 = findChild(first, "findMeter");
            find1.text = "M3";
            find1.accepted();
            compare(entry1.current.meterId, "M3");
            // The hardware keyboard types into the keypad.
            first.forceActiveFocus();
            keyClick(Qt.Key_1);
            keyClick(Qt.Key_2);
            keyClick(Qt.Key_Backspace);
            keyClick(Qt.Key_5);
            compare(findChild(first, "keypad").value, "15");
            verify(findChild(first, "reasonField").visible, "an edit or a warning asks for the reason");
            keyClick(Qt.Key_Return);
            verify(entry1.messageIsError, "a reason is needed");
            findChild(first, "reasonField").text = "pump stopped for repair";
            tap(findChild(first, "saveReading"));
            verify(!entry1.messageIsError, entry1.message);
            // Skip the meter the entry moved on to.
            const skipped = entry1.current.meterId;
            tap(findChild(first, "skipButton"));
            const dialog = findChild(first, "skipDialog");
            tryVerify(() => dialog.opened);
            findChild(dialog.contentItem, "skipReason").text = "flooded pit";
            tap(findChild(dialog.contentItem, "skipConfirm"));
            tryVerify(() => !dialog.visible);
            verify(entry1.message.indexOf(skipped) >= 0, entry1.message);
            // Unknown QR text: a message, the card stays.
            const before = entry1.current.meterId;
            find1.text = "SHUIHENG:METER:NOPE";
            find1.accepted();
            verify(entry1.messageIsError);
            compare(entry1.current.meterId, before);
        }

        function test_historyFromTheEntryAndBack() {
            const session = plannedProject();
            const window = showWindow(session, 800, 1280);
            planWindow(window);
            const page = openEntry(window, 1);
            const find = findChild(page, "findMeter");
            find.text = "M1";
            find.accepted();
            tap(findChild(page, "historyButton"));
            const overlay = findChild(inside(window), "historyOverlay");
            tryVerify(() => overlay.item !== null, 5000, "history shown");
            const list = findChild(overlay.item, "historyList");
            tryVerify(() => list.count >= 4, 5000, "M1's four readings");
            verify(findChild(overlay.item, "historyTitle").text.indexOf("M1") >= 0);
            tap(findChild(overlay.item, "historyBack"));
            tryVerify(() => overlay.item === null);
            verify(findChild(inside(window), "overlay").item !== null, "back on the entry");
            // Another page asks for a flow's history through the session.
            session.openHistory("stream", "S1");
            tryVerify(() => overlay.item !== null);
            tryVerify(() => findChild(overlay.item, "historyList").count >= 4);
            session.openHistory("stream", "S999");
            tryVerify(() => findChild(overlay.item, "historyCounts").text.indexOf("S999") >= 0);
            // The navigation closes both.
            goTo(window, "meters");
            tryVerify(() => overlay.item === null && findChild(inside(window), "overlay").item === null);
        }
    }
}
