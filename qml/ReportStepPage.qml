import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Models

// Step 7, the report: hosts the report page when this build has it; says so otherwise.
Page {
    id: page

    required property ProjectSession session

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "report"
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            EmptyListLabel {
                objectName: "reportMissing"
                text: qsTr("Writing the report from the app comes in a later version. The balance and the indicators above are what it will hold.")
            }
        }
    }
}
