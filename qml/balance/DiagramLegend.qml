import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Ui

// Under the live diagram: what its lines and marks mean, and the zoom buttons.
Rectangle {
    id: legend

    // The LiveBalanceDiagram explained and zoomed.
    required property Item view
    required property DiagramPalette colours

    implicitHeight: 56
    color: colours.background

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 8
        spacing: 16

        Label {
            Layout.fillWidth: true
            text: qsTr("Width ∝ flow · value ± σ · dashed: cannot be known · ⚠ suspect meter or leak")
            elide: Text.ElideRight
            font.pixelSize: 15
            color: legend.colours.text
        }

        ToolButton {
            objectName: "zoomOut"
            text: "−"
            font.pixelSize: 24
            implicitWidth: 48
            implicitHeight: 48
            onClicked: legend.view.setZoom(legend.view.zoom / 1.25)
        }

        ToolButton {
            objectName: "zoomIn"
            text: "+"
            font.pixelSize: 24
            implicitWidth: 48
            implicitHeight: 48
            onClicked: legend.view.setZoom(legend.view.zoom * 1.25)
        }

        ToolButton {
            objectName: "zoomFit"
            text: qsTr("Fit")
            implicitHeight: 48
            onClicked: legend.view.fit()
        }
    }
}
