import QtQuick
import QtQuick.Controls.Material

// A group (a level of the plant) as a frame with its name; tap to select it.
Rectangle {
    id: frame

    // The DiagramItem drawn (an Item here: the two files refer to each other).
    required property Item entry

    width: entry.width
    height: entry.height
    radius: 6
    color: entry.level % 2 === 0 ? "#f5f7fa" : "#eceff3"
    border.width: entry.selected ? 3 : 1
    border.color: entry.selected ? Material.accent : entry.severity === "error" ? "#c62828" : "#8a94a3"

    Label {
        objectName: "frameCaption"
        x: 8
        y: 4
        width: parent.width - 16
        elide: Text.ElideRight
        text: frame.entry.name
        font.pixelSize: 13
        color: "#37474f"
    }

    // The caption strip is the frame's handle: taps inside the frame fall through to the canvas.
    MouseArea {
        width: parent.width
        height: 24
        onClicked: mouse => frame.entry.canvas.tapItem(frame.entry.itemId, mouse.modifiers)
    }
}
