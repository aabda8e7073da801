import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Ui

// One comparison of BenchmarkModel (a quota row or a water-saving threshold) as a gauge: the
// scale from 0 to its far end, a tick and a name for every level, the value with its ±σ band,
// and in words the grade reached and the probability that the true value meets each level.
ColumnLayout {
    id: gauge

    // A row of BenchmarkModel.quotas or .thresholds.
    required property var record
    readonly property bool known: record.value !== undefined && record.value !== null
    readonly property bool met: known && record.grade !== ""
    readonly property var notes: record.notes || []
    readonly property color good: Theme.pass
    readonly property color bad: Theme.fail

    function number(v: real): string {
        return Labels.number(v);
    }

    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        Label {
            objectName: "gaugeTitle"
            Layout.fillWidth: true
            text: gauge.record.title.length > 0 ? gauge.record.title : Labels.indicator(gauge.record.indicator)
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.Wrap
        }

        Label {
            objectName: "gaugeValue"
            text: gauge.known ? Labels.indicatorValue(gauge.record.value, gauge.record.sigma, gauge.record.unit === "%" ? "" : gauge.record.unit) + (gauge.record.unit === "%" ? " %" : "") : qsTr("Not known")
            font.pixelSize: Theme.fontBody
        }
    }

    // The scale: a track, a tick per level, the value's band and marker.
    Item {
        id: scaleArea

        objectName: "gaugeScale"
        Layout.fillWidth: true
        Layout.preferredHeight: 56

        Rectangle {
            id: track

            y: 14
            width: parent.width
            height: 12
            radius: 6
            color: Theme.gaugeTrack
        }

        Rectangle {
            objectName: "gaugeBand"
            visible: gauge.known && gauge.record.spread !== undefined
            x: Math.max(0, (gauge.record.position - (gauge.record.spread || 0)) * scaleArea.width)
            y: track.y
            width: Math.max(4, Math.min(scaleArea.width, (gauge.record.position + (gauge.record.spread || 0)) * scaleArea.width) - x)
            height: track.height
            radius: 6
            color: gauge.met ? gauge.good : gauge.bad
            opacity: 0.45
        }

        Repeater {
            model: gauge.record.levels

            Item {
                required property var modelData

                objectName: "gaugeLevel"
                x: modelData.position * scaleArea.width
                width: 1
                height: scaleArea.height

                Rectangle {
                    x: -1
                    y: 8
                    width: 3
                    height: 24
                    color: Material.foreground
                }

                Label {
                    x: Math.max(-parent.x, Math.min(scaleArea.width - parent.x - width, -width / 2))
                    y: 34
                    text: parent.modelData.name + " " + gauge.number(parent.modelData.limit)
                    font.pixelSize: 14
                }
            }
        }

        // The value: a diamond above the track, never colour alone (the words below say met or not).
        Label {
            objectName: "gaugeMarker"
            visible: gauge.known
            x: gauge.record.position * scaleArea.width - width / 2
            y: -6
            text: "▼"
            font.pixelSize: Theme.fontBody
            color: gauge.met ? gauge.good : gauge.bad
        }
    }

    Label {
        objectName: "gaugeVerdict"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 15
        color: gauge.known ? (gauge.met ? gauge.good : gauge.bad) : Material.foreground
        text: {
            if (!gauge.known)
                return gauge.record.reason.length > 0 ? qsTr("Not compared: %1").arg(gauge.record.reason) : qsTr("Not compared: the indicator is not known.");
            let parts = [];
            for (const level of gauge.record.levels)
                parts.push(qsTr("%1: P = %2 %").arg(level.name).arg(Math.round(100 * level.probability)));
            const head = gauge.met ? "✓ " + qsTr("Meets %1").arg(gauge.record.gradeName) : "✗ " + qsTr("Meets no level");
            return head + " · " + parts.join(" · ");
        }
    }

    // How the comparison was made: level adjustments, a unit conversion, the quota boundary.
    Label {
        objectName: "gaugeNotes"
        Layout.fillWidth: true
        visible: gauge.notes.length > 0
        wrapMode: Text.Wrap
        font.pixelSize: 13
        color: Material.secondaryTextColor
        text: "ℹ " + gauge.notes.join(" · ")
    }

    Label {
        objectName: "gaugeSource"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 13
        color: Material.secondaryTextColor
        text: qsTr("Source: %1 (%2)").arg(gauge.record.source).arg(gauge.record.verification)
    }
}
