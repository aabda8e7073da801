import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Shuiheng.Models

// Step 2, the meters: find one by id or by the text of its QR label, see its calibration and the
// stream it measures, add, edit or replace one; print the QR labels to stick on them.
Page {
    id: page

    required property ProjectSession session
    required property AppSettings settings

    signal next

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "meters"
            nextTitle: Labels.stepTitle("window")
            onNext: page.next()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 16
            spacing: 12

            TextField {
                id: search

                objectName: "meterSearch"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Find a meter by id or QR text")
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextEdited: page.session.meters.search = text
                // The search stays with the model: the page shows it again when it comes back.
                Component.onCompleted: text = page.session.meters.search
            }

            ActionButton {
                objectName: "addMeter"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Add meter")
                highlighted: true
                enabled: page.session.isOpen
                onClicked: meterDialog.start("add", "")
            }

            ActionButton {
                objectName: "printLabels"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("QR labels…")
                enabled: page.session.isOpen && page.session.meters.total > 0
                onClicked: labelsDialog.open()
            }
        }

        Label {
            objectName: "meterCounts"
            Layout.leftMargin: 16
            Layout.fillWidth: true
            text: qsTr("%1 of %2 meters shown").arg(page.session.meters.count).arg(page.session.meters.total) + (page.session.meters.expiredCount > 0 ? " · ⚠ " + qsTr("%n with an expired calibration", "", page.session.meters.expiredCount) : "")
            color: Material.secondaryTextColor
            font.pixelSize: 15
            elide: Text.ElideRight
        }

        ListView {
            id: list

            objectName: "meterList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.session.meters
            // The position is remembered when the user stops scrolling, and comes back with the page.
            onMovementEnded: page.settings.setScrollPosition("meters", contentY)
            Component.onCompleted: Qt.callLater(() => {
                    contentY = Math.min(page.settings.scrollPosition("meters"), Math.max(0, contentHeight - height));
                })
            ScrollBar.vertical: ScrollBar {
            }

            delegate: MeterDelegate {
                onEdit: id => meterDialog.start("edit", id)
                onReplace: id => meterDialog.start("replace", id)
            }

            EmptyListLabel {
                visible: list.count === 0
                text: page.session.meters.total === 0 ? qsTr("No meters yet") : qsTr("No meter matches")
            }
        }
    }

    FileDialog {
        id: labelsDialog

        objectName: "labelsDialog"
        title: qsTr("Save the meters' QR labels (A4, 24 a sheet) as PDF")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: page.session.exportMeterLabels(selectedFile, page.settings.language === "en" ? "en" : "zh")
    }

    MeterDialog {
        id: meterDialog

        objectName: "meterDialog"
        anchors.centerIn: Overlay.overlay
        session: page.session
    }
}
