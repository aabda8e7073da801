import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The pages to go to: a side rail (vertical, landscape) or a bottom bar (portrait). Each step
// shows its state as a mark and, in the rail, in words; a step can always be revisited.
Pane {
    id: bar

    // Page keys in order (Main.pageKeys).
    required property var keys
    // Step states by key (ProjectSession.stepStates).
    required property var states
    // Steps can be entered only with a project open.
    required property bool projectOpen
    property int currentIndex: 0
    // Rail (true) or bottom bar (false).
    property bool vertical: true

    signal selected(int index)

    padding: 0
    Material.elevation: 0
    Material.background: Theme.navigation
    implicitHeight: vertical ? 0 : 76

    GridLayout {
        anchors.fill: parent
        anchors.topMargin: bar.vertical ? 8 : 0
        columns: bar.vertical ? 1 : bar.keys.length
        rowSpacing: 0
        columnSpacing: 0

        Repeater {
            model: bar.keys

            ItemDelegate {
                id: entry

                required property int index
                required property string modelData
                readonly property string state: bar.states[modelData] || ""
                readonly property bool current: index === bar.currentIndex

                objectName: "nav-" + modelData
                Layout.fillWidth: true
                // Equal shares of the bottom bar, whatever the titles' lengths.
                Layout.preferredWidth: bar.vertical ? -1 : 1
                Layout.fillHeight: !bar.vertical
                // In the rail an entry grows when its title takes two lines.
                Layout.preferredHeight: bar.vertical ? Math.max(60, implicitContentHeight + topPadding + bottomPadding) : 76
                enabled: index === 0 || bar.projectOpen
                highlighted: current
                padding: 4
                leftPadding: bar.vertical ? 16 : 2
                rightPadding: bar.vertical ? 12 : 2
                onClicked: bar.selected(index)
                Accessible.name: Labels.stepTitle(modelData) + (state.length > 0 ? ", " + Labels.stepState(state) : "")

                contentItem: GridLayout {
                    columns: bar.vertical ? 2 : 1
                    rowSpacing: 2
                    columnSpacing: 12

                    // The step's mark: its number when open, a symbol otherwise.
                    Rectangle {
                        Layout.alignment: bar.vertical ? Qt.AlignVCenter : Qt.AlignHCenter
                        Layout.rowSpan: bar.vertical ? 2 : 1
                        implicitWidth: 32
                        implicitHeight: 32
                        radius: 16
                        color: entry.state === "done" ? Material.color(Material.Green, Material.Shade700) : entry.state === "attention" ? Material.color(Material.Orange, Material.Shade800) : entry.current ? Material.accentColor : "transparent"
                        border.width: 2
                        border.color: entry.state === "done" || entry.state === "attention" || entry.current ? color : Material.hintTextColor

                        Label {
                            anchors.centerIn: parent
                            text: entry.index === 0 ? "☰" : (entry.state === "open" || entry.state === "" ? String(entry.index) : Labels.stepMark(entry.state))
                            font.pixelSize: 16
                            font.weight: Font.Bold
                            color: entry.state === "done" || entry.state === "attention" || entry.current ? "white" : Material.foreground
                        }
                    }

                    Label {
                        objectName: "navTitle"
                        Layout.fillWidth: true
                        Layout.alignment: bar.vertical ? Qt.AlignLeft : Qt.AlignHCenter
                        text: Labels.stepTitle(entry.modelData)
                        horizontalAlignment: bar.vertical ? Text.AlignLeft : Text.AlignHCenter
                        font.pixelSize: bar.vertical ? 17 : 13
                        font.weight: entry.current ? Font.Bold : Font.Normal
                        // Long titles ("Reading rounds", "Indicators & benchmark") take two lines
                        // rather than lose words: in the bottom bar's narrow cells, and in the rail
                        // at its larger type.
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        lineHeight: 0.9
                        elide: Text.ElideRight
                    }

                    Label {
                        visible: bar.vertical && entry.state.length > 0
                        Layout.fillWidth: true
                        text: Labels.stepState(entry.state)
                        font.pixelSize: 13
                        color: Material.secondaryTextColor
                        elide: Text.ElideRight
                    }
                }
            }
        }

        Item {
            visible: bar.vertical
            Layout.fillHeight: true
        }
    }
}
