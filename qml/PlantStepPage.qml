import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Models

// Step 1, the plant: its assessment, then its nodes and streams.
Page {
    id: page

    required property ProjectSession session

    signal next

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StepStatusCard {
            Layout.fillWidth: true
            session: page.session
            stepKey: "plant"
            nextTitle: Labels.stepTitle("meters")
            onNext: page.next()
        }

        PlantPage {
            Layout.fillWidth: true
            Layout.fillHeight: true
            document: page.session.plant
        }
    }
}
