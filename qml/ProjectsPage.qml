import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Shuiheng.Models

// Projects: the open one, the recent ones, and the ways to open, create and import. Everything
// entered later is saved into the project file as it is entered.
Page {
    id: page

    required property ProjectSession session
    required property AppSettings settings

    // What the app said when it started, e.g. that a damaged sample was left alone; empty: nothing.
    property string startNotice: ""
    // Whether the open project is the sample (it lives in the sample's folder).
    readonly property bool sampleOpen: session.isOpen && session.path.startsWith(sample.folder + "/")

    // A project was opened or created here.
    signal projectOpened
    // The sample project was opened here: the window shows its balance.
    signal sampleOpened

    function openSample() {
        if (sample.openIn(session) && sample.notice.length === 0)
            sampleOpened();
    }

    function openProject(path: string) {
        if (session.open(path))
            projectOpened();
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            ErrorBanner {
                objectName: "projectError"
                Layout.fillWidth: true
                errors: page.session.errorMessage.length > 0 ? [page.session.errorMessage] : []
                title: qsTr("That did not work")
            }

            ErrorBanner {
                objectName: "sampleNotice"
                Layout.fillWidth: true
                errors: sample.notice.length > 0 ? [sample.notice] : (page.startNotice.length > 0 ? [page.startNotice] : [])
                title: qsTr("The sample project")
            }

            Pane {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 8
                padding: 16
                Material.elevation: 0
                Material.background: Theme.panel

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 6

                    Label {
                        objectName: "currentProject"
                        Layout.fillWidth: true
                        text: page.session.isOpen ? page.session.name : qsTr("No project open")
                        font.pixelSize: 24
                        font.weight: Font.Medium
                        wrapMode: Text.Wrap
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: page.session.isOpen
                        text: page.session.enterprise
                        wrapMode: Text.Wrap
                    }

                    Label {
                        objectName: "currentPath"
                        Layout.fillWidth: true
                        text: page.session.isOpen ? page.session.path : qsTr("Open a project, create one, or pick a recent one below. Everything you enter is saved at once.")
                        wrapMode: Text.WrapAnywhere
                        color: Material.secondaryTextColor
                        font.pixelSize: 15
                    }
                }
            }

            Flow {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                spacing: 12

                ActionButton {
                    objectName: "newProject"
                    height: 56
                    text: qsTr("New project…")
                    highlighted: true
                    onClicked: newDialog.open()
                }

                ActionButton {
                    objectName: "trySample"
                    height: 56
                    text: qsTr("Try the sample project")
                    onClicked: page.openSample()
                }

                ActionButton {
                    objectName: "openProject"
                    height: 56
                    text: qsTr("Open project…")
                    onClicked: openDialog.open()
                }

                ActionButton {
                    objectName: "importPlant"
                    height: 56
                    text: qsTr("Import plant file…")
                    enabled: page.session.isOpen
                    onClicked: plantDialog.open()
                }

                ActionButton {
                    objectName: "importBundle"
                    height: 56
                    text: qsTr("Import bundle…")
                    onClicked: bundleDialog.open()
                }

                ActionButton {
                    objectName: "exportPlant"
                    height: 56
                    text: qsTr("Export plant file…")
                    enabled: page.session.isOpen
                    onClicked: exportDialog.open()
                }
            }

            Label {
                objectName: "sampleExplanation"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                text: qsTr("%1 %2", "what the sample is, then how to start one's own").arg(page.sampleOpen ? qsTr("This is the sample project: a made-up salt-lake potash works with three days of readings, so that every step shows real figures, from the plant to the report and the benchmark (against an illustrative quota, not a published one).") : qsTr("The sample project is a made-up salt-lake potash works with three days of readings: every step shows real figures, from the plant to the report and the benchmark (against an illustrative quota, not a published one).")).arg(qsTr("Try things in it freely: it is kept in your data folder as you leave it. To test your own site, start a project of your own with New project…"))
                wrapMode: Text.Wrap
                color: Material.secondaryTextColor
                font.pixelSize: 15
            }

            Label {
                Layout.leftMargin: 16
                Layout.topMargin: 8
                text: qsTr("Recent projects")
                font.pixelSize: 20
                font.weight: Font.Medium
            }

            Label {
                Layout.leftMargin: 16
                visible: page.settings.recentProjects.length === 0
                text: qsTr("None yet.")
                opacity: 0.6
            }

            Repeater {
                objectName: "recentList"
                model: page.settings.recentProjects

                ItemDelegate {
                    required property string modelData

                    Layout.fillWidth: true
                    implicitHeight: 64
                    leftPadding: 16
                    highlighted: modelData === page.session.path
                    text: modelData
                    onClicked: page.openProject(modelData)
                }
            }
        }
    }

    SampleProject {
        id: sample
    }

    FileDialog {
        id: openDialog

        title: qsTr("Open a project")
        nameFilters: [qsTr("Shuiheng projects (*.shuiheng)"), qsTr("All files (*)")]
        onAccepted: page.openProject(selectedFile)
    }

    FileDialog {
        id: plantDialog

        title: qsTr("Import a plant file into this project")
        nameFilters: [qsTr("Plant files (*.json)"), qsTr("All files (*)")]
        onAccepted: page.session.importPlant(selectedFile)
    }

    FileDialog {
        id: exportDialog

        objectName: "exportDialog"
        title: qsTr("Export the plant, its meters and readings as a plant file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Plant files (*.json)")]
        onAccepted: page.session.exportPlant(selectedFile)
    }

    FileDialog {
        id: bundleDialog

        title: qsTr("Import a bundle")
        nameFilters: [qsTr("Shuiheng projects (*.shuiheng)"), qsTr("All files (*)")]
        onAccepted: bundleTarget.open()
    }

    FileDialog {
        id: bundleTarget

        title: qsTr("Save the imported project as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "shuiheng"
        onAccepted: {
            if (page.session.importBundle(bundleDialog.selectedFile, selectedFile))
                page.projectOpened();
        }
    }

    NewProjectDialog {
        id: newDialog

        objectName: "newProjectDialog"
        anchors.centerIn: Overlay.overlay
        onCreate: (path, name, enterprise, plantFile) => {
            if (page.session.create(path, name, enterprise, plantFile))
                page.projectOpened();
        }
    }
}
