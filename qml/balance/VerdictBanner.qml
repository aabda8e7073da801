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
    readonly property string verdictState: live.state
    readonly property color tone: verdictState === "closes" ? Theme.diagramGood : verdictState === "fails" ? Theme.alarm : Theme.diagramSecondaryText

    implicitHeight: Math.max(56, row.implicitHeight + 16)
    color: Theme.tint(tone)
    border.width: Theme.bannerBorder
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
            color: banner.verdictState === "fails" ? banner.tone : Theme.diagramText
        }
    }
}
