import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Shapes
import Shuiheng.Models
import Shuiheng.Ui

// The diagram the editor sketches on: pan by dragging the background, zoom by pinching (or
// Ctrl + wheel, or the page's buttons). Items call back here to select, move and connect;
// everything they change goes to the PlantEditor, which saves it at once.
Flickable {
    id: view

    required property PlantEditor editor
    // Tapping adds to the selection instead of replacing it (touch: the page's multi-select button).
    property bool multiSelect: false
    property real zoom: 1
    readonly property real minZoom: 0.2
    readonly property real maxZoom: 4
    // The connection being drawn from a node's handle, in diagram coordinates.
    property string connectFrom: ""
    property point connectStart
    property point connectEnd

    // Where a point of the view is on the diagram.
    function diagramPoint(viewX: real, viewY: real): point {
        return Qt.point((contentX + viewX) / zoom, (contentY + viewY) / zoom);
    }

    // The middle of what is visible, for palette taps.
    function visibleCentre(): point {
        return diagramPoint(width / 2, height / 2);
    }

    function setZoom(value: real, aroundX: real, aroundY: real) {
        const z = Math.max(minZoom, Math.min(maxZoom, value));
        const p = diagramPoint(aroundX, aroundY);
        zoom = z;
        contentX = Math.max(0, p.x * z - aroundX);
        contentY = Math.max(0, p.y * z - aroundY);
    }

    function fit() {
        const w = editor.diagram.diagramWidth, h = editor.diagram.diagramHeight;
        if (w <= 0 || h <= 0)
            return;
        zoom = Math.max(minZoom, Math.min(1.5, width / w, height / h));
        contentX = 0;
        contentY = 0;
    }

    function tapItem(id: string, modifiers: int) {
        if (multiSelect || (modifiers & Qt.ControlModifier))
            toggleItem(id);
        else
            editor.selection = [id];
    }

    function toggleItem(id: string) {
        const now = editor.selection.slice();
        const at = now.indexOf(id);
        if (at >= 0)
            now.splice(at, 1);
        else
            now.push(id);
        editor.selection = now;
    }

    // A node was dragged: it (and the rest of the selection with it) stays where it was left.
    function finishMove(entry: Item) {
        const dx = entry.x - entry.itemX, dy = entry.y - entry.itemY;
        const ids = entry.selected && editor.selection.length > 1 ? editor.selection : [entry.itemId];
        // The model's next update places the item; until then keep it where the finger left it.
        entry.x = Qt.binding(() => entry.itemType === "stream" ? 0 : entry.itemX);
        entry.y = Qt.binding(() => entry.itemType === "stream" ? 0 : entry.itemY);
        if (dx !== 0 || dy !== 0) {
            if (ids.length === 1)
                editor.moveNode(entry.itemId, entry.itemX + entry.itemWidth / 2 + dx, entry.itemY + entry.itemHeight / 2 + dy);
            else
                editor.moveNodes(ids, dx, dy);
        }
    }

    function startConnection(id: string, at: point) {
        connectFrom = id;
        connectStart = at;
        connectEnd = at;
    }

    function dragConnection(at: point) {
        if (connectFrom !== "")
            connectEnd = at;
    }

    function finishConnection(at: point) {
        const from = connectFrom;
        connectFrom = "";
        const to = editor.diagram.nodeAt(at.x, at.y);
        if (from !== "" && to !== "") {
            const id = editor.connectNodes(from, to);
            if (id !== "")
                editor.selection = [id];
        }
    }

    function cancelConnection() {
        connectFrom = "";
    }

    clip: true
    contentWidth: Math.max(width, editor.diagram.diagramWidth * zoom + 48)
    contentHeight: Math.max(height, editor.diagram.diagramHeight * zoom + 48)
    boundsBehavior: Flickable.StopAtBounds
    // Two fingers on the canvas zoom; the view must not pan (and take the touch points) meanwhile.
    interactive: !pinchHandler.active
    ScrollBar.vertical: ScrollBar {
    }
    ScrollBar.horizontal: ScrollBar {
    }

    // Two fingers zoom, wherever they land. The handler sits on a layer above the content (parented to
    // the view itself, so it does not scroll): it sees every press first and only watches (a passive
    // grab), so taps and drags still reach the nodes and streams below; once two fingers spread, it
    // takes the touch points over from whatever had them. A handler on the content would never see a
    // press that a node or stream chip accepted.
    Item {
        parent: view
        anchors.fill: parent
        z: 1

        PinchHandler {
            id: pinchHandler

            property real startZoom: 1
            property real startScale: 1

            target: null
            grabPermissions: PointerHandler.CanTakeOverFromAnything
            onActiveChanged: {
                if (active) {
                    startZoom = view.zoom;
                    startScale = scale;
                }
            }
            onScaleChanged: {
                if (active)
                    view.setZoom(startZoom * scale / startScale, centroid.position.x, centroid.position.y);
            }
        }
    }

    Item {
        width: view.contentWidth
        height: view.contentHeight

        Rectangle {
            objectName: "canvasBackground"
            width: view.contentWidth
            height: view.contentHeight
            color: Theme.diagramBackground

            // A MouseArea, not a TapHandler: a tap must not compete with the pinch for the touch points.
            MouseArea {
                anchors.fill: parent
                onClicked: view.editor.selection = []
                // Ctrl + wheel zooms on a desktop; the wheel alone scrolls.
                onWheel: wheel => {
                    if (wheel.modifiers & Qt.ControlModifier)
                        view.setZoom(view.zoom * (wheel.angleDelta.y > 0 ? 1.15 : 1 / 1.15), wheel.x - view.contentX, wheel.y - view.contentY);
                    else
                        wheel.accepted = false;
                }
            }
        }

        Item {
            id: layer

            objectName: "diagramLayer"
            width: view.editor.diagram.diagramWidth
            height: view.editor.diagram.diagramHeight
            scale: view.zoom
            transformOrigin: Item.TopLeft

            Repeater {
                model: view.editor.diagram

                delegate: DiagramItem {
                    canvas: view
                }
            }

            // The connection under the finger.
            Shape {
                visible: view.connectFrom !== ""

                ShapePath {
                    strokeColor: Material.accent
                    strokeWidth: 2
                    strokeStyle: ShapePath.DashLine
                    startX: view.connectStart.x
                    startY: view.connectStart.y

                    PathLine {
                        x: view.connectEnd.x
                        y: view.connectEnd.y
                    }
                }
            }
        }
    }
}
