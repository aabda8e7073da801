import QtQuick
import QtQuick.Controls

// What an empty list says instead of showing nothing.
Label {
    anchors.centerIn: parent
    width: parent ? parent.width - 64 : implicitWidth
    horizontalAlignment: Text.AlignHCenter
    wrapMode: Text.Wrap
    font.pixelSize: 16
    opacity: 0.6
}
