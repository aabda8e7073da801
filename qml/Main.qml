import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Shuiheng.Models

// The app's window: the plant's name in the tool bar, its nodes and streams below.
ApplicationWindow {
    id: window

    // The plant shown; the app opens it before the window is created.
    required property PlantDocument document

    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    title: document.loaded ? qsTr("%1 — Shuiheng").arg(document.name) : qsTr("Shuiheng")
    Material.theme: Material.Light
    Material.primary: Material.Indigo
    Material.accent: Material.Teal

    header: PlantToolBar {
        document: window.document
    }

    PlantPage {
        anchors.fill: parent
        document: window.document
    }
}
