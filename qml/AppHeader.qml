import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// The tool bar: the project and the page, and a menu for the theme, the language and the project.
ToolBar {
    id: header

    required property ProjectSession session
    required property AppSettings settings
    required property string pageTitle

    implicitHeight: 64
    // Flat: elevation needs shaders the software renderer lacks.
    Material.elevation: 0
    Material.foreground: "white"

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 4
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            Label {
                objectName: "projectName"
                Layout.fillWidth: true
                text: header.session.isOpen ? header.session.name : qsTr("No project open")
                elide: Text.ElideRight
                font.pixelSize: 20
                font.weight: Font.Medium
            }

            Label {
                objectName: "pageTitle"
                Layout.fillWidth: true
                text: header.session.isOpen && header.session.enterprise.length > 0 ? qsTr("%1 · %2").arg(header.pageTitle).arg(header.session.enterprise) : header.pageTitle
                elide: Text.ElideRight
                font.pixelSize: 15
                opacity: 0.85
            }
        }

        BusyIndicator {
            objectName: "analysing"
            visible: header.session.analysing
            running: visible
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            Material.accent: "white"
        }

        ToolButton {
            objectName: "menuButton"
            Layout.preferredWidth: 56
            Layout.preferredHeight: Theme.touchTarget
            text: "⋮"
            font.pixelSize: 28
            Accessible.name: qsTr("Menu")
            onClicked: menu.open()

            Menu {
                id: menu

                y: parent.height
                width: 300

                MenuItem {
                    text: qsTr("Light theme")
                    checkable: true
                    checked: header.settings.theme === "light"
                    onTriggered: header.settings.theme = "light"
                }

                MenuItem {
                    text: qsTr("Dark theme")
                    checkable: true
                    checked: header.settings.theme === "dark"
                    onTriggered: header.settings.theme = "dark"
                }

                MenuItem {
                    text: qsTr("Sunlight (high contrast)")
                    checkable: true
                    checked: header.settings.theme === "sunlight"
                    onTriggered: header.settings.theme = "sunlight"
                }

                MenuSeparator {
                }

                MenuItem {
                    // Each language is named in itself, so that anyone can find theirs.
                    text: "中文"
                    checkable: true
                    checked: header.settings.language === "zh_CN"
                    onTriggered: header.settings.language = "zh_CN"
                }

                MenuItem {
                    text: "English"
                    checkable: true
                    checked: header.settings.language === "en"
                    onTriggered: header.settings.language = "en"
                }

                MenuSeparator {
                }

                MenuItem {
                    text: qsTr("Read the project again")
                    enabled: header.session.isOpen
                    onTriggered: header.session.reload()
                }

                MenuItem {
                    text: qsTr("Close the project")
                    enabled: header.session.isOpen
                    onTriggered: header.session.close()
                }
            }
        }
    }
}
