import QtQuick
import QtQuick.Controls.Material

// A hairline under a list row, from the text's left edge to the row's right edge.
Rectangle {
    anchors.left: parent.left
    anchors.right: parent.right
    anchors.bottom: parent.bottom
    anchors.leftMargin: 16
    height: 1
    color: Material.dividerColor
}
