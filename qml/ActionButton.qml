import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A main action: a filled button at least 56 px high. Drawn flat (a rectangle, no shadow layer), so
// that it looks the same with the software renderer of screenshots and tablets without a GPU.
Button {
    id: button

    implicitHeight: Theme.touchTarget
    leftPadding: 20
    rightPadding: 20
    Material.foreground: highlighted ? Theme.buttonTextOnAccent : Theme.buttonText

    background: Rectangle {
        implicitWidth: 64
        implicitHeight: 48
        // Centred in the 56 px touch area, like Material's own buttons.
        y: (parent.height - height) / 2
        height: 48
        radius: 4
        color: !button.enabled ? Theme.buttonDisabled : button.highlighted ? (button.down ? Qt.darker(button.Material.accentColor, 1.2) : button.Material.accentColor) : (button.down ? Theme.pressed : Theme.buttonFill)
        border.width: button.visualFocus ? 2 : 0
        border.color: button.Material.accentColor
    }
}
