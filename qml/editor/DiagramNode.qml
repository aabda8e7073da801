import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Shuiheng.Ui

// A node's box: tap to select (with Ctrl, a long press or the canvas's multi-select mode: add to
// the selection), drag to move it (kept where it is left), drag from the round handle on its
// right to another node to connect them. Validation problems show as a red border and a badge.
Rectangle {
    id: node

    // The DiagramItem drawn (an Item here: the two files refer to each other).
    required property Item entry

    readonly property bool boundary: entry.kind !== "unit"

    radius: boundary ? 14 : 4

    color: Theme.nodeFill(entry.kind, entry.category)
    border.width: entry.selected ? 3 : entry.severity === "error" ? 2 : 1
    border.color: entry.selected ? Material.accent : entry.severity === "error" ? Theme.alarm : entry.severity === "warning" ? Theme.diagramWarning : Theme.diagramBorder

    Column {
        anchors.centerIn: parent
        width: parent.width - 8

        Label {
            objectName: "nodeName"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: node.entry.name
            font.pixelSize: 12
            color: Theme.diagramText
        }

        Label {
            objectName: "nodeId"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            visible: node.entry.name !== node.entry.itemId
            text: node.entry.itemId
            font.pixelSize: 10
            color: Theme.diagramSecondaryText
        }
    }

    // The problems badge; the side sheet lists them in words.
    Rectangle {
        objectName: "problemBadge"
        visible: node.entry.severity !== ""
        x: -8
        y: -8
        width: 18
        height: 18
        radius: 9
        color: node.entry.severity === "error" ? Theme.editorError : Theme.editorWarning

        Label {
            anchors.centerIn: parent
            text: "!"
            color: "white"
            font.bold: true
            font.pixelSize: 12
        }
    }

    MouseArea {
        id: body

        objectName: "nodeBody"
        anchors.fill: parent
        preventStealing: true
        pressAndHoldInterval: 600
        drag.target: node.entry
        drag.threshold: 6
        // Follow the finger exactly (not from where the drag threshold was crossed).
        drag.smoothed: false
        onClicked: mouse => node.entry.canvas.tapItem(node.entry.itemId, mouse.modifiers)
        onPressAndHold: node.entry.canvas.toggleItem(node.entry.itemId)
        onReleased: {
            if (drag.active || node.entry.x !== node.entry.itemX || node.entry.y !== node.entry.itemY)
                node.entry.canvas.finishMove(node.entry);
        }
    }

    // The connection handle: a dot on the right edge with a 48 px touch area.
    Item {
        objectName: "connectHandle"
        visible: !(node.entry.kind === "discharge" || node.entry.kind === "consumption" || node.entry.kind === "loss")
        x: parent.width - width / 2
        y: (parent.height - height) / 2
        width: 48
        height: 48

        Rectangle {
            anchors.centerIn: parent
            width: 16
            height: 16
            radius: 8
            color: Material.accent
            border.color: "white"
            border.width: 2
        }

        MouseArea {
            anchors.fill: parent
            preventStealing: true
            onPressed: mouse => node.entry.canvas.startConnection(node.entry.itemId, mapToItem(node.entry.parent, mouse.x, mouse.y))
            onPositionChanged: mouse => node.entry.canvas.dragConnection(mapToItem(node.entry.parent, mouse.x, mouse.y))
            onReleased: mouse => node.entry.canvas.finishConnection(mapToItem(node.entry.parent, mouse.x, mouse.y))
            onCanceled: node.entry.canvas.cancelConnection()
        }
    }
}
