import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Shuiheng.Ui

// A meter's state in a round in words and colour (never colour alone): read on time, read late,
// skipped, missed, to read.
Label {
    id: mark

    // pending, on-time, late, skipped, missed (round_progress.h).
    property string roundState: "pending"
    readonly property bool bad: roundState === "late" || roundState === "missed"
    readonly property color warningColor: Theme.error
    readonly property color goodColor: Theme.ok

    text: {
        switch (roundState) {
        case "on-time":
            return "✓ " + qsTr("Read");
        case "late":
            return "⚠ " + qsTr("Read late");
        case "skipped":
            return "– " + qsTr("Skipped");
        case "missed":
            return "⚠ " + qsTr("Missed");
        }
        return "○ " + qsTr("To read");
    }
    color: bad ? warningColor : (roundState === "on-time" ? goodColor : Material.foreground)
    font.weight: bad ? Font.Bold : Font.Medium
}
