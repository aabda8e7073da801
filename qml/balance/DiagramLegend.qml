import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Ui

// Under the live diagram: what its lines and marks mean, the flows whose label found no place on
// the diagram (a list; choosing one selects its flow, which shows its label), and the zoom buttons.
Rectangle {
    id: legend

    // The LiveBalanceDiagram explained and zoomed.
    required property Item view

    implicitHeight: 56
    color: Theme.diagramBackground

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 8
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Width ∝ flow · value ± σ · dashed: cannot be known · ⚠ suspect meter or leak")
            elide: Text.ElideRight
            font.pixelSize: 15
            color: Theme.diagramText
        }

        ToolButton {
            objectName: "hiddenLabelsButton"
            visible: legend.view.live.hiddenLabels.length > 0
            implicitHeight: Theme.touchTargetSmall
            text: qsTr("%n more flow(s)", "", legend.view.live.hiddenLabels.length)
            onClicked: hiddenList.open()

            Popup {
                id: hiddenList

                objectName: "hiddenLabelsList"
                y: -height
                width: 300
                height: Math.min(420, flows.contentHeight + 16)
                padding: 8

                ListView {
                    id: flows

                    anchors.fill: parent
                    clip: true
                    model: legend.view.live.hiddenLabels
                    ScrollBar.vertical: ScrollBar {
                    }

                    delegate: ItemDelegate {
                        required property string modelData

                        objectName: "hiddenLabel"
                        width: ListView.view.width
                        height: 48
                        text: modelData + "  " + (legend.view.live.overlayOf(modelData).text || "")
                        onClicked: {
                            legend.view.showFlow(modelData);
                            hiddenList.close();
                        }
                    }
                }
            }
        }

        ToolButton {
            objectName: "zoomOut"
            text: "−"
            font.pixelSize: 24
            implicitWidth: 48
            implicitHeight: Theme.touchTargetSmall
            onClicked: legend.view.setZoom(legend.view.zoom / 1.25)
        }

        ToolButton {
            objectName: "zoomIn"
            text: "+"
            font.pixelSize: 24
            implicitWidth: 48
            implicitHeight: Theme.touchTargetSmall
            onClicked: legend.view.setZoom(legend.view.zoom * 1.25)
        }

        ToolButton {
            objectName: "zoomFit"
            text: qsTr("Fit")
            implicitHeight: Theme.touchTargetSmall
            onClicked: legend.view.fit()
        }
    }
}
