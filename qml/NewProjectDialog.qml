import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts

// Asks for what a new project needs: its name, the enterprise, where to save it and, optionally,
// a plant file to start from.
Dialog {
    id: dialog

    property url file
    property url plantFile

    signal create(url path, string name, string enterprise, url plantFile)

    title: qsTr("New project")
    modal: true
    width: Math.min(parent ? parent.width - 32 : 640, 640)
    standardButtons: Dialog.Cancel | Dialog.Ok
    onAboutToShow: {
        nameField.text = "";
        enterpriseField.text = "";
        file = "";
        plantFile = "";
    }
    onAccepted: create(file, nameField.text, enterpriseField.text, plantFile)
    Component.onCompleted: standardButton(Dialog.Ok).enabled = Qt.binding(() => nameField.text.trim().length > 0 && String(file).length > 0)

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        TextField {
            id: nameField

            objectName: "projectNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("Project name, e.g. 2026 water-balance test")
        }

        TextField {
            id: enterpriseField

            Layout.fillWidth: true
            placeholderText: qsTr("Enterprise tested")
        }

        Button {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: String(dialog.file).length > 0 ? qsTr("Save as: %1").arg(decodeURIComponent(String(dialog.file).replace("file://", ""))) : qsTr("Choose where to save it…")
            onClicked: saveDialog.open()
        }

        Button {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: String(dialog.plantFile).length > 0 ? qsTr("Plant: %1").arg(decodeURIComponent(String(dialog.plantFile).replace("file://", ""))) : qsTr("Start from a plant file (optional)…")
            onClicked: plantDialog.open()
        }
    }

    FileDialog {
        id: saveDialog

        title: qsTr("Save the new project as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "shuiheng"
        nameFilters: [qsTr("Shuiheng projects (*.shuiheng)")]
        onAccepted: dialog.file = selectedFile
    }

    FileDialog {
        id: plantDialog

        title: qsTr("Start from a plant file")
        nameFilters: [qsTr("Plant files (*.json)"), qsTr("All files (*)")]
        onAccepted: dialog.plantFile = selectedFile
    }
}
