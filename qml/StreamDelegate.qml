import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One stream of StreamListModel: id; where the water goes, by name; type and node ids;
// the measured flow ± its uncertainty.
ItemDelegate {
    id: row

    // The row's roles (StreamListModel::Roles).
    required property var model
    // The plant's flow unit, shown after the value.
    property string flowUnit

    // A node by name, or by id when the name is unknown.
    function nodeLabel(name: string, id: string): string {
        return name.length > 0 ? name : id;
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(72, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 16
    rightPadding: 16

    contentItem: RowLayout {
        spacing: Theme.spacing

        Label {
            objectName: "streamId"
            Layout.preferredWidth: 72
            text: row.model.id
            font.pixelSize: 16
            font.weight: Font.Medium
            elide: Text.ElideRight
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                objectName: "streamNames"
                Layout.fillWidth: true
                text: qsTr("%1 → %2").arg(row.nodeLabel(row.model.fromName, row.model.from)).arg(row.nodeLabel(row.model.toName, row.model.to))
                font.pixelSize: 16
                elide: Text.ElideRight
            }

            Label {
                objectName: "streamDetails"
                Layout.fillWidth: true
                text: qsTr("%1 · %2 → %3").arg(row.model.type.length > 0 ? Labels.streamType(row.model.type) : qsTr("Type unknown")).arg(row.model.from).arg(row.model.to)
                font.pixelSize: 14
                color: Material.secondaryTextColor
                elide: Text.ElideRight
            }
        }

        Label {
            objectName: "streamFlow"
            Layout.alignment: Qt.AlignVCenter | Qt.AlignRight
            text: Labels.flow(row.model.value, row.model.sigma, row.flowUnit)
            font.pixelSize: 16
            font.italic: !row.model.measured
            color: row.model.measured ? Material.foreground : Material.secondaryTextColor
            horizontalAlignment: Text.AlignRight
        }
    }

    Divider {
    }
}
