import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import Shuiheng.Ui

// One row of the live diagram (LiveBalance.diagram): a group frame, a flow or a node, with the
// balance's overlay (the reconciled flow, or a leak) drawn on it.
Item {
    id: entry

    required property string itemId
    required property string itemType
    required property string name
    required property string kind
    required property string category
    required property real itemX
    required property real itemY
    required property real itemWidth
    required property real itemHeight
    required property string path
    required property string arrow
    required property real labelX
    required property real labelY
    required property int level
    required property var overlay
    // The LiveBalanceDiagram (an Item here: the two files refer to each other).
    required property Item view

    readonly property bool suspect: overlay.suspect === true
    readonly property bool leak: overlay.leak === true
    readonly property bool selected: view.selectedFlow === itemId

    objectName: itemType + ":" + itemId
    x: itemType === "stream" ? 0 : itemX
    y: itemType === "stream" ? 0 : itemY
    // A selected flow (its label shown even when it found no place) and a suspect one (whose label
    // is always shown, over a node if there is no free place) draw over the nodes and the other
    // flows, so that their labels and touch areas (48 px, taller than a label) are on top.
    z: itemType === "group" ? 0 : itemType === "stream" ? (selected ? 3 : suspect ? 2.5 : 1) : 2
    width: itemType === "stream" ? 0 : itemWidth
    height: itemType === "stream" ? 0 : itemHeight

    Loader {
        anchors.fill: entry.itemType === "stream" ? undefined : parent
        sourceComponent: entry.itemType === "group" ? frame : entry.itemType === "stream" ? flow : node
    }

    Component {
        id: frame

        Rectangle {
            radius: 6
            color: Theme.frameFill(entry.level)
            border.width: Theme.strokeScale
            border.color: Theme.frameBorder

            Label {
                x: 8
                y: 4
                width: parent.width - 16
                elide: Text.ElideRight
                text: entry.name
                font.pixelSize: 13
                font.bold: Theme.diagramBold
                color: Theme.frameText
            }
        }
    }

    Component {
        id: flow

        Item {
            id: flowItem

            readonly property color lineColor: entry.suspect ? Theme.alarm : Theme.streamColor(entry.kind)
            readonly property real lineWidth: (entry.overlay.width !== undefined ? entry.overlay.width : 1.5) * (entry.selected ? 1.3 : 1)

            Shape {
                // Dashes scale with the stroke: keep them readable on thick arrows too.
                ShapePath {
                    strokeColor: flowItem.lineColor
                    strokeWidth: flowItem.lineWidth
                    fillColor: "transparent"
                    capStyle: ShapePath.FlatCap
                    strokeStyle: entry.overlay.dashed === true ? ShapePath.DashLine : ShapePath.SolidLine
                    dashPattern: [3, 2]

                    PathSvg {
                        path: entry.path
                    }
                }

                ShapePath {
                    strokeColor: flowItem.lineColor
                    strokeWidth: 1
                    fillColor: flowItem.lineColor

                    PathSvg {
                        path: entry.arrow
                    }
                }
            }

            // The label where the live balance placed it (free of other labels and of the nodes);
            // one that found no place is drawn only while its flow is selected, on top.
            Rectangle {
                readonly property bool placed: entry.overlay.labelX !== undefined

                objectName: "flowChip"
                visible: entry.overlay.labelShown !== false || entry.selected
                z: entry.selected ? 1 : 0
                x: (placed ? entry.overlay.labelX : entry.labelX) - width / 2
                y: (placed ? entry.overlay.labelY : entry.labelY) - height / 2
                // Drawn at its full size, then scaled to the size it was placed at (labelScale).
                width: entry.overlay.labelWidth !== undefined ? entry.overlay.labelWidth / entry.view.live.labelScale : chipText.implicitWidth + 12
                height: entry.overlay.labelHeight !== undefined ? entry.overlay.labelHeight / entry.view.live.labelScale : chipText.implicitHeight + 4
                scale: entry.view.live.labelScale
                radius: height / 2
                color: entry.suspect ? Theme.alarmFill : Theme.chipFill
                border.color: flowItem.lineColor
                border.width: (entry.suspect || entry.selected ? 2 : 1) * Theme.strokeScale

                Label {
                    id: chipText

                    objectName: "flowLabel"
                    anchors.centerIn: parent
                    text: (entry.suspect ? "⚠ " : "") + entry.itemId + "  " + (entry.overlay.text !== undefined ? entry.overlay.text : "")
                    font.pixelSize: 13
                    font.bold: entry.suspect || Theme.diagramBold
                    color: entry.suspect ? Theme.alarm : Theme.diagramText
                }

                // A finger needs 48 px each way.
                MouseArea {
                    objectName: "flowTarget"
                    anchors.centerIn: parent
                    width: Math.max(48, parent.width)
                    height: 48
                    onClicked: entry.view.tapFlow(entry.itemId)
                }
            }
        }
    }

    Component {
        id: node

        Rectangle {
            radius: entry.kind !== "unit" ? 14 : 4
            color: entry.leak ? Theme.alarmFill : Theme.nodeFill(entry.kind, entry.category)
            border.width: (entry.leak ? 3 : 1) * Theme.strokeScale
            border.color: entry.leak ? Theme.alarm : Theme.diagramBorder

            Column {
                anchors.centerIn: parent
                width: parent.width - 8

                Label {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    text: entry.name
                    font.pixelSize: 12
                    font.bold: Theme.diagramBold
                    color: Theme.diagramText
                }

                Label {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    visible: entry.name !== entry.itemId
                    text: entry.itemId
                    font.pixelSize: 10
                    color: Theme.diagramSecondaryText
                }
            }

            // A possible leak: a mark and a word above the box, not colour alone.
            Rectangle {
                objectName: "leakMark"
                visible: entry.leak
                x: (parent.width - width) / 2
                y: -height - 2
                width: leakText.implicitWidth + 10
                height: leakText.implicitHeight + 4
                radius: 4
                color: Theme.alarm

                Label {
                    id: leakText

                    anchors.centerIn: parent
                    text: "⚠ " + qsTr("Leak?")
                    font.pixelSize: 12
                    font.bold: true
                    color: Theme.badgeText
                }
            }
        }
    }
}
