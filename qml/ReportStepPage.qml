import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Models

// Step 7, the report: its assessment, then the report page (made, previewed and exported from the
// open project, in the app's language).
Page {
    id: page

    required property ProjectSession session
    required property AppSettings settings

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "report"
        }

        ReportPage {
            objectName: "reportPage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            projectPath: page.session.path
            language: page.settings.language === "en" ? "en" : "zh"
        }
    }
}
