import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 3, the test window: plan the current campaign — its days, the daily reading times and the
// route (the meters in the order they are walked, moved up and down with large buttons) — and save
// it to the project as one change.
Page {
    id: page

    required property ProjectSession session
    readonly property bool portrait: height > width

    signal next

    CampaignPlanner {
        id: planner

        objectName: "planner"
        session: page.session
    }

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

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 16
            columns: page.portrait ? 1 : 2
            rowSpacing: 12
            columnSpacing: 24

            // The window and the daily reading times.
            GridLayout {
                Layout.fillWidth: page.portrait
                Layout.preferredWidth: page.portrait ? -1 : 440
                Layout.alignment: Qt.AlignTop
                columns: page.portrait ? 4 : 2
                rowSpacing: 8
                columnSpacing: 12

                Label {
                    text: qsTr("Name")
                }

                TextField {
                    objectName: "planName"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    text: planner.name
                    onTextEdited: planner.name = text
                    // A long name shows its beginning until it is edited.
                    onTextChanged: {
                        if (!activeFocus)
                            cursorPosition = 0;
                    }
                }

                Label {
                    text: qsTr("Reading times")
                }

                TextField {
                    objectName: "planTimes"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    text: planner.readingTimes
                    placeholderText: "08:00, 20:00"
                    inputMethodHints: Qt.ImhPreferNumbers
                    onTextEdited: planner.readingTimes = text
                }

                Label {
                    text: qsTr("First day")
                }

                TextField {
                    objectName: "planFirstDay"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    text: planner.firstDay
                    placeholderText: "2026-06-01"
                    inputMethodHints: Qt.ImhPreferNumbers
                    onTextEdited: planner.firstDay = text
                }

                Label {
                    text: qsTr("Last day")
                }

                TextField {
                    objectName: "planLastDay"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    text: planner.lastDay
                    placeholderText: "2026-06-03"
                    inputMethodHints: Qt.ImhPreferNumbers
                    onTextEdited: planner.lastDay = text
                }

                Label {
                    objectName: "planSummary"
                    Layout.columnSpan: page.portrait ? 4 : 2
                    Layout.fillWidth: true
                    text: planner.plannedRounds > 0 ? qsTr("%n round(s) planned", "", planner.plannedRounds) + " · " + qsTr("%n meter(s) on the route", "", planner.route.count) : qsTr("No rounds: check the days and the reading times")
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "planMessage"
                    Layout.columnSpan: page.portrait ? 4 : 2
                    Layout.fillWidth: true
                    visible: planner.message.length > 0
                    text: planner.message
                    wrapMode: Text.Wrap
                    font.weight: Font.Medium
                }

                RowLayout {
                    Layout.columnSpan: page.portrait ? 4 : 2
                    spacing: 12

                    ActionButton {
                        objectName: "planSave"
                        highlighted: true
                        text: planner.hasCampaign ? qsTr("Save the plan") : qsTr("Create the test window")
                        enabled: page.session.isOpen && (planner.modified || !planner.hasCampaign)
                        onClicked: planner.save()
                    }

                    ActionButton {
                        objectName: "planRevert"
                        text: qsTr("Undo changes")
                        visible: planner.modified
                        onClicked: planner.revert()
                    }
                }
            }

            // The route: the order in which the meters are read.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 4

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Route: the order the meters are read in")
                    font.pixelSize: 20
                    font.weight: Font.Medium
                }

                ListView {
                    id: route

                    objectName: "routeList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: planner.route
                    ScrollBar.vertical: ScrollBar {
                    }

                    delegate: ItemDelegate {
                        id: stop

                        required property int index
                        required property int position
                        required property string meterId
                        required property var location

                        width: ListView.view.width
                        implicitHeight: 72
                        leftPadding: 8
                        rightPadding: 8

                        contentItem: RowLayout {
                            spacing: 12

                            Label {
                                Layout.preferredWidth: 40
                                text: stop.position
                                horizontalAlignment: Text.AlignRight
                                color: Material.secondaryTextColor
                            }

                            Label {
                                objectName: "routeMeter"
                                Layout.preferredWidth: 80
                                text: stop.meterId
                                font.pixelSize: 20
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                            }

                            Label {
                                Layout.fillWidth: true
                                text: stop.location !== undefined ? stop.location : ""
                                elide: Text.ElideRight
                                font.pixelSize: 16
                            }

                            ActionButton {
                                objectName: "routeUp"
                                Layout.preferredWidth: 64
                                Layout.preferredHeight: 64
                                text: "▲"
                                enabled: stop.index > 0
                                onClicked: planner.move(stop.index, stop.index - 1)
                                Accessible.name: qsTr("Move %1 up").arg(stop.meterId)
                            }

                            ActionButton {
                                objectName: "routeDown"
                                Layout.preferredWidth: 64
                                Layout.preferredHeight: 64
                                text: "▼"
                                enabled: stop.index + 1 < route.count
                                onClicked: planner.move(stop.index, stop.index + 1)
                                Accessible.name: qsTr("Move %1 down").arg(stop.meterId)
                            }
                        }

                        Divider {
                        }
                    }

                    EmptyListLabel {
                        visible: route.count === 0
                        text: qsTr("No meters in service yet: add them on the Meters step.")
                    }
                }
            }
        }
    }
}
