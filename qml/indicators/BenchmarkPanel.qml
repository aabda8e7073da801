import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models
import Shuiheng.Ui

// The benchmark: which quota applies (the project's industry and product, saved in the project),
// the quota gauges (GB/T 18916 levels), the water-saving-enterprise thresholds, and the
// water-efficiency leader checklist with what is missing to decide. Core's reasons and missing
// inputs arrive in the UI's language from the model (docs/messages.md).
Flickable {
    id: panel

    required property BenchmarkModel bench

    function verdictWord(verdict: string): string {
        switch (verdict) {
        case "pass":
            return "✓ " + qsTr("Pass");
        case "fail":
            return "✗ " + qsTr("Fail");
        }
        return "? " + qsTr("Unknown");
    }

    function verdictColor(verdict: string): color {
        if (verdict === "pass")
            return Theme.pass;
        if (verdict === "fail")
            return Theme.fail;
        return Material.foreground;
    }

    clip: true
    contentWidth: width
    contentHeight: column.implicitHeight + 32
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {
    }

    ColumnLayout {
        id: column

        x: 16
        y: 16
        width: panel.width - 32
        spacing: 12

        Label {
            text: qsTr("Industry and product")
            font.pixelSize: 20
            font.bold: true
        }

        ComboBox {
            id: choice

            readonly property var entries: [{
                    "key": "",
                    "text": qsTr("Not set: no quota comparison")
                }].concat(panel.bench.quotaChoices)

            objectName: "quotaChoice"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            model: entries
            textRole: "text"
            valueRole: "key"
            currentIndex: {
                for (let i = 0; i < entries.length; ++i)
                    if (entries[i].key === panel.bench.quota)
                        return i;
                return 0;
            }
            onActivated: index => panel.bench.setQuota(entries[index].key)
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 15
            color: Material.secondaryTextColor
            text: qsTr("Saved in the project. The quota compares the intake per unit of product inside the quota boundary.")
        }

        Label {
            text: qsTr("Water-use quota")
            font.pixelSize: 20
            font.bold: true
        }

        Repeater {
            objectName: "quotaGauges"
            model: panel.bench.quotas

            QuotaGauge {
                required property var model

                Layout.fillWidth: true
                record: model
            }
        }

        Label {
            visible: panel.bench.quotas.count === 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: panel.bench.busy ? qsTr("Comparing…") : qsTr("No quota applies: choose the industry and product above.")
        }

        Label {
            text: qsTr("Water-saving enterprise")
            font.pixelSize: 20
            font.bold: true
        }

        Label {
            objectName: "waterSavingVerdict"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: panel.verdictColor(panel.bench.waterSaving)
            text: panel.bench.thresholds.count === 0 ? qsTr("No thresholds for this industry.") : panel.verdictWord(panel.bench.waterSaving)
        }

        Repeater {
            objectName: "thresholdGauges"
            model: panel.bench.thresholds

            QuotaGauge {
                required property var model

                Layout.fillWidth: true
                record: model
            }
        }

        Label {
            text: qsTr("Water-efficiency leader")
            font.pixelSize: 20
            font.bold: true
        }

        Label {
            objectName: "leaderVerdict"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: panel.verdictColor(panel.bench.leaderVerdict)
            text: panel.verdictWord(panel.bench.leaderVerdict) + "  " + panel.bench.leaderTitle
        }

        Repeater {
            objectName: "leaderRules"
            model: panel.bench.leaderRules

            ColumnLayout {
                required property string title
                required property string verdict
                required property string reason
                required property string missing

                objectName: "leaderRule"
                Layout.fillWidth: true
                spacing: 2

                RowLayout {
                    Layout.fillWidth: true
                    Layout.minimumHeight: 48
                    spacing: 12

                    Label {
                        Layout.preferredWidth: 110
                        text: panel.verdictWord(parent.parent.verdict)
                        color: panel.verdictColor(parent.parent.verdict)
                        font.bold: true
                        font.pixelSize: 17
                    }

                    Label {
                        Layout.fillWidth: true
                        text: parent.parent.title
                        wrapMode: Text.Wrap
                        font.pixelSize: 17
                    }
                }

                Label {
                    objectName: "leaderReason"
                    Layout.fillWidth: true
                    Layout.leftMargin: 122
                    visible: parent.reason.length > 0
                    text: parent.reason
                    wrapMode: Text.Wrap
                    font.pixelSize: 14
                    color: Material.secondaryTextColor
                }

                Label {
                    objectName: "leaderMissing"
                    Layout.fillWidth: true
                    Layout.leftMargin: 122
                    visible: parent.verdict === "unknown" && parent.missing.length > 0
                    text: qsTr("To decide, give: %1").arg(parent.missing)
                    wrapMode: Text.Wrap
                    font.pixelSize: 14
                    color: Material.secondaryTextColor
                }
            }
        }

        Repeater {
            model: panel.bench.notes

            Label {
                required property string modelData

                Layout.fillWidth: true
                text: "ℹ " + modelData
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: Material.secondaryTextColor
            }
        }
    }
}
