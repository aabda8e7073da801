import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 5, the balance, live: the water-balance diagram with the reconciled flows, the verdict in
// one plain sentence and the technician's to-do (tab "Diagram", qml/balance/); every stream
// measured and reconciled (tab "List"). Both follow the readings as they are committed.
Page {
    id: page

    required property ProjectSession session
    required property AppSettings settings
    readonly property bool narrow: width < 900
    readonly property bool portrait: height > width
    // For tests and the end-to-end run: the live balance and the diagram's view.
    readonly property alias live: liveBalance
    readonly property alias diagramView: liveDiagram
    readonly property alias tabs: tabs

    signal next
    // A flow was tapped on the diagram or the list: the readings behind it (the history opens).
    signal flowTapped(string id)

    onFlowTapped: id => session.openHistory("stream", id)

    LiveBalance {
        id: liveBalance

        objectName: "liveBalance"
        session: page.session
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "balance"
            nextTitle: Labels.stepTitle("indicators")
            onNext: page.next()
        }

        TabBar {
            id: tabs

            objectName: "balanceTabs"
            Layout.fillWidth: true

            TabButton {
                objectName: "balanceTabDiagram"
                text: qsTr("Diagram")
                height: 48
            }

            TabButton {
                objectName: "balanceTabList"
                text: qsTr("List")
                height: 48
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            GridLayout {
                columns: page.portrait ? 1 : 2
                rowSpacing: 0
                columnSpacing: 0

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 0

                    VerdictBanner {
                        Layout.fillWidth: true
                        live: liveBalance
                    }

                    LiveBalanceDiagram {
                        id: liveDiagram

                        objectName: "liveDiagram"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        live: liveBalance
                        onFlowTapped: id => page.flowTapped(id)
                    }

                    DiagramLegend {
                        Layout.fillWidth: true
                        view: liveDiagram
                    }
                }

                TodoList {
                    Layout.preferredWidth: page.portrait ? -1 : Math.min(380, page.width * 0.34)
                    Layout.fillWidth: page.portrait
                    Layout.fillHeight: !page.portrait
                    Layout.preferredHeight: page.portrait ? Math.min(360, page.height * 0.3) : -1
                    live: liveBalance
                }
            }

            ColumnLayout {
                spacing: 0

                Repeater {
                    objectName: "verdict"
                    // The headline is in the step's card above; the findings follow here.
                    model: page.session.verdict.slice(1)

                    Label {
                        required property string modelData
                        required property int index

                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        Layout.rightMargin: 16
                        Layout.topMargin: index === 0 ? 12 : 4
                        text: "⚠ " + modelData
                        wrapMode: Text.Wrap
                    }
                }

                // Column headings.
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    Layout.topMargin: 12
                    spacing: 12

                    Label {
                        Layout.preferredWidth: 72
                        text: qsTr("Stream")
                        font.weight: Font.Bold
                    }

                    Label {
                        Layout.fillWidth: true
                        text: page.narrow ? qsTr("Measured → reconciled") : qsTr("From → to")
                        font.weight: Font.Bold
                    }

                    Label {
                        visible: !page.narrow
                        Layout.preferredWidth: 150
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("Measured")
                        font.weight: Font.Bold
                    }

                    Label {
                        visible: !page.narrow
                        Layout.preferredWidth: 190
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("Reconciled")
                        font.weight: Font.Bold
                    }

                    Label {
                        Layout.preferredWidth: page.narrow ? 170 : 200
                        text: qsTr("Status")
                        font.weight: Font.Bold
                    }
                }

                ListView {
                    id: list

                    objectName: "balanceList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: page.session.balance
                    onMovementEnded: page.settings.setScrollPosition("balance", contentY)
                    Component.onCompleted: Qt.callLater(() => {
                            contentY = Math.min(page.settings.scrollPosition("balance"), Math.max(0, contentHeight - height));
                        })
                    ScrollBar.vertical: ScrollBar {
                    }

                    delegate: ItemDelegate {
                        id: row

                        required property string id
                        required property string fromTo
                        required property var measured
                        required property var value
                        required property var sigma
                        required property string status
                        required property bool suspect
                        readonly property string measuredText: Labels.flow(measured, undefined, "")
                        readonly property string reconciledText: status === "unobservable" ? "—" : Labels.flow(value, sigma, "")

                        width: ListView.view.width
                        implicitHeight: Theme.touchTarget
                        onClicked: page.flowTapped(row.id)
                        leftPadding: 16
                        rightPadding: 16

                        contentItem: RowLayout {
                            spacing: 12

                            Label {
                                objectName: "balanceStream"
                                Layout.preferredWidth: 72
                                text: row.id
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                            }

                            Label {
                                Layout.fillWidth: true
                                text: page.narrow ? row.measuredText + " → " + row.reconciledText : row.fromTo
                                elide: Text.ElideRight
                            }

                            Label {
                                visible: !page.narrow
                                Layout.preferredWidth: 150
                                horizontalAlignment: Text.AlignRight
                                text: row.measuredText
                                elide: Text.ElideRight
                            }

                            Label {
                                objectName: "balanceReconciled"
                                visible: !page.narrow
                                Layout.preferredWidth: 190
                                horizontalAlignment: Text.AlignRight
                                text: row.reconciledText
                                elide: Text.ElideRight
                            }

                            Label {
                                objectName: "balanceStatus"
                                Layout.preferredWidth: page.narrow ? 170 : 200
                                text: row.suspect ? "⚠ " + qsTr("Suspect") : Labels.flowStatus(row.status)
                                color: row.suspect ? Theme.error : Material.foreground
                                font.weight: row.suspect ? Font.Bold : Font.Normal
                                elide: Text.ElideRight
                            }
                        }

                        Divider {
                        }
                    }

                    EmptyListLabel {
                        visible: list.count === 0
                        text: page.session.analysing ? qsTr("Computing the balance…") : qsTr("No balance: see above what it needs.")
                    }
                }
            }
        }
    }
}
