import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// The plant's name and flow unit, or what to do when no plant is open.
ToolBar {
    id: toolBar

    required property PlantDocument document

    implicitHeight: 64
    // Flat: it sits on the tab bar, and elevation needs shaders the software renderer lacks.
    Material.elevation: 0

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 16

        Label {
            objectName: "plantName"
            Layout.fillWidth: true
            text: toolBar.document.loaded ? toolBar.document.name : qsTr("No plant open")
            elide: Text.ElideRight
            font.pixelSize: 22
            font.weight: Font.Medium
            color: Material.foreground
        }

        Label {
            objectName: "flowUnit"
            visible: toolBar.document.loaded
            text: qsTr("Flows in %1").arg(toolBar.document.flowUnit)
            font.pixelSize: 16
            color: Material.foreground
            opacity: 0.8
        }
    }
}
