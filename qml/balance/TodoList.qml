import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models
import Shuiheng.Ui

// The technician's to-do beside the live diagram: what the balance rejects (check it first),
// then "which meter next" — re-read a meter or add one where it buys most — each with its reason.
Pane {
    id: todo

    required property LiveBalance live

    function title(task: string, meter: string, stream: string): string {
        switch (task) {
        case "check":
            return meter.length > 0 ? qsTr("Check meter %1").arg(meter) : qsTr("Check the measurement of %1").arg(stream);
        case "leak":
            return qsTr("Look for a leak");
        case "reread":
            return meter.length > 0 ? qsTr("Read meter %1 again").arg(meter) : qsTr("Measure %1 again").arg(stream);
        case "add":
            return qsTr("Add a meter on %1").arg(stream);
        }
        return task;
    }

    padding: 0
    Material.elevation: 0
    Material.background: Theme.todoPanel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.bottomMargin: 4
            text: qsTr("To do next")
            font.pixelSize: 20
            font.bold: true
        }

        ListView {
            id: list

            objectName: "todoList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: todo.live.todo
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property int index
                required property string task
                required property string stream
                required property string meter
                required property string reason
                readonly property bool urgent: task === "check" || task === "leak"

                width: ListView.view.width
                implicitHeight: Math.max(64, column.implicitHeight + 16)
                leftPadding: 16
                rightPadding: 16

                contentItem: ColumnLayout {
                    id: column

                    spacing: 2

                    Label {
                        objectName: "todoTitle"
                        Layout.fillWidth: true
                        text: (row.urgent ? "⚠ " : (row.index + 1) + ". ") + todo.title(row.task, row.meter, row.stream)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: row.urgent ? Theme.alarm : Material.foreground
                        wrapMode: Text.Wrap
                    }

                    Label {
                        objectName: "todoReason"
                        Layout.fillWidth: true
                        text: row.reason
                        font.pixelSize: 15
                        wrapMode: Text.Wrap
                        color: Theme.sunlight ? Theme.diagramText : Material.secondaryTextColor
                    }
                }

                Divider {
                }
            }

            EmptyListLabel {
                visible: list.count === 0
                text: todo.live.state === "none" ? qsTr("Nothing yet: the to-do follows the balance.") : qsTr("Nothing to do: no meter would make the balance notably more certain.")
            }
        }
    }
}
