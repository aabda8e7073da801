import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// The plant's content: its errors if any, then its nodes and streams in two tabs.
Page {
    id: page

    required property PlantDocument document

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorBanner {
            objectName: "errorBanner"
            Layout.fillWidth: true
            errors: page.document.errors
        }

        TabBar {
            id: tabs

            objectName: "tabs"
            Layout.fillWidth: true

            TabButton {
                text: qsTr("Nodes (%1)").arg(page.document.nodeModel.count)
            }

            TabButton {
                text: qsTr("Streams (%1)").arg(page.document.streamModel.count)
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            Item {
                ListView {
                    id: nodeList

                    objectName: "nodeList"
                    anchors.fill: parent
                    clip: true
                    model: page.document.nodeModel
                    ScrollBar.vertical: ScrollBar {
                    }

                    delegate: NodeDelegate {
                    }
                }

                EmptyListLabel {
                    visible: nodeList.count === 0
                    text: qsTr("No nodes")
                }
            }

            Item {
                ListView {
                    id: streamList

                    objectName: "streamList"
                    anchors.fill: parent
                    clip: true
                    model: page.document.streamModel
                    ScrollBar.vertical: ScrollBar {
                    }

                    delegate: StreamDelegate {
                        flowUnit: page.document.flowUnit
                    }
                }

                EmptyListLabel {
                    visible: streamList.count === 0
                    text: qsTr("No streams")
                }
            }
        }
    }
}
