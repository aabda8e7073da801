pragma Singleton
import QtQuick
import QtQuick.Controls.Material

// The app's one theme: every colour by its role, and the type, spacing and touch sizes, each worked
// out once for the current theme. Light and dark follow Material; sunlight is high contrast for
// outdoor tablets (black on white, thicker strokes, bold diagram text). Main.qml binds `name` to
// AppSettings.theme. No other QML file writes a colour literal (the qml_colour_check test).
QtObject {
    // "light", "dark" or "sunlight".
    property string name: "light"
    readonly property bool dark: name === "dark"
    readonly property bool sunlight: name === "sunlight"

    // --- The window's Material settings ---------------------------------------------------------
    readonly property int materialTheme: dark ? Material.Dark : Material.Light
    // A Material colour (enum) or a colour, as Material.primary and Material.accent take them.
    readonly property var primary: sunlight ? "#000000" : Material.Indigo
    readonly property var accent: sunlight ? "#0033CC" : (dark ? Material.color(Material.Teal, Material.Shade200) : Material.Teal)
    readonly property color background: sunlight ? "#FFFFFF" : (dark ? "#202124" : "#FAFAFA")
    readonly property color foreground: sunlight ? "#000000" : (dark ? "#FFFFFF" : "#212121")

    // --- Surfaces (sunlight uses the light values, on its white background) ---------------------
    // A step's status card and the projects page's panels.
    readonly property color panel: dark ? "#2B2C30" : "#F0F1F4"
    // The side rail and the bottom bar.
    readonly property color navigation: dark ? "#2B2C30" : "#ECEDF1"
    // The tool bars of the pages shown over the others (reading entry, history), and their text.
    readonly property color overlayBar: dark ? "#2B2C30" : "#ECEEF3"
    readonly property color overlayBarText: dark ? "#FFFFFF" : "#202124"
    // The reading entry's meter card, and its typed value's field.
    readonly property color card: dark ? "#2B2C30" : "#FFFFFF"
    readonly property color cardBorder: dark ? "#55575D" : "#C8CBD2"
    readonly property color field: dark ? "#202124" : "#F1F3F6"

    // --- Buttons and keys (ActionButton, NumericKeypad) ------------------------------------------
    readonly property color buttonFill: dark ? "#44464C" : "#E1E3E8"
    readonly property color buttonDisabled: dark ? "#3C3D42" : "#DADCE0"
    // A pressed button or key.
    readonly property color pressed: dark ? "#55575D" : "#C8CBD2"
    readonly property color buttonText: dark ? "#FFFFFF" : "#202124"
    // On the accent: dark text on the dark theme's light accent, white on the light themes' strong ones.
    readonly property color buttonTextOnAccent: dark ? "#202124" : "#FFFFFF"
    readonly property color keyFill: dark ? "#3C3D42" : "#E8EAEF"
    readonly property color keyBorder: dark ? "#6B6D73" : "#A9ADB6"

    // --- States (always with a mark or words, never colour alone) --------------------------------
    readonly property color ok: Material.color(Material.Green, dark ? Material.Shade300 : Material.Shade800)
    readonly property color attention: Material.color(Material.Orange, dark ? Material.Shade300 : Material.Shade900)
    // A suspect reading, a warning in a history, a blocked step.
    readonly property color error: Material.color(Material.Red, dark ? Material.Shade300 : Material.Shade800)
    // Indicators and benchmark: a quota met (pass) or not (fail), and the gauge's empty track.
    readonly property color pass: dark ? "#81C995" : "#2E7D32"
    readonly property color fail: dark ? "#FF8A80" : "#C62828"
    readonly property color gaugeTrack: dark ? "#3C4043" : "#E0E0E0"
    // The report page's error line.
    readonly property color reportError: "#B91C1C"

    // --- The plant editor (the same in every theme) ----------------------------------------------
    readonly property color editorBar: "#37474F"
    readonly property color editorBarText: "#FFFFFF"
    readonly property color editorBarProblems: "#FFCDD2"
    readonly property color editorError: "#C62828"
    readonly property color editorWarning: "#EF6C00"
    readonly property color swatchBorder: "#455A64"

    // --- The camera's viewfinder -----------------------------------------------------------------
    readonly property color cameraBackground: "#000000"
    readonly property color cameraText: "#FFFFFF"

    // --- The water-balance diagram (editor canvas and live balance) ------------------------------
    // Sunlight: black lines and text on white; dark keeps the kinds' hues on dark fills. An alarm
    // (suspect meter, leak) is never colour alone: the items add a mark (⚠) and words.
    readonly property color diagramBackground: sunlight ? "#FFFFFF" : dark ? "#202124" : "#FAFAFA"
    readonly property color diagramText: sunlight ? "#000000" : dark ? "#E8EAED" : "#212121"
    readonly property color diagramSecondaryText: sunlight ? "#000000" : dark ? "#A8AEB4" : "#607D8B"
    readonly property color diagramBorder: sunlight ? "#000000" : dark ? "#A8AEB4" : "#455A64"
    readonly property color frameBorder: sunlight ? "#000000" : dark ? "#6F7680" : "#8A94A3"
    readonly property color frameText: sunlight ? "#000000" : dark ? "#C8CDD2" : "#37474F"
    // A stream's flow label.
    readonly property color chipFill: sunlight ? "#FFFFFF" : dark ? "#303134" : "#FFFFFF"
    readonly property color alarm: sunlight ? "#C00000" : dark ? "#FF8A80" : "#C62828"
    readonly property color alarmFill: sunlight ? "#FFFFFF" : dark ? "#5C1F1F" : "#FFEBEE"
    readonly property color diagramWarning: sunlight ? "#8A4B00" : dark ? "#FFB74D" : "#EF6C00"
    readonly property color diagramGood: sunlight ? "#005A00" : dark ? "#81C995" : "#2E7D32"
    // The text of the ⚠ badge on the alarm colour.
    readonly property color badgeText: dark ? "#000000" : "#FFFFFF"
    // The balance's to-do list: its panel and its hints.
    readonly property color todoPanel: sunlight ? "#FFFFFF" : dark ? "#2B2C30" : "#F0F1F4"
    // Strokes are this much thicker in sunlight, and the diagram's labels bold.
    readonly property real strokeScale: sunlight ? 1.5 : 1
    readonly property bool diagramBold: sunlight
    // The verdict banner's border width.
    readonly property int bannerBorder: sunlight ? 2 : 0
    readonly property var frameFills: sunlight ? ["#FFFFFF", "#FFFFFF"] : dark ? ["#26282C", "#2C2F34"] : ["#F5F7FA", "#ECEFF3"]
    // Node fills by kind, or by category for units ("unit": the other units).
    readonly property var nodeFills: sunlight ? {
        "unit": "#FFFFFF"
    } : dark ? {
        "source": "#12304F",
        "discharge": "#30363B",
        "consumption": "#3D3418",
        "loss": "#4A1E1E",
        "cooling": "#103C42",
        "boiler": "#47281F",
        "treatment": "#1E3D24",
        "domestic": "#37223F",
        "unit": "#2E3034"
    } : {
        "source": "#E3F2FD",
        "discharge": "#ECEFF1",
        "consumption": "#FFF8E1",
        "loss": "#FFEBEE",
        "cooling": "#E0F7FA",
        "boiler": "#FBE9E7",
        "treatment": "#E8F5E9",
        "domestic": "#F3E5F5",
        "unit": "#FFFFFF"
    }
    // Stream lines by kind; "other": cascade, discharge, consumption.
    readonly property var streamColors: sunlight ? {
        "leakage": "#C00000",
        "recycle": "#00535A",
        "intake": "#0033CC",
        "other": "#000000"
    } : dark ? {
        "recycle": "#4DD0E1",
        "intake": "#8AB4F8",
        "leakage": "#FF8A80",
        "other": "#B0BEC5"
    } : {
        "recycle": "#00838F",
        "intake": "#1565C0",
        "leakage": "#B71C1C",
        "other": "#37474F"
    }
    // The editor palette's small swatches of the node kinds (the same in every theme).
    readonly property var swatches: ({
            "source": "#BBDEFB",
            "group": "#ECEFF3",
            "unit": "#FFFFFF",
            "other": "#CFD8DC"
        })

    // --- Type, spacing and touch sizes -------------------------------------------------------------
    // The window's text size; the steps' state line uses it too.
    readonly property int fontBody: 18
    // Touch targets: a main action (56) and the smallest control (48).
    readonly property int touchTarget: 56
    readonly property int touchTargetSmall: 48
    // The gap between the parts of a row or a card.
    readonly property int spacing: 16

    function frameFill(level: int): color {
        return frameFills[level % 2 === 0 ? 0 : 1];
    }

    function nodeFill(kind: string, category: string): color {
        const key = kind === "unit" ? (nodeFills[category] !== undefined ? category : "unit") : kind;
        return nodeFills[key] !== undefined ? nodeFills[key] : nodeFills.unit;
    }

    function streamColor(kind: string): color {
        return streamColors[kind] !== undefined ? streamColors[kind] : streamColors.other;
    }

    function swatch(kind: string): color {
        return swatches[kind] !== undefined ? swatches[kind] : swatches.other;
    }

    // A banner's fill in the tone of its message: a light tint, white in sunlight.
    function tint(tone: color): color {
        return sunlight ? "#FFFFFF" : Qt.rgba(tone.r, tone.g, tone.b, dark ? 0.18 : 0.1);
    }
}
