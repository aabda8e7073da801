import QtQuick
import QtQuick.Controls
import Shuiheng.Models
import Shuiheng.Ui

// The live water-balance diagram: the editor's layout with the reconciled flows on it (arrow
// width ∝ flow, value ± σ on the arrow, unobservable flows dashed, suspect meters and possible
// leaks in the alarm colour with ⚠). Read only: pan by dragging, zoom by pinching, Ctrl + wheel or
// the buttons; tap a flow to select it.
Flickable {
    id: canvas

    required property LiveBalance live
    property real zoom: 1
    readonly property real minZoom: 0.2
    readonly property real maxZoom: 4
    // The flow tapped last ("" for none).
    property string selectedFlow: ""
    // Fitted once per layout; the user's zoom is kept while only the flows change.
    property int fittedLayout: -1

    signal flowTapped(string id)

    function setZoom(value: real) {
        const cx = (contentX + width / 2) / zoom, cy = (contentY + height / 2) / zoom;
        zoom = Math.max(minZoom, Math.min(maxZoom, value));
        contentX = Math.max(0, cx * zoom - width / 2);
        contentY = Math.max(0, cy * zoom - height / 2);
    }

    // The whole diagram in view, but never so small that the flows' labels cannot be read.
    function fit() {
        const w = live.diagram.diagramWidth, h = live.diagram.diagramHeight;
        if (w <= 0 || h <= 0 || width <= 0 || height <= 0)
            return;
        zoom = Math.max(0.8, Math.min(1.5, width / (w + 24), height / (h + 24)));
        contentX = 0;
        contentY = 0;
    }

    // Selects a flow and brings its label into view (from the list of labels that found no place).
    function showFlow(id: string) {
        selectedFlow = id;
        const x = live.diagram.value(id, "labelX"), y = live.diagram.value(id, "labelY");
        if (x === undefined || y === undefined)
            return;
        contentX = Math.max(0, Math.min(contentWidth - width, 12 + x * zoom - width / 2));
        contentY = Math.max(0, Math.min(contentHeight - height, 12 + y * zoom - height / 2));
    }

    function tapFlow(id: string) {
        selectedFlow = selectedFlow === id ? "" : id;
        flowTapped(id);
    }

    // Above 100 % the labels keep their size on the screen (in steps of a quarter, not to place
    // them again at every step of a pinch), which frees places on the diagram for more of them.
    Binding {
        target: canvas.live
        property: "labelScale"
        value: Math.min(1, 1 / (Math.round(canvas.zoom * 4) / 4))
    }

    clip: true
    contentWidth: Math.max(width, live.diagram.diagramWidth * zoom + 24)
    contentHeight: Math.max(height, live.diagram.diagramHeight * zoom + 24)
    boundsBehavior: Flickable.StopAtBounds
    onWidthChanged: if (fittedLayout >= 0)
        Qt.callLater(fit)
    ScrollBar.vertical: ScrollBar {
    }
    ScrollBar.horizontal: ScrollBar {
    }

    Connections {
        function onUpdated() {
            if (canvas.fittedLayout !== canvas.live.layoutCount) {
                canvas.fittedLayout = canvas.live.layoutCount;
                canvas.fit();
            }
        }

        target: canvas.live
    }

    Component.onCompleted: if (live.layoutCount > 0) {
        fittedLayout = live.layoutCount;
        Qt.callLater(fit);
    }

    PinchArea {
        property real startZoom: 1

        width: canvas.contentWidth
        height: canvas.contentHeight
        onPinchStarted: startZoom = canvas.zoom
        onPinchUpdated: pinch => canvas.setZoom(startZoom * pinch.scale)

        Rectangle {
            objectName: "liveBackground"
            width: canvas.contentWidth
            height: canvas.contentHeight
            color: Theme.diagramBackground

            MouseArea {
                anchors.fill: parent
                onClicked: canvas.selectedFlow = ""
                onWheel: wheel => {
                    if (wheel.modifiers & Qt.ControlModifier)
                        canvas.setZoom(canvas.zoom * (wheel.angleDelta.y > 0 ? 1.15 : 1 / 1.15));
                    else
                        wheel.accepted = false;
                }
            }
        }

        Item {
            objectName: "liveLayer"
            x: 12
            y: 12
            width: canvas.live.diagram.diagramWidth
            height: canvas.live.diagram.diagramHeight
            scale: canvas.zoom
            transformOrigin: Item.TopLeft

            Repeater {
                objectName: "liveItems"
                model: canvas.live.diagram

                delegate: BalanceItem {
                    view: canvas
                }
            }
        }
    }
}
