import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Ui

// The kinds of node to add, by category: tap one to add it in the middle of the view, or drag it
// onto the diagram to drop it where it should go (inside a group's frame: into that group).
// Vertical beside the canvas in landscape, a horizontal strip in portrait.
Pane {
    id: paletteRoot

    // Where an entry is dropped (view coordinates of `dropTarget`), or -1, -1 for a tap.
    signal chosen(string kind, string variant, real x, real y)

    property bool horizontal: false
    // The item drops are measured against (the canvas).
    property Item dropTarget

    // What can be added: [kind, variant, label]; labels through Labels so they translate once.
    readonly property var entries: [["source", "municipal", Labels.sourceOrigin("municipal")], ["source", "groundwater", Labels.sourceOrigin("groundwater")], ["source", "surface", Labels.sourceOrigin("surface")], ["source", "reclaimed", Labels.sourceOrigin("reclaimed")], ["source", "rain", Labels.sourceOrigin("rain")], ["source", "brackish", Labels.sourceOrigin("brackish")], ["source", "other", Labels.sourceOrigin("other")], ["unit", "process", Labels.unitCategory("process")], ["unit", "cooling", Labels.unitCategory("cooling")], ["unit", "boiler", Labels.unitCategory("boiler")], ["unit", "domestic", Labels.unitCategory("domestic")], ["unit", "treatment", Labels.unitCategory("treatment")], ["group", "", qsTr("Group (level)")], ["discharge", "", Labels.nodeKind("discharge")], ["consumption", "", Labels.nodeKind("consumption")], ["loss", "", Labels.nodeKind("loss")]]

    padding: 4
    Material.elevation: 2

    ScrollView {
        anchors.fill: parent
        contentWidth: paletteRoot.horizontal ? row.implicitWidth : availableWidth
        contentHeight: paletteRoot.horizontal ? availableHeight : row.implicitHeight

        Flow {
            id: row

            width: paletteRoot.horizontal ? implicitWidth : parent.width
            // A strip wraps into columns of its own height.
            height: paletteRoot.horizontal ? paletteRoot.availableHeight : implicitHeight
            flow: paletteRoot.horizontal ? Flow.TopToBottom : Flow.LeftToRight
            spacing: 4

            Repeater {
                model: paletteRoot.entries

                delegate: ItemDelegate {
                    id: entry

                    required property var modelData
                    required property int index

                    objectName: "palette:" + modelData[0] + ":" + modelData[1]
                    width: paletteRoot.horizontal ? 132 : row.width
                    height: 48
                    text: modelData[2]
                    font.pixelSize: 14
                    icon.color: "transparent"
                    leftPadding: 36

                    // The kind's colour, as the node shows it on the diagram.
                    Rectangle {
                        x: 10
                        anchors.verticalCenter: parent.verticalCenter
                        width: 18
                        height: 18
                        radius: entry.modelData[0] === "unit" || entry.modelData[0] === "group" ? 3 : 9
                        color: Theme.swatch(entry.modelData[0])
                        border.color: Theme.swatchBorder
                    }

                    onClicked: paletteRoot.chosen(modelData[0], modelData[1], -1, -1)

                    // Dragging an entry out onto the diagram drops the node there.
                    MouseArea {
                        anchors.fill: parent
                        preventStealing: true
                        property point pressedAt
                        property bool dragging: false
                        onPressed: mouse => {
                            pressedAt = Qt.point(mouse.x, mouse.y);
                            dragging = false;
                        }
                        onPositionChanged: mouse => {
                            if (Math.abs(mouse.x - pressedAt.x) + Math.abs(mouse.y - pressedAt.y) > 12)
                                dragging = true;
                        }
                        onReleased: mouse => {
                            if (!dragging) {
                                entry.clicked();
                                return;
                            }
                            const p = mapToItem(paletteRoot.dropTarget, mouse.x, mouse.y);
                            if (paletteRoot.dropTarget && p.x >= 0 && p.y >= 0 && p.x <= paletteRoot.dropTarget.width && p.y <= paletteRoot.dropTarget.height)
                                paletteRoot.chosen(entry.modelData[0], entry.modelData[1], p.x, p.y);
                        }
                    }
                }
            }
        }
    }
}
