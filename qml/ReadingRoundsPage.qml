import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 4, the reading rounds: each planned round of the current campaign with how many meters were
// read in it; rounds that are past and incomplete stand out.
Page {
    id: page

    required property ProjectSession session

    signal next

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
                readonly property bool missing: past && metersRead < meterCount

                width: ListView.view.width
                implicitHeight: 72
                leftPadding: 16
                rightPadding: 16

                contentItem: RowLayout {
                    spacing: 16

                    Label {
                        objectName: "roundTime"
                        Layout.preferredWidth: Math.min(300, row.width * 0.4)
                        text: row.time.replace("T", " ")
                        elide: Text.ElideRight
                    }

                    ProgressBar {
                        Layout.fillWidth: true
                        from: 0
                        to: Math.max(1, row.meterCount)
                        value: row.metersRead
                    }

                    Label {
                        objectName: "roundProgress"
                        Layout.preferredWidth: Math.min(260, row.width * 0.3)
                        horizontalAlignment: Text.AlignRight
                        text: (row.missing ? "⚠ " : "") + qsTr("%1 of %2 read").arg(row.metersRead).arg(row.meterCount)
                        color: row.missing ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800) : Material.foreground
                        font.weight: row.missing ? Font.Bold : Font.Normal
                        elide: Text.ElideRight
                    }
                }

                Divider {
                }
            }

            EmptyListLabel {
                visible: list.count === 0
                text: qsTr("No rounds planned in the current campaign.")
            }
        }
    }
}
