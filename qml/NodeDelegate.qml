import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One node of NodeListModel: id and name, then kind, group and category or origin.
ItemDelegate {
    id: row

    // The row's roles (NodeListModel::Roles).
    required property var model

    // "Unit · in G1 · Cooling"
    readonly property string details: {
        const parts = [Labels.nodeKind(model.kind)];
        if (model.parentId.length > 0)
            parts.push(qsTr("in %1").arg(model.parentId));
        if (model.category.length > 0)
            parts.push(Labels.unitCategory(model.category));
        if (model.origin.length > 0)
            parts.push(Labels.sourceOrigin(model.origin));
        return parts.join(" · ");
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(72, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 16
    rightPadding: 16

    contentItem: RowLayout {
        spacing: Theme.spacing

        Label {
            objectName: "nodeId"
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
                objectName: "nodeName"
                Layout.fillWidth: true
                text: row.model.name
                font.pixelSize: 16
                elide: Text.ElideRight
            }

            Label {
                objectName: "nodeDetails"
                Layout.fillWidth: true
                text: row.details
                font.pixelSize: 14
                color: Material.secondaryTextColor
                elide: Text.ElideRight
            }
        }
    }

    Divider {
    }
}
