import QtQuick
import QtTest
import Shuiheng.Ui

// The report page on the sample: it makes the report by itself once it has a project, previews its
// pages, exports the PDF and the spreadsheet, and says what is wrong with a file that is no plant.
Item {
    id: root

    width: 800
    height: 1000

    ReportPage {
        id: page

        anchors.fill: parent
        projectPath: sampleCampaign
    }

    TestCase {
        name: "ReportPage"
        when: windowShown

        function test_1_makesAndPreviews() {
            tryVerify(() => page.controller.pageCount > 0, 60000, "the report is made");
            verify(page.controller.pdfUrl.toString().endsWith(".pdf"));
            compare(page.controller.error, "");
            verify(findChild(page, "reportPreview").visible);
        }

        function test_2_exports() {
            verify(page.controller.exportPdf(testTempDir + "/report.pdf"));
            compare(page.controller.lastExport, testTempDir + "/report.pdf");
            verify(page.controller.exportXlsx(testTempDir + "/tables.xlsx"));
            verify(page.controller.exportSankey(testTempDir + "/sankey.svg"));
            compare(page.controller.error, "");
        }

        function test_3_badFileSaysWhy() {
            page.projectPath = testTempDir + "/report.pdf";
            tryVerify(() => !page.controller.busy && page.controller.error !== "", 30000);
            verify(page.controller.error.indexOf("report.pdf") >= 0, page.controller.error);
        }
    }
}
