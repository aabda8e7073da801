import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Step 6, indicators & benchmark: the site's water-use indicators with their uncertainty, and why
// one is not known when it is not (tab "Indicators"); the quota gauges, water-saving-enterprise
// thresholds and leader checklist (tab "Benchmark", qml/indicators/).
Page {
    id: page

    required property ProjectSession session
    // For tests: the benchmark model and the tabs.
    readonly property alias bench: benchmark
    readonly property alias tabs: tabs

    signal next
    // An indicator row was tapped: the readings behind it (the history opens).
    signal indicatorTapped(string key)

    onIndicatorTapped: key => session.openHistory("indicator", key)

    BenchmarkModel {
        id: benchmark

        session: page.session
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "indicators"
            nextTitle: Labels.stepTitle("report")
            onNext: page.next()
        }

        TabBar {
            id: tabs

            objectName: "indicatorTabs"
            Layout.fillWidth: true

            TabButton {
                objectName: "indicatorTabList"
                text: qsTr("Indicators")
                height: 48
            }

            TabButton {
                objectName: "indicatorTabBenchmark"
                text: qsTr("Benchmark")
                height: 48
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ListView {
                id: list

                objectName: "indicatorList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: page.session.indicators
                ScrollBar.vertical: ScrollBar {
                }

                delegate: ItemDelegate {
                    id: row

                    required property string key
                    required property var value
                    required property var sigma
                    required property string unit
                    required property string reason

                    width: ListView.view.width
                    onClicked: page.indicatorTapped(row.key)
                    implicitHeight: Math.max(64, implicitContentHeight + topPadding + bottomPadding)
                    leftPadding: 16
                    rightPadding: 16

                    contentItem: RowLayout {
                        spacing: Theme.spacing

                        Label {
                            objectName: "indicatorName"
                            Layout.fillWidth: true
                            text: Labels.indicator(row.key)
                            wrapMode: Text.Wrap
                        }

                        ColumnLayout {
                            Layout.preferredWidth: Math.min(360, row.width * 0.45)
                            spacing: 2

                            Label {
                                objectName: "indicatorValue"
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                                text: Labels.indicatorValue(row.value, row.sigma, row.unit)
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                            }

                            Label {
                                Layout.fillWidth: true
                                visible: row.reason.length > 0
                                horizontalAlignment: Text.AlignRight
                                text: row.reason
                                wrapMode: Text.Wrap
                                font.pixelSize: 14
                                color: Material.secondaryTextColor
                            }
                        }
                    }

                    Divider {
                    }
                }

                EmptyListLabel {
                    visible: list.count === 0
                    text: page.session.analysing ? qsTr("Computing the indicators…") : qsTr("No indicators: see above what they need.")
                }
            }

            BenchmarkPanel {
                objectName: "benchmarkPanel"
                bench: benchmark
            }
        }
    }
}
