import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// The app's window: the projects page and the guided test's seven steps. Landscape windows get a
// side rail, portrait ones a bottom bar. The theme, the page and the open project are remembered.
ApplicationWindow {
    id: window

    // The open project; the app creates it before the window.
    required property ProjectSession session
    // What the app remembers between runs.
    required property AppSettings settings

    readonly property bool portrait: height > width
    // The pages in navigation order; index = settings.currentStep.
    readonly property var pageKeys: ["projects", "plant", "meters", "window", "readings", "balance", "indicators", "report"]
    readonly property string currentKey: pageKeys[settings.currentStep]
    // What the app said at start for the user to read (a damaged sample left alone); shown on the
    // projects page. Empty: nothing.
    property string startNotice: ""
    // The round the reading entry shows (openReadingEntry).
    property string overlayRound: ""

    // Opens the reading entry over the pages for the round at `round` (ISO time; empty: the round due now).
    function openReadingEntry(round: string) {
        overlayRound = round;
        overlay.sourceComponent = entryPage;
    }

    // Opens the history of a stream, an indicator ("key" or "key@scope") or a meter over the pages;
    // pages ask for it through session.openHistory(kind, id) (docs/app.md, "History").
    function openHistory(kind: string, id: string) {
        historyOverlay.sourceComponent = historyPage;
        historyOverlay.item.show(kind, id);
    }

    // Back to the page under the reading entry and the history.
    function closeOverlay() {
        historyOverlay.sourceComponent = null;
        overlay.sourceComponent = null;
    }

    function goTo(key: string) {
        const index = pageKeys.indexOf(key);
        if (index >= 0)
            settings.currentStep = index;
    }

    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    title: session.isOpen ? qsTr("%1 — Shuiheng").arg(session.name) : qsTr("Shuiheng")
    font.pixelSize: Theme.fontBody
    Material.theme: Theme.materialTheme
    Material.primary: Theme.primary
    Material.accent: Theme.accent
    Material.background: Theme.background
    Material.foreground: Theme.foreground

    // The one theme follows the settings (docs/app.md, "Theme").
    Binding {
        target: Theme
        property: "name"
        value: window.settings.theme
    }

    Connections {
        function onOpenChanged() {
            window.settings.lastProject = window.session.path;
            if (window.session.isOpen)
                window.settings.noteRecent(window.session.path);
        }

        target: window.session
    }

    Connections {
        function onHistoryRequested(kind, id) {
            window.openHistory(kind, id);
        }

        target: window.session
    }

    header: AppHeader {
        session: window.session
        settings: window.settings
        pageTitle: Labels.stepTitle(window.currentKey)
    }

    GridLayout {
        anchors.fill: parent
        rowSpacing: 0
        columnSpacing: 0
        flow: window.portrait ? GridLayout.TopToBottom : GridLayout.LeftToRight

        NavigationBar {
            id: rail

            objectName: "navigation"
            Layout.fillHeight: !window.portrait
            Layout.fillWidth: window.portrait
            Layout.preferredWidth: window.portrait ? -1 : 232
            // The bottom bar goes after the pages; the rail before them.
            Layout.row: window.portrait ? 1 : 0
            Layout.column: 0
            vertical: !window.portrait
            keys: window.pageKeys
            currentIndex: window.settings.currentStep
            states: window.session.stepStates
            projectOpen: window.session.isOpen
            onSelected: index => {
                window.closeOverlay();
                window.settings.currentStep = index;
            }
        }

        StackLayout {
            id: pages

            objectName: "pages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.row: 0
            Layout.column: window.portrait ? 0 : 1
            currentIndex: window.session.isOpen ? window.settings.currentStep : 0

            Repeater {
                model: window.pageKeys

                // Pages are made when first shown, so that starting the app builds one page only.
                Loader {
                    required property int index
                    required property string modelData

                    objectName: "page-" + modelData
                    active: StackLayout.isCurrentItem
                    sourceComponent: {
                        switch (modelData) {
                        case "projects":
                            return projectsPage;
                        case "plant":
                            return plantPage;
                        case "meters":
                            return metersPage;
                        case "window":
                            return windowPage;
                        case "readings":
                            return readingsPage;
                        case "balance":
                            return balancePage;
                        case "indicators":
                            return indicatorsPage;
                        }
                        return reportPage;
                    }
                }
            }
        }
    }

    // The reading entry and the history, shown over the pages (same place and size).
    Loader {
        id: overlay

        objectName: "overlay"
        x: pages.x
        y: pages.y
        width: pages.width
        height: pages.height
        z: 1
        visible: item !== null
        onLoaded: item.forceActiveFocus()
    }

    // The history goes over the reading entry: its Back returns there.
    Loader {
        id: historyOverlay

        objectName: "historyOverlay"
        anchors.fill: overlay
        z: 2
        visible: item !== null
    }

    Component {
        id: entryPage

        ReadingEntryPage {
            session: window.session
            round: window.overlayRound
            onClosed: window.closeOverlay()
        }
    }

    Component {
        id: historyPage

        HistoryPage {
            session: window.session
            onClosed: {
                historyOverlay.sourceComponent = null;
                if (overlay.item)
                    overlay.item.forceActiveFocus();
            }
        }
    }

    Component {
        id: projectsPage

        ProjectsPage {
            session: window.session
            settings: window.settings
            startNotice: window.startNotice
            onProjectOpened: window.goTo("plant")
            onSampleOpened: window.goTo("balance")
        }
    }

    Component {
        id: plantPage

        PlantStepPage {
            session: window.session
            onNext: window.goTo("meters")
        }
    }

    Component {
        id: metersPage

        MetersPage {
            session: window.session
            settings: window.settings
            onNext: window.goTo("window")
        }
    }

    Component {
        id: windowPage

        TestWindowPage {
            session: window.session
            onNext: window.goTo("readings")
        }
    }

    Component {
        id: readingsPage

        ReadingRoundsPage {
            session: window.session
            onNext: window.goTo("balance")
            onEnterReadings: round => window.openReadingEntry(round)
        }
    }

    Component {
        id: balancePage

        BalancePage {
            session: window.session
            settings: window.settings
            onNext: window.goTo("indicators")
        }
    }

    Component {
        id: indicatorsPage

        IndicatorsPage {
            session: window.session
            onNext: window.goTo("report")
        }
    }

    Component {
        id: reportPage

        ReportStepPage {
            session: window.session
            settings: window.settings
        }
    }
}
