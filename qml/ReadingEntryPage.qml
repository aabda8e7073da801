import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Shuiheng.Models

// Reading entry: one large card per meter in route order for one round, a keypad for gloved hands,
// the store's plausibility warnings inline (a reason is asked for), a photo of the register, skip
// with a reason. Every value is saved at once (docs/app.md, "Entering readings").
Page {
    id: page

    required property ProjectSession session
    // The round to read (ISO time); empty: the round due now.
    property string round: ""
    readonly property bool portrait: height > width
    readonly property var card: entry.current
    readonly property color warningColor: Theme.error
    // A reason is asked for when the value needs one: warnings, or a second value in the round.
    readonly property bool needsReason: entry.warnings.length > 0 || (card.readingId !== undefined && card.readingId.length > 0)

    signal closed

    // Saves what the keypad holds with the reason and photo given.
    function saveValue() {
        if (entry.save(keypad.value, reasonField.text, photoPath)) {
            keypad.value = "";
            reasonField.text = "";
            photoPath = "";
        }
    }

    property string photoPath: ""
    // The camera's view loaded (Qt Multimedia present) and a camera on the device.
    readonly property bool cameraReady: cameraLoader.status === Loader.Ready && cameraLoader.item.hasCamera

    // What the camera's picture is for: "photo" of the register, or "scan" of a meter's QR label.
    property string cameraPurpose: "photo"

    // Shows the camera's view for the current meter (it says so when there is no camera); false when
    // Qt Multimedia is missing. `purpose`: "photo" (the default) or "scan".
    function openCamera(purpose) {
        if (cameraLoader.status !== Loader.Ready)
            return false;
        const file = entry.cameraPhotoFile();
        if (file.length === 0)
            return false;
        cameraPurpose = purpose === "scan" ? "scan" : "photo";
        cameraLoader.item.open(file);
        return true;
    }

    // The camera's picture is ready at `path`: the register's photo, or a label to find the meter by.
    function takeCameraPicture(path) {
        if (cameraPurpose === "scan")
            entry.findByPicture(path);
        else
            photoPath = path;
    }

    focus: true
    Keys.onPressed: event => {
        if (event.key === Qt.Key_Backspace) {
            keypad.press("back");
            event.accepted = true;
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            page.saveValue();
            event.accepted = true;
        } else if (event.text.length === 1 && "0123456789.".indexOf(event.text) >= 0) {
            keypad.press(event.text);
            event.accepted = true;
        }
    }

    ReadingEntryController {
        id: entry

        objectName: "entryController"
        session: page.session
        round: page.round
        onCurrentIndexChanged: {
            keypad.value = "";
            reasonField.text = "";
            page.photoPath = "";
        }
    }

    Connections {
        function onValueChanged() {
            if (keypad.value.length > 0)
                entry.check(keypad.value);
        }

        target: keypad
    }

    header: ToolBar {
        Material.background: Theme.overlayBar
        Material.foreground: Theme.overlayBarText

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            spacing: 12

            ToolButton {
                objectName: "entryBack"
                Layout.preferredHeight: Theme.touchTarget
                text: "‹ " + qsTr("Rounds")
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }

            Label {
                objectName: "entryRound"
                Layout.fillWidth: true
                text: entry.round.length > 0 ? qsTr("Round %1").arg(entry.round.replace("T", " ").slice(0, 16)) : qsTr("No round planned")
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                elide: Text.ElideRight
            }

            Label {
                objectName: "entryProgress"
                text: qsTr("%1 of %2 done").arg(entry.doneCount).arg(entry.count)
                font.pixelSize: Theme.fontBody
            }
        }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.portrait ? 1 : 2
        rowSpacing: 12
        columnSpacing: 24

        // Finding a meter: typed, or the text a QR scanner types into the field.
        RowLayout {
            Layout.fillWidth: true
            Layout.columnSpan: page.portrait ? 1 : 2
            spacing: 12

            TextField {
                id: findField

                objectName: "findMeter"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Find a meter: type or scan its id, serial or QR label")
                inputMethodHints: Qt.ImhNoPredictiveText
                onAccepted: {
                    if (entry.find(text))
                        text = "";
                    page.forceActiveFocus();
                }
            }

            ActionButton {
                objectName: "findButton"
                text: qsTr("Find")
                onClicked: findField.accepted()
            }

            // The tablet's camera reads the meter's QR label (shown only where there is a camera).
            ActionButton {
                objectName: "scanButton"
                visible: page.cameraReady
                text: qsTr("Scan QR")
                onClicked: page.openCamera("scan")
            }
        }

        // The meter's card.
        Pane {
            objectName: "meterCard"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Material.elevation: 0
            padding: 20
            background: Rectangle {
                color: Theme.card
                border.color: Theme.cardBorder
                border.width: 1
                radius: 8
            }

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Label {
                        objectName: "cardMeter"
                        text: page.card.meterId !== undefined ? page.card.meterId : qsTr("No meters")
                        font.pixelSize: 36
                        font.weight: Font.Bold
                    }

                    StateMark {
                        objectName: "cardState"
                        Layout.fillWidth: true
                        roundState: page.card.state !== undefined ? page.card.state : "pending"
                        font.pixelSize: 20
                        elide: Text.ElideRight
                    }

                    Label {
                        objectName: "cardPosition"
                        text: qsTr("%1 / %2").arg(entry.currentIndex + 1).arg(entry.count)
                        font.pixelSize: Theme.fontBody
                        color: Material.secondaryTextColor
                    }
                }

                Label {
                    objectName: "cardLocation"
                    Layout.fillWidth: true
                    text: page.card.location !== undefined ? page.card.location : ""
                    font.pixelSize: 20
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }

                Label {
                    objectName: "cardLast"
                    Layout.fillWidth: true
                    text: page.card.lastValue !== undefined ? qsTr("Last reading %1 %2 at %3").arg(String(page.card.lastValue)).arg(page.card.unit).arg(page.card.lastTime.replace("T", " ").slice(0, 16)) : qsTr("No earlier reading")
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "cardExpected"
                    Layout.fillWidth: true
                    text: page.card.expected !== undefined && page.card.expected.length > 0 ? qsTr("Expected %1").arg(page.card.expected) : qsTr("No expected range yet (too few readings)")
                    color: Material.secondaryTextColor
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "cardDone"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: page.card.value !== undefined ? qsTr("Read in this round: %1 %2 (saving again changes it)").arg(String(page.card.value)).arg(page.card.unit) : (page.card.reason !== undefined ? qsTr("Skipped: %1").arg(page.card.reason) : "")
                    font.weight: Font.Medium
                    wrapMode: Text.Wrap
                }

                // The value typed, large, with the unit.
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 72
                    radius: 6
                    color: Theme.field
                    border.color: entry.warnings.length > 0 ? page.warningColor : Material.accentColor
                    border.width: 2

                    Label {
                        objectName: "typedValue"
                        anchors.fill: parent
                        anchors.leftMargin: 16
                        anchors.rightMargin: 16
                        verticalAlignment: Text.AlignVCenter
                        text: (keypad.value.length > 0 ? keypad.value : "—") + "  " + (page.card.unit !== undefined ? page.card.unit : "")
                        font.pixelSize: 36
                        font.weight: Font.Medium
                        elide: Text.ElideLeft
                    }
                }

                Repeater {
                    model: entry.warnings

                    Label {
                        required property string modelData

                        objectName: "entryWarning"
                        Layout.fillWidth: true
                        text: "⚠ " + modelData
                        color: page.warningColor
                        font.weight: Font.Bold
                        wrapMode: Text.Wrap
                    }
                }

                TextField {
                    id: reasonField

                    objectName: "reasonField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    visible: page.needsReason
                    placeholderText: qsTr("Reason (required): e.g. the register rolled over, digits checked twice")
                }

                Label {
                    objectName: "entryMessage"
                    Layout.fillWidth: true
                    visible: entry.message.length > 0
                    text: (entry.messageIsError ? "⚠ " : "✓ ") + entry.message
                    color: entry.messageIsError ? page.warningColor : Material.foreground
                    font.weight: entry.messageIsError ? Font.Bold : Font.Normal
                    wrapMode: Text.Wrap
                }

                Item {
                    Layout.fillHeight: true
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8

                    ActionButton {
                        objectName: "photoButton"
                        Layout.preferredHeight: Theme.touchTarget
                        text: page.photoPath.length > 0 ? qsTr("Photo ✓") : qsTr("Photo…")
                        onClicked: photoDialog.open()
                    }

                    ActionButton {
                        objectName: "cameraButton"
                        Layout.preferredHeight: Theme.touchTarget
                        visible: page.cameraReady
                        text: qsTr("Camera")
                        onClicked: page.openCamera("photo")
                    }

                    ActionButton {
                        objectName: "skipButton"
                        Layout.preferredHeight: Theme.touchTarget
                        text: qsTr("Skip…")
                        enabled: entry.count > 0
                        onClicked: skipDialog.open()
                    }

                    ActionButton {
                        objectName: "historyButton"
                        Layout.preferredHeight: Theme.touchTarget
                        text: qsTr("History")
                        enabled: entry.count > 0
                        onClicked: page.session.openHistory("meter", page.card.meterId)
                    }
                }
            }
        }

        // The keypad and the moves between cards.
        ColumnLayout {
            Layout.fillWidth: page.portrait
            Layout.preferredWidth: page.portrait ? -1 : 3 * 88 + 16
            Layout.alignment: Qt.AlignTop
            spacing: 8

            NumericKeypad {
                id: keypad

                objectName: "keypad"
                Layout.fillWidth: true
                keySize: page.portrait ? 76 : 80
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 8

                ActionButton {
                    objectName: "previousMeter"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    text: "‹ " + qsTr("Previous")
                    enabled: entry.currentIndex > 0
                    onClicked: entry.previous()
                }

                ActionButton {
                    objectName: "nextMeter"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    text: qsTr("Next") + " ›"
                    enabled: entry.currentIndex + 1 < entry.count
                    onClicked: entry.next()
                }
            }

            ActionButton {
                objectName: "saveReading"
                Layout.fillWidth: true
                Layout.preferredHeight: 72
                highlighted: true
                text: qsTr("Save")
                font.pixelSize: 22
                enabled: keypad.value.length > 0 && entry.count > 0
                onClicked: page.saveValue()
            }
        }
    }

    // The camera, optional: CameraCapture imports QtMultimedia, so it is only ever loaded here. Where
    // the module is missing the Loader ends in Error and the page has no camera button.
    Loader {
        id: cameraLoader

        objectName: "cameraLoader"
        anchors.fill: parent
        z: 10
        asynchronous: true
        source: "readings/CameraCapture.qml"
        visible: status === Loader.Ready && item.opened
    }

    Connections {
        function onCaptured(path) {
            page.takeCameraPicture(path);
        }

        // A label needs no second look: the picture is read as soon as it is taken.
        function onTakenChanged() {
            if (page.cameraPurpose === "scan" && cameraLoader.item.taken.length > 0)
                cameraLoader.item.use();
        }

        target: cameraLoader.item
        ignoreUnknownSignals: true
    }

    FileDialog {
        id: photoDialog

        title: qsTr("Photo of the register")
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.webp)")]
        onAccepted: page.photoPath = selectedFile.toString()
    }

    Dialog {
        id: skipDialog

        objectName: "skipDialog"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 560)
        modal: true
        title: qsTr("Skip meter %1 in this round").arg(page.card.meterId !== undefined ? page.card.meterId : "")
        standardButtons: Dialog.Cancel
        onOpened: skipReason.forceActiveFocus()

        ColumnLayout {
            anchors.fill: parent
            spacing: 12

            TextField {
                id: skipReason

                objectName: "skipReason"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Why is it not read? (required)")
            }

            ActionButton {
                objectName: "skipConfirm"
                Layout.alignment: Qt.AlignRight
                highlighted: true
                text: qsTr("Skip this meter")
                enabled: skipReason.text.trim().length > 0
                onClicked: {
                    if (entry.skip(skipReason.text)) {
                        skipReason.text = "";
                        skipDialog.close();
                    }
                }
            }
        }
    }
}
