import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models
import Shuiheng.Ui

// The side sheet of the one selected node, group or stream: its fields, each saved as soon as it
// is changed, its validation problems in words, and delete. Several selected: a count and delete.
Pane {
    id: sheet

    required property PlantEditor editor
    readonly property var item: editor.selected
    readonly property string type: item.type === undefined ? "" : item.type
    readonly property var unitCategories: ["process", "cooling", "boiler", "domestic", "treatment"]
    readonly property var origins: ["municipal", "groundwater", "surface", "reclaimed", "rain", "mine", "brackish", "purchased-steam", "other"]

    Material.elevation: 4
    padding: 12

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8

            Label {
                objectName: "sheetTitle"
                Layout.fillWidth: true
                font.pixelSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideRight
                text: sheet.editor.selection.length > 1 ? qsTr("%1 items selected").arg(sheet.editor.selection.length) : sheet.type === "stream" ? qsTr("Stream %1").arg(sheet.item.id) : sheet.type !== "" ? Labels.nodeKind(sheet.item.kind) + " " + sheet.item.id : qsTr("Nothing selected")
            }

            Label {
                Layout.fillWidth: true
                visible: sheet.type === ""
                wrapMode: Text.WordWrap
                color: Material.hintTextColor
                text: sheet.editor.selection.length > 1 ? qsTr("Delete them, or drag one of them to move them all.") : qsTr("Tap a node or a stream to edit it. Drag a node to move it, drag from its round handle to another node to connect them.")
            }

            // --- Nodes and groups ---------------------------------------------------------------
            Label {
                visible: sheet.type === "node" || sheet.type === "group"
                text: qsTr("Id")
            }

            TextField {
                objectName: "idField"
                Layout.fillWidth: true
                visible: sheet.type === "node" || sheet.type === "group"
                text: sheet.item.id === undefined ? "" : sheet.item.id
                onEditingFinished: if (text !== sheet.item.id)
                    sheet.editor.setNodeField(sheet.item.id, "id", text)
            }

            Label {
                visible: sheet.type === "node" || sheet.type === "group"
                text: qsTr("Name")
            }

            TextField {
                objectName: "nameField"
                Layout.fillWidth: true
                visible: sheet.type === "node" || sheet.type === "group"
                text: sheet.item.name === undefined ? "" : sheet.item.name
                placeholderText: qsTr("e.g. 循环冷却水系统")
                onEditingFinished: if (text !== sheet.item.name)
                    sheet.editor.setNodeField(sheet.item.id, "name", text)
            }

            Label {
                visible: sheet.item.kind === "unit"
                text: qsTr("Category")
            }

            ComboBox {
                objectName: "categoryBox"
                Layout.fillWidth: true
                visible: sheet.item.kind === "unit"
                model: sheet.unitCategories
                displayText: Labels.unitCategory(sheet.item.category === undefined ? "" : sheet.item.category)
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: Labels.unitCategory(modelData)
                }
                onActivated: index => sheet.editor.setNodeField(sheet.item.id, "category", sheet.unitCategories[index])
            }

            Label {
                visible: sheet.item.kind === "source"
                text: qsTr("Origin of the water")
            }

            ComboBox {
                objectName: "originBox"
                Layout.fillWidth: true
                visible: sheet.item.kind === "source"
                model: sheet.origins
                displayText: sheet.item.origin ? Labels.sourceOrigin(sheet.item.origin) : qsTr("Not given")
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: Labels.sourceOrigin(modelData)
                }
                onActivated: index => sheet.editor.setNodeField(sheet.item.id, "origin", sheet.origins[index])
            }

            Label {
                visible: sheet.item.kind === "unit" || sheet.item.kind === "group"
                text: qsTr("In group")
            }

            ComboBox {
                id: groupBox

                readonly property var choices: [{
                        "id": "",
                        "name": qsTr("None (site level)")
                    }].concat(sheet.editor.groups.filter(g => g.id !== sheet.item.id))

                objectName: "groupBox"
                Layout.fillWidth: true
                visible: sheet.item.kind === "unit" || sheet.item.kind === "group"
                model: choices
                textRole: "name"
                currentIndex: Math.max(0, choices.findIndex(g => g.id === sheet.item.parent))
                onActivated: index => sheet.editor.setNodeField(sheet.item.id, "parent", choices[index].id)
            }

            // --- Streams --------------------------------------------------------------------------
            Label {
                objectName: "streamEnds"
                visible: sheet.type === "stream"
                text: sheet.type === "stream" ? qsTr("From %1 to %2").arg(sheet.item.from).arg(sheet.item.to) : ""
            }

            Switch {
                objectName: "recycleSwitch"
                visible: sheet.type === "stream" && sheet.item.from !== sheet.item.to
                text: qsTr("Circulating water (recycle)")
                checked: sheet.item.recycle === true
                onToggled: sheet.editor.setStreamField(sheet.item.id, "recycle", checked)
            }

            Switch {
                objectName: "measuredSwitch"
                visible: sheet.type === "stream"
                text: qsTr("Measured")
                checked: sheet.item.measured === true
                onToggled: sheet.editor.setStreamField(sheet.item.id, "measured", checked)
            }

            GridLayout {
                visible: sheet.type === "stream" && sheet.item.measured === true
                columns: 2
                Layout.fillWidth: true

                Label {
                    text: qsTr("Flow")
                }

                TextField {
                    objectName: "valueField"
                    Layout.fillWidth: true
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    text: sheet.item.value === undefined ? "" : String(sheet.item.value)
                    onEditingFinished: if (text !== String(sheet.item.value))
                        sheet.editor.setStreamField(sheet.item.id, "value", text)
                }

                Label {
                    text: qsTr("Uncertainty σ")
                }

                TextField {
                    objectName: "sigmaField"
                    Layout.fillWidth: true
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    text: sheet.item.sigma === undefined ? "" : String(sheet.item.sigma)
                    onEditingFinished: if (text !== String(sheet.item.sigma))
                        sheet.editor.setStreamField(sheet.item.id, "sigma", text)
                }
            }

            // --- All ------------------------------------------------------------------------------
            Label {
                objectName: "itemProblems"
                Layout.fillWidth: true
                visible: text !== ""
                wrapMode: Text.WordWrap
                color: Theme.editorError
                text: sheet.item.problem === undefined ? "" : sheet.item.problem
            }

            Button {
                objectName: "deleteButton"
                Layout.fillWidth: true
                visible: sheet.editor.selection.length > 0
                text: sheet.editor.selection.length > 1 ? qsTr("Delete %1 items").arg(sheet.editor.selection.length) : qsTr("Delete")
                Material.foreground: Theme.editorError
                onClicked: sheet.editor.deleteItems(sheet.editor.selection)
            }
        }
    }
}
