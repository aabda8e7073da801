import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Adds, edits or replaces a meter. The fields are checked by the session; what is wrong is shown
// here and nothing is saved until it is right.
Dialog {
    id: dialog

    required property ProjectSession session
    // "add", "edit" or "replace".
    property string mode: "add"
    // The meter edited or replaced.
    property string meterId: ""

    // Opens the dialog for `mode` on `id` (empty when adding).
    function start(newMode: string, id: string) {
        mode = newMode;
        meterId = id;
        const m = id.length > 0 ? session.meter(id) : {};
        idField.text = mode === "edit" ? id : "";
        streamField.text = m.stream || "";
        kindBox.currentIndex = m.kind === "flowrate" ? 1 : 0;
        unitField.text = m.unit || "m3";
        mpeField.text = m.mpe !== undefined ? String(m.mpe) : "0.02";
        qrField.text = mode === "edit" ? (m.qrText || "") : "";
        serialField.text = mode === "edit" ? (m.serial || "") : "";
        dueField.text = mode === "edit" ? (m.calibrationDue || "") : "";
        problem.text = "";
        open();
    }

    function fields() {
        return {
            "id": idField.text,
            "stream": streamField.text,
            "kind": kindBox.currentIndex === 1 ? "flowrate" : "totalizer",
            "unit": unitField.text,
            "mpe": mpeField.text,
            "qrText": qrField.text,
            "serial": serialField.text,
            "calibrationDue": dueField.text
        };
    }

    title: mode === "add" ? qsTr("Add a meter") : mode === "edit" ? qsTr("Meter %1").arg(meterId) : qsTr("Replace meter %1").arg(meterId)
    modal: true
    width: Math.min(parent ? parent.width - 32 : 640, 640)
    height: Math.min(parent ? parent.height - 32 : 800, implicitHeight)
    standardButtons: Dialog.Cancel | Dialog.Save
    // Saved (or refused with the reason) before the dialog closes.
    closePolicy: Popup.CloseOnEscape
    onAccepted: {
        const ok = mode === "replace" ? session.replaceMeter(meterId, fields()) : session.saveMeter(fields());
        if (!ok) {
            problem.text = session.errorMessage;
            open();
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        GridLayout {
            width: parent.width
            columns: 2
            columnSpacing: 16
            rowSpacing: 8

            Label {
                id: problem

                objectName: "meterProblem"
                Layout.columnSpan: 2
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                color: Material.color(Material.Red)
            }

            Label {
                text: qsTr("Id")
            }

            TextField {
                id: idField

                objectName: "meterIdField"
                Layout.fillWidth: true
                readOnly: dialog.mode === "edit"
                placeholderText: dialog.mode === "replace" ? qsTr("Id of the new meter") : qsTr("e.g. M12")
            }

            Label {
                text: qsTr("Stream")
            }

            TextField {
                id: streamField

                objectName: "meterStreamField"
                Layout.fillWidth: true
                readOnly: dialog.mode === "replace"
                placeholderText: qsTr("Id of the stream it measures")
            }

            Label {
                text: qsTr("Kind")
            }

            ComboBox {
                id: kindBox

                Layout.fillWidth: true
                model: [qsTr("Totalizer"), qsTr("Flow rate")]
            }

            Label {
                text: qsTr("Unit")
            }

            TextField {
                id: unitField

                Layout.fillWidth: true
                placeholderText: qsTr("m3 (totalizer) or m3/h (flow rate)")
            }

            Label {
                text: qsTr("Max. error")
            }

            TextField {
                id: mpeField

                Layout.fillWidth: true
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                placeholderText: qsTr("fraction, e.g. 0.02 for 2 %")
            }

            Label {
                text: qsTr("QR text")
            }

            TextField {
                id: qrField

                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Serial no.")
            }

            TextField {
                id: serialField

                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Calibration due")
            }

            TextField {
                id: dueField

                Layout.fillWidth: true
                placeholderText: qsTr("2027-06-30")
                inputMethodHints: Qt.ImhDate
            }
        }
    }
}
