import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Shuiheng.Ui

// A numeric keypad for gloved hands: keys of at least 64 px (72 by default), digits, the decimal
// point, backspace and clear. It edits `value`; a hardware keyboard reaches it through press().
GridLayout {
    id: keypad

    // The typed text: digits and at most one decimal point.
    property string value: ""
    property int keySize: 72

    // Applies one key: "0"–"9", ".", "back" or "clear".
    function press(key: string) {
        if (key === "back")
            value = value.slice(0, -1);
        else if (key === "clear")
            value = "";
        else if (key === ".") {
            if (value.indexOf(".") < 0)
                value = (value.length === 0 ? "0" : value) + ".";
        } else if (value.length < 15)
            value = value === "0" ? key : value + key;
    }

    columns: 3
    rowSpacing: 8
    columnSpacing: 8

    Repeater {
        model: ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "back"]

        Button {
            required property string modelData

            objectName: "key-" + modelData
            Layout.fillWidth: true
            Layout.minimumWidth: 64
            Layout.preferredWidth: keypad.keySize
            Layout.preferredHeight: keypad.keySize
            Layout.minimumHeight: 64
            text: modelData === "back" ? "⌫" : modelData
            font.pixelSize: 30
            font.weight: Font.Medium
            focusPolicy: Qt.NoFocus
            onClicked: keypad.press(modelData)
            // A filled key with a border: visible in sunlight and with the software renderer.
            background: Rectangle {
                radius: 8
                color: parent.down ? Theme.pressed : Theme.keyFill
                border.width: 1
                border.color: Theme.keyBorder
            }
            Accessible.name: modelData === "back" ? qsTr("Delete the last digit") : modelData
        }
    }
}
