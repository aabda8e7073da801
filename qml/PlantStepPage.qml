import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Shuiheng.Models

// Step 1, the plant: its assessment, then the plant editor (the water-balance diagram, sketched by
// touch) or the plain lists of nodes and streams. The editor writes through its own connection;
// every committed edit makes the session read the project again.
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

        TabBar {
            id: views

            objectName: "plantViews"
            Layout.fillWidth: true

            TabButton {
                text: qsTr("Diagram")
                implicitHeight: Theme.touchTargetSmall
            }

            TabButton {
                text: qsTr("Lists")
                implicitHeight: Theme.touchTargetSmall
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: views.currentIndex

            PlantEditorPage {
                objectName: "plantEditor"
                projectPath: page.session.path
                onSaved: page.session.reload()
            }

            PlantPage {
                document: page.session.plant
            }
        }
    }
}
