import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// Where a flow, an indicator or a meter's figures came from: the readings behind it, each followed
// by every change made to it (who, when, on which device, why, old → new) and the plausibility
// warnings recorded with the reason given. Opened through ProjectSession.openHistory(kind, id).
Page {
    id: page

    required property ProjectSession session
    property string kind: ""
    property string subject: ""
    readonly property color warningColor: Theme.error

    signal closed

    function show(kind: string, subject: string) {
        page.kind = kind;
        page.subject = subject;
        history.load(kind, subject);
    }

    ReadingHistory {
        id: history

        objectName: "history"
        session: page.session
    }

    header: ToolBar {
        Material.background: Theme.overlayBar
        Material.foreground: Theme.overlayBarText

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            spacing: 12

            ToolButton {
                objectName: "historyBack"
                Layout.preferredHeight: Theme.touchTarget
                text: "‹ " + qsTr("Back")
                font.pixelSize: Theme.fontBody
                onClicked: page.closed()
            }

            Label {
                objectName: "historyTitle"
                Layout.fillWidth: true
                text: history.title.length > 0 ? history.title : qsTr("History")
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                elide: Text.ElideRight
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            objectName: "historyCounts"
            Layout.fillWidth: true
            Layout.margins: 16
            text: history.message.length > 0 ? history.message : qsTr("%n reading(s) behind it", "", history.readingCount) + " · " + qsTr("%n change(s) after entry", "", history.changeCount)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
        }

        ListView {
            id: list

            objectName: "historyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: history.rows
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property string type
                required property string meter
                required property string time
                required property var value
                required property var version
                required property var at
                required property var who
                required property var device
                required property var why
                required property var field
                required property var oldValue
                required property var newValue

                width: ListView.view.width
                implicitHeight: Math.max(type === "reading" ? 64 : 52, implicitContentHeight + topPadding + bottomPadding)
                leftPadding: type === "reading" ? 16 : 48
                rightPadding: 16

                contentItem: Label {
                    objectName: "historyRow"
                    wrapMode: Text.Wrap
                    font.pixelSize: row.type === "reading" ? 18 : 16
                    font.weight: row.type === "reading" ? Font.Medium : Font.Normal
                    color: row.type === "warning" ? page.warningColor : (row.type === "change" ? Material.foreground : Material.foreground)
                    text: {
                        const when = row.time.replace("T", " ").slice(0, 16);
                        if (row.type === "reading")
                            return qsTr("Meter %1 at %2: %3 (version %4)").arg(row.meter).arg(when).arg(String(row.value)).arg(row.version);
                        const why = row.why && row.why.length > 0 ? row.why : qsTr("no reason given");
                        if (row.type === "warning")
                            return "⚠ " + row.newValue + " — " + qsTr("reason: %1").arg(why);
                        const by = qsTr("%1 on %2, %3").arg(row.who).arg(row.device).arg(String(row.at).replace("T", " ").slice(0, 19));
                        if (row.field === "deleted")
                            return "✎ " + qsTr("deleted by %1 — why: %2").arg(by).arg(why);
                        return "✎ " + qsTr("%1: %2 → %3, by %4 — why: %5").arg(row.field).arg(row.oldValue).arg(row.newValue).arg(by).arg(why);
                    }
                }

                Divider {
                }
            }

            EmptyListLabel {
                visible: list.count === 0
                text: history.message.length > 0 ? history.message : qsTr("Nothing to show")
            }
        }
    }
}
