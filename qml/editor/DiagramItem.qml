import QtQuick

// One row of the editor's DiagramModel on the canvas: a group frame, a stream or a node, drawn by
// the matching component. Positioned in diagram coordinates (the canvas scales them).
Item {
    id: item

    required property int index
    required property string itemId
    required property string itemType
    required property string name
    required property string kind
    required property string category
    required property real itemX
    required property real itemY
    required property real itemWidth
    required property real itemHeight
    required property string path
    required property string arrow
    required property string label
    required property real labelX
    required property real labelY
    required property bool pinned
    required property int level
    required property string parentGroup
    required property string fromNode
    required property string toNode
    required property bool measured
    required property bool selected
    required property string problem
    required property string severity
    // The DiagramCanvas that shows it (an Item here: the two files refer to each other): selection,
    // moves and connections go through it.
    required property Item canvas

    objectName: itemType + ":" + itemId
    x: itemType === "stream" ? 0 : itemX
    y: itemType === "stream" ? 0 : itemY
    width: itemType === "stream" ? 0 : itemWidth
    height: itemType === "stream" ? 0 : itemHeight

    // One of three drawings, made once: a delegate's type never changes (new rows get new delegates).
    // `entry` is handed over as a value, not a binding, so nothing reads it while the row goes away.
    Loader {
        anchors.fill: item.itemType === "stream" ? undefined : parent
        Component.onCompleted: setSource(Qt.resolvedUrl(item.itemType === "group" ? "DiagramFrame.qml" : item.itemType === "stream" ? "DiagramStream.qml" : "DiagramNode.qml"), {
                "entry": item
            })
    }
}
