import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 3, the test window: the project's campaigns with their days and daily reading times.
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
            stepKey: "window"
            nextTitle: Labels.stepTitle("readings")
            onNext: page.next()
        }

        ListView {
            id: list

            objectName: "campaignList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.session.campaigns
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property string name
                required property string windowStart
                required property string windowEnd
                required property string roundTimes
                required property int plannedRounds
                required property bool current

                width: ListView.view.width
                implicitHeight: Math.max(88, implicitContentHeight + topPadding + bottomPadding)
                leftPadding: 16
                rightPadding: 16
                highlighted: current

                contentItem: ColumnLayout {
                    spacing: 4

                    Label {
                        objectName: "campaignName"
                        Layout.fillWidth: true
                        text: row.current ? qsTr("%1 (current)").arg(row.name) : row.name
                        font.pixelSize: 20
                        font.weight: Font.Medium
                        elide: Text.ElideRight
                    }

                    Label {
                        objectName: "campaignWindow"
                        Layout.fillWidth: true
                        text: row.windowStart.length > 0 && row.windowEnd.length > 0 ? qsTr("From %1 to %2").arg(row.windowStart).arg(row.windowEnd) : qsTr("The window is open-ended")
                        wrapMode: Text.Wrap
                    }

                    Label {
                        objectName: "campaignRounds"
                        Layout.fillWidth: true
                        text: row.roundTimes.length > 0 ? qsTr("Reading times %1 · %n round(s) planned", "", row.plannedRounds).arg(row.roundTimes) : qsTr("No reading times yet")
                        color: Material.secondaryTextColor
                        wrapMode: Text.Wrap
                    }
                }

                Divider {
                }
            }

            EmptyListLabel {
                visible: list.count === 0
                text: qsTr("No test window yet. Planning it here comes with the reading rounds; meanwhile: shuiheng-cli project campaign FILE --name N --start T --end T --rounds 08:00,20:00")
            }
        }
    }
}
