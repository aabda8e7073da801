import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 4, the reading rounds: each planned round of the current campaign with its progress (meters
// read of meters in service); late, missed and skipped readings stand out in colour and in words.
// A round opens the reading entry (enterReadings).
Page {
    id: page

    required property ProjectSession session
    readonly property color warningColor: Theme.error

    signal next
    // The reading entry for the round at `round` (ISO time; empty: the round due now).
    signal enterReadings(string round)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "readings"
            nextTitle: Labels.stepTitle("balance")
            onNext: page.next()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 16
            spacing: 12

            Label {
                Layout.fillWidth: true
                text: qsTr("Tap a round to enter or correct its readings.")
                wrapMode: Text.Wrap
                color: Material.secondaryTextColor
            }

            ActionButton {
                objectName: "enterReadings"
                highlighted: true
                text: qsTr("Enter readings")
                enabled: page.session.isOpen
                onClicked: page.enterReadings("")
            }
        }

        ListView {
            id: list

            objectName: "roundList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.session.rounds
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property string time
                required property int metersRead
                required property int meterCount
                required property bool past
                required property int late
                required property int skipped
                required property int missed
                readonly property bool missing: missed > 0

                width: ListView.view.width
                implicitHeight: Math.max(80, implicitContentHeight + topPadding + bottomPadding)
                leftPadding: 16
                rightPadding: 16
                onClicked: page.enterReadings(time)

                contentItem: GridLayout {
                    columns: 3
                    rowSpacing: 2
                    columnSpacing: 16

                    Label {
                        objectName: "roundTime"
                        Layout.preferredWidth: Math.min(220, row.width * 0.3)
                        text: row.time.replace("T", " ").slice(0, 16)
                        font.weight: Font.Medium
                        elide: Text.ElideRight
                    }

                    ProgressBar {
                        Layout.fillWidth: true
                        from: 0
                        to: Math.max(1, row.meterCount)
                        value: row.metersRead + row.skipped
                    }

                    Label {
                        objectName: "roundProgress"
                        Layout.preferredWidth: Math.min(240, row.width * 0.3)
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("%1 of %2 read").arg(row.metersRead).arg(row.meterCount)
                        elide: Text.ElideRight
                    }

                    Label {
                        objectName: "roundMarks"
                        Layout.columnSpan: 3
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: {
                            const parts = [];
                            if (row.missed > 0)
                                parts.push("⚠ " + qsTr("%n missed", "", row.missed));
                            if (row.late > 0)
                                parts.push("⚠ " + qsTr("%n read late", "", row.late));
                            if (row.skipped > 0)
                                parts.push("– " + qsTr("%n skipped", "", row.skipped));
                            return parts.join(" · ");
                        }
                        color: row.missed > 0 || row.late > 0 ? page.warningColor : Material.foreground
                        font.weight: row.missed > 0 || row.late > 0 ? Font.Bold : Font.Normal
                        font.pixelSize: 16
                        wrapMode: Text.Wrap
                    }
                }

                Divider {
                }
            }

            EmptyListLabel {
                visible: list.count === 0
                text: qsTr("No rounds planned in the current campaign: plan the test window first.")
            }
        }
    }
}
