import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Models

// A step's assessment at the top of its page: its state, what is complete and what blocks the
// next step, in plain words, and the way on.
Pane {
    id: card

    required property ProjectSession session
    // The step's key in ProjectSession.steps.
    required property string stepKey
    // Shown on the "next" button; empty hides it.
    property string nextTitle: ""
    readonly property var step: {
        // Re-read whenever the steps change (stepStates changes with them).
        const states = session.stepStates;
        for (let i = 0; i < session.steps.count; ++i) {
            const s = session.steps.get(i);
            if (s.key === stepKey)
                return s;
        }
        return {
            "key": stepKey,
            "state": "",
            "summary": "",
            "blocker": ""
        };
    }
    readonly property color stateColor: step.state === "done" ? Theme.ok : step.state === "attention" ? Theme.attention : step.state === "blocked" ? Theme.error : Material.foreground

    signal next

    padding: 16
    Material.elevation: 0
    Material.background: Theme.panel

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6

            Label {
                objectName: "stepState"
                Layout.fillWidth: true
                text: Labels.stepMark(card.step.state) + "  " + Labels.stepState(card.step.state)
                color: card.stateColor
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
            }

            Label {
                objectName: "stepSummary"
                Layout.fillWidth: true
                text: card.step.summary
                wrapMode: Text.Wrap
                visible: text.length > 0
            }

            Label {
                objectName: "stepBlocker"
                Layout.fillWidth: true
                text: card.step.blocker
                wrapMode: Text.Wrap
                visible: text.length > 0
                color: card.step.state === "done" ? Material.foreground : card.stateColor
            }
        }

        ActionButton {
            objectName: "nextButton"
            visible: card.nextTitle.length > 0
            Layout.alignment: Qt.AlignTop
            Layout.preferredHeight: Theme.touchTarget
            text: qsTr("Next: %1").arg(card.nextTitle)
            highlighted: card.step.state === "done"
            onClicked: card.next()
        }
    }
}
