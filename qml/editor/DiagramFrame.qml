import QtQuick
import QtQuick.Controls.Material
import Shuiheng.Ui

// A group (a level of the plant) as a frame with its name; tap to select it.
Rectangle {
    id: frame

    // The DiagramItem drawn (an Item here: the two files refer to each other).
    required property Item entry

    width: entry.width
    height: entry.height
    radius: 6

    color: Theme.frameFill(entry.level)
    border.width: entry.selected ? 3 : 1
    border.color: entry.selected ? Material.accent : entry.severity === "error" ? Theme.alarm : Theme.frameBorder

    Label {
        objectName: "frameCaption"
        x: 8
        y: 4
        width: parent.width - 16
        elide: Text.ElideRight
        text: frame.entry.name
        font.pixelSize: 13
        color: Theme.frameText
    }

    // The caption strip is the frame's handle: taps inside the frame fall through to the canvas.
    MouseArea {
        width: parent.width
        height: 24
        onClicked: mouse => frame.entry.canvas.tapItem(frame.entry.itemId, mouse.modifiers)
    }
}
