import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The errors of the plant file, in full view of the user: a bad file is never silently empty.
Pane {
    id: banner

    // One line per error.
    required property var errors
    // How many errors show before "Show all".
    property int collapsedCount: 3
    property bool expanded: false
    // The heading; by default it counts the plant file's errors.
    property string title: qsTr("This plant file has %n error(s)", "", errors.length)

    visible: errors.length > 0
    padding: 16
    Material.background: Material.color(Material.Red, Material.Shade50)
    Material.foreground: Material.color(Material.Red, Material.Shade900)
    Material.elevation: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                objectName: "errorTitle"
                Layout.fillWidth: true
                text: banner.title
                font.pixelSize: 16
                font.weight: Font.Medium
                wrapMode: Text.Wrap
            }

            Button {
                visible: banner.errors.length > banner.collapsedCount
                flat: true
                text: banner.expanded ? qsTr("Show less") : qsTr("Show all")
                onClicked: banner.expanded = !banner.expanded
            }
        }

        Repeater {
            model: banner.expanded ? banner.errors : banner.errors.slice(0, banner.collapsedCount)

            Label {
                required property string modelData

                Layout.fillWidth: true
                text: modelData
                wrapMode: Text.Wrap
                font.pixelSize: 14
            }
        }
    }
}
