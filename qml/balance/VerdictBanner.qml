import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Models
import Shuiheng.Ui

// The live balance's verdict in one plain sentence, with a mark that says the same as the colour:
// ✓ closes, ⚠ does not close, ○ nothing to check yet, … computing.
Rectangle {
    id: banner

    required property LiveBalance live
    required property DiagramPalette colours
    readonly property string verdictState: live.state
    readonly property color tone: verdictState === "closes" ? colours.good : verdictState === "fails" ? colours.alarm : colours.secondaryText

    implicitHeight: Math.max(56, row.implicitHeight + 16)
    color: colours.sunlight ? "#FFFFFF" : Qt.rgba(tone.r, tone.g, tone.b, colours.dark ? 0.18 : 0.1)
    border.width: colours.sunlight ? 2 : 0
    border.color: tone

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 12

        Label {
            objectName: "verdictMark"
            text: banner.verdictState === "closes" ? "✓" : banner.verdictState === "fails" ? "⚠" : banner.live.layingOut ? "…" : "○"
            font.pixelSize: 26
            font.bold: true
            color: banner.tone
        }

        Label {
            objectName: "liveVerdict"
            Layout.fillWidth: true
            text: banner.live.verdict.length > 0 ? banner.live.verdict : qsTr("No balance yet: it needs readings that give flows.")
            wrapMode: Text.Wrap
            font.pixelSize: 20
            font.bold: true
            color: banner.verdictState === "fails" ? banner.tone : banner.colours.text
        }
    }
}
