import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A main action: a filled button at least 56 px high. Drawn flat (a rectangle, no shadow layer), so
// that it looks the same with the software renderer of screenshots and tablets without a GPU.
Button {
    id: button

    implicitHeight: 56
    leftPadding: 20
    rightPadding: 20
    // Dark text on the dark theme's light accent; white on the light themes' strong accents.
    Material.foreground: Material.theme === Material.Dark ? (highlighted ? "#202124" : "white") : (highlighted ? "white" : "#202124")

    background: Rectangle {
        implicitWidth: 64
        implicitHeight: 48
        // Centred in the 56 px touch area, like Material's own buttons.
        y: (parent.height - height) / 2
        height: 48
        radius: 4
        color: !button.enabled ? (button.Material.theme === Material.Dark ? "#3C3D42" : "#DADCE0") : button.highlighted ? (button.down ? Qt.darker(button.Material.accentColor, 1.2) : button.Material.accentColor) : (button.down ? (button.Material.theme === Material.Dark ? "#55575D" : "#C8CBD2") : (button.Material.theme === Material.Dark ? "#44464C" : "#E1E3E8"))
        border.width: button.visualFocus ? 2 : 0
        border.color: button.Material.accentColor
    }
}
