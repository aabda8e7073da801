import QtQuick
import QtQuick.Controls.Material
import QtQuick.Shapes
import Shuiheng.Ui

// A stream as its Bezier path with an arrowhead; dashed while unmeasured. A chip at the middle
// names it (and its measurement) and is its touch target.
Item {
    id: stream

    // The DiagramItem drawn (an Item here: the two files refer to each other).
    required property Item entry

    readonly property color lineColor: entry.selected ? Material.accent : entry.severity === "error" ? Theme.alarm : Theme.streamColor(entry.kind)

    Shape {
        ShapePath {
            strokeColor: stream.lineColor
            strokeWidth: stream.entry.selected ? 3.5 : 2
            fillColor: "transparent"
            strokeStyle: stream.entry.measured ? ShapePath.SolidLine : ShapePath.DashLine
            dashPattern: [4, 3]

            PathSvg {
                path: stream.entry.path
            }
        }

        ShapePath {
            strokeColor: "transparent"
            fillColor: stream.lineColor

            PathSvg {
                path: stream.entry.arrow
            }
        }
    }

    Rectangle {
        id: chip

        objectName: "streamChip"
        x: stream.entry.labelX - width / 2
        y: stream.entry.labelY - height / 2
        width: chipText.implicitWidth + 10
        height: 20
        radius: 10
        color: stream.entry.severity === "error" ? Theme.alarmFill : Theme.chipFill
        border.color: stream.lineColor
        border.width: stream.entry.selected ? 2 : 1

        Label {
            id: chipText

            anchors.centerIn: parent
            text: stream.entry.label === "" ? stream.entry.itemId : stream.entry.itemId + "  " + stream.entry.label
            font.pixelSize: 11
            color: stream.lineColor
        }

        // A finger needs more than the chip: the touch target is at least 48 px each way.
        MouseArea {
            objectName: "streamTarget"
            anchors.centerIn: parent
            width: Math.max(48, parent.width)
            height: 48
            onClicked: mouse => stream.entry.canvas.tapItem(stream.entry.itemId, mouse.modifiers)
        }
    }
}
