import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One meter of MeterListModel: id, the stream it measures, its calibration in words (an expired
// one in red and marked "⚠", so that colour is never the only sign).
ItemDelegate {
    id: row

    // The row's roles (MeterListModel::Roles).
    required property var model
    readonly property bool expired: model.calibrationStatus === "expired"
    readonly property color warningColor: Theme.error

    signal edit(string id)
    signal replace(string id)

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(80, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 16
    rightPadding: 8
    onClicked: edit(model.id)

    contentItem: RowLayout {
        spacing: Theme.spacing

        Label {
            objectName: "meterId"
            Layout.preferredWidth: 88
            text: row.model.id
            font.pixelSize: 20
            font.weight: Font.Medium
            elide: Text.ElideRight
            opacity: row.model.replaced ? 0.6 : 1
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                objectName: "meterStream"
                Layout.fillWidth: true
                text: qsTr("%1: %2").arg(row.model.stream).arg(row.model.streamText.length > 0 ? row.model.streamText : qsTr("unknown stream"))
                elide: Text.ElideRight
            }

            Label {
                objectName: "meterDetails"
                Layout.fillWidth: true
                text: {
                    const parts = [Labels.meterKind(row.model.kind), row.model.unit];
                    if (row.model.qrText.length > 0)
                        parts.push(qsTr("QR %1").arg(row.model.qrText));
                    parts.push(qsTr("%n reading(s)", "", row.model.readingCount));
                    return parts.join(" · ");
                }
                font.pixelSize: 15
                color: Material.secondaryTextColor
                elide: Text.ElideRight
            }

            Label {
                objectName: "meterCalibration"
                Layout.fillWidth: true
                text: (row.expired ? "⚠ " : "") + Labels.calibration(row.model.calibrationStatus) + (row.model.calibrationDue.length > 0 ? " · " + qsTr("due %1").arg(row.model.calibrationDue) : "")
                color: row.expired ? row.warningColor : Material.secondaryTextColor
                font.pixelSize: 15
                font.weight: row.expired ? Font.Bold : Font.Normal
                elide: Text.ElideRight
            }
        }

        Button {
            objectName: "replaceButton"
            visible: !row.model.replaced
            Layout.preferredHeight: Theme.touchTarget
            flat: true
            text: qsTr("Replace")
            onClicked: row.replace(row.model.id)
        }
    }

    Divider {
    }
}
