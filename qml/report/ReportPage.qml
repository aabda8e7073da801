import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtQuick.Pdf
import Shuiheng.Models
import Shuiheng.Ui

// The report (水平衡测试报告书) of a project: make it, preview it page by page, export the PDF, the
// spreadsheet of its tables or the Sankey diagram. The Report step hosts it.
// Interface:
//   projectPath: string  the project (.shuiheng) or plant file to report on (path or file: URL)
//   language: string     "zh" (default) or "en"
//   controller           the ReportController (busy, pdfUrl, pageCount, error, lastExport)
//   generate()           makes the report (also done when projectPath is set and autoGenerate is on)
//   autoGenerate: bool   make the report as soon as the page has a project (default true)
Page {
    id: page

    property alias projectPath: reportController.projectPath
    property alias language: reportController.language
    property bool autoGenerate: true
    readonly property ReportController controller: reportController

    function generate() {
        reportController.generate();
    }

    onProjectPathChanged: if (autoGenerate && projectPath !== "")
        reportController.generate()
    Component.onCompleted: if (autoGenerate && projectPath !== "")
        reportController.generate()

    ReportController {
        id: reportController
    }

    PdfDocument {
        id: pdf

        source: reportController.pdfUrl
    }

    FileDialog {
        id: saveDialog

        property string kind: "pdf"

        fileMode: FileDialog.SaveFile
        nameFilters: kind === "pdf" ? [qsTr("PDF (*.pdf)")] : kind === "xlsx" ? [qsTr("Spreadsheet (*.xlsx)")] : [qsTr("SVG (*.svg)")]
        onAccepted: {
            if (kind === "pdf")
                reportController.exportPdf(selectedFile);
            else if (kind === "xlsx")
                reportController.exportXlsx(selectedFile);
            else
                reportController.exportSankey(selectedFile);
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 8

            Button {
                objectName: "generateButton"
                text: reportController.pageCount > 0 ? qsTr("Make again") : qsTr("Make report")
                enabled: !reportController.busy && page.projectPath !== ""
                onClicked: reportController.generate()
            }

            ComboBox {
                objectName: "languageBox"
                model: [qsTr("中文"), qsTr("English")]
                currentIndex: reportController.language === "en" ? 1 : 0
                onActivated: index => {
                    reportController.language = index === 1 ? "en" : "zh";
                    reportController.generate();
                }
            }

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportPdfButton"
                text: qsTr("PDF…")
                enabled: reportController.pageCount > 0 && !reportController.busy
                onClicked: {
                    saveDialog.kind = "pdf";
                    saveDialog.open();
                }
            }

            Button {
                objectName: "exportXlsxButton"
                text: qsTr("Spreadsheet…")
                enabled: reportController.pageCount > 0 && !reportController.busy
                onClicked: {
                    saveDialog.kind = "xlsx";
                    saveDialog.open();
                }
            }

            Button {
                objectName: "exportSankeyButton"
                text: qsTr("Sankey…")
                enabled: reportController.pageCount > 0 && !reportController.busy
                onClicked: {
                    saveDialog.kind = "svg";
                    saveDialog.open();
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            objectName: "reportError"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: reportController.error !== ""
            text: reportController.error
            color: Theme.reportError
            wrapMode: Text.Wrap
        }

        Label {
            objectName: "reportStatus"
            Layout.fillWidth: true
            Layout.margins: 8
            text: reportController.busy ? qsTr("Making the report…") : reportController.lastExport !== "" ? qsTr("Saved %1").arg(reportController.lastExport) : reportController.pageCount > 0 ? qsTr("%n page(s)", "", reportController.pageCount) : qsTr("No report yet.")
            wrapMode: Text.Wrap
        }

        PdfMultiPageView {
            objectName: "reportPreview"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: reportController.pageCount > 0
            document: pdf
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: reportController.busy
            visible: running
        }
    }
}
