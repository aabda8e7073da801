import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models
import Shuiheng.Ui

// The plant editor: sketch the water network by touch on its water-balance diagram.
// Interface (for the page that hosts it):
//   projectPath: string   the project file (.shuiheng) to edit; the page opens its own connection
//   who, device: string   recorded with every change (empty: the system's user and host name)
//   editor: PlantEditor   (read-only) the controller, e.g. for editor.errorCount or editor.problems
//   saved()               emitted after every edit, undo or redo is committed to the file: reload
//                         whatever shows the plant elsewhere
// Works standalone: set projectPath and show it. Landscape: palette left, side sheet right;
// portrait: palette as a strip at the bottom, the side sheet above it.
Page {
    id: page

    property alias projectPath: plantEditor.projectPath
    property alias who: plantEditor.who
    property alias device: plantEditor.device
    readonly property PlantEditor editor: plantEditor
    readonly property bool portrait: width < height

    signal saved

    PlantEditor {
        id: plantEditor

        onSaved: page.saved()
    }

    header: ToolBar {
        objectName: "editorToolBar"
        Material.foreground: Theme.editorBarText

        background: Rectangle {
            color: Theme.editorBar
        }

        RowLayout {
            anchors.fill: parent
            spacing: 0

            ToolButton {
                objectName: "undoButton"
                text: qsTr("Undo")
                enabled: plantEditor.canUndo
                implicitHeight: Theme.touchTargetSmall
                ToolTip.visible: hovered && enabled
                ToolTip.text: qsTr("Undo: %1").arg(plantEditor.undoText)
                onClicked: plantEditor.undo()
            }

            ToolButton {
                objectName: "redoButton"
                text: qsTr("Redo")
                enabled: plantEditor.canRedo
                implicitHeight: Theme.touchTargetSmall
                ToolTip.visible: hovered && enabled
                ToolTip.text: qsTr("Redo: %1").arg(plantEditor.redoText)
                onClicked: plantEditor.redo()
            }

            ToolButton {
                objectName: "multiSelectButton"
                text: qsTr("Select several")
                checkable: true
                implicitHeight: Theme.touchTargetSmall
                checked: canvas.multiSelect
                onToggled: canvas.multiSelect = checked
            }

            ToolButton {
                objectName: "deleteSelectionButton"
                text: qsTr("Delete")
                enabled: plantEditor.selection.length > 0
                implicitHeight: Theme.touchTargetSmall
                onClicked: plantEditor.deleteItems(plantEditor.selection)
            }

            ToolButton {
                objectName: "autoLayoutButton"
                text: qsTr("Tidy up")
                implicitHeight: Theme.touchTargetSmall
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Forget moved positions and lay the diagram out automatically")
                onClicked: plantEditor.unpinAll()
            }

            Item {
                Layout.fillWidth: true
            }

            ToolButton {
                objectName: "problemsButton"
                implicitHeight: Theme.touchTargetSmall
                text: plantEditor.errorCount > 0 ? qsTr("%n problem(s)", "", plantEditor.errorCount) : qsTr("No problems")
                Material.foreground: plantEditor.errorCount > 0 ? Theme.editorBarProblems : Material.foreground
                onClicked: problemsPopup.open()
            }

            ToolButton {
                objectName: "zoomOutButton"
                text: "−"
                font.pixelSize: 22
                implicitWidth: 48
                implicitHeight: Theme.touchTargetSmall
                onClicked: canvas.setZoom(canvas.zoom / 1.25, canvas.width / 2, canvas.height / 2)
            }

            ToolButton {
                objectName: "zoomFitButton"
                text: qsTr("Fit")
                implicitHeight: Theme.touchTargetSmall
                onClicked: canvas.fit()
            }

            ToolButton {
                objectName: "zoomInButton"
                text: "+"
                font.pixelSize: 22
                implicitWidth: 48
                implicitHeight: Theme.touchTargetSmall
                onClicked: canvas.setZoom(canvas.zoom * 1.25, canvas.width / 2, canvas.height / 2)
            }
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: page.portrait ? 1 : 3
        rowSpacing: 0
        columnSpacing: 0

        EditorPalette {
            id: nodePalette

            objectName: "palette"
            Layout.row: page.portrait ? 3 : 0
            Layout.column: 0
            Layout.fillHeight: !page.portrait
            Layout.fillWidth: page.portrait
            Layout.preferredWidth: page.portrait ? -1 : 176
            Layout.preferredHeight: page.portrait ? 2 * 48 + 20 : -1
            horizontal: page.portrait
            dropTarget: canvas
            onChosen: (kind, variant, x, y) => {
                const at = x < 0 ? canvas.visibleCentre() : canvas.diagramPoint(x, y);
                const id = plantEditor.addNode(kind, variant, at.x, at.y);
                if (id !== "")
                    plantEditor.selection = [id];
            }
        }

        ColumnLayout {
            Layout.row: 0
            Layout.column: page.portrait ? 0 : 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Label {
                objectName: "editorError"
                Layout.fillWidth: true
                visible: plantEditor.error !== ""
                text: plantEditor.error
                wrapMode: Text.WordWrap
                padding: 8
                color: "white"
                background: Rectangle {
                    color: Theme.editorError
                }
            }

            DiagramCanvas {
                id: canvas

                objectName: "canvas"
                Layout.fillWidth: true
                Layout.fillHeight: true
                editor: plantEditor
            }
        }

        ItemSheet {
            objectName: "itemSheet"
            Layout.row: page.portrait ? 1 : 0
            Layout.column: page.portrait ? 0 : 2
            Layout.fillHeight: !page.portrait
            Layout.fillWidth: page.portrait
            Layout.preferredWidth: page.portrait ? -1 : 300
            Layout.preferredHeight: page.portrait ? 300 : -1
            visible: !page.portrait || plantEditor.selection.length > 0
            editor: plantEditor
        }
    }

    Popup {
        id: problemsPopup

        objectName: "problemsPopup"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
        height: Math.min(page.height - 32, 480)
        modal: true

        ListView {
            anchors.fill: parent
            clip: true
            model: plantEditor.problems

            delegate: Label {
                required property string modelData
                width: ListView.view.width
                padding: 8
                wrapMode: Text.WordWrap
                text: modelData
            }
        }
    }
}
