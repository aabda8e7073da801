import QtQuick

// The water-balance diagram's colours in the app's three themes, shared by the editor's canvas and
// the live balance. Sunlight is high contrast: black lines and text on white, thicker strokes;
// dark keeps the kinds' hues on dark fills. An alarm (suspect meter, leak) is never colour alone:
// the items add a mark (⚠) and words.
QtObject {
    property bool dark: false
    property bool sunlight: false

    readonly property color background: sunlight ? "#FFFFFF" : dark ? "#202124" : "#FAFAFA"
    readonly property color text: sunlight ? "#000000" : dark ? "#E8EAED" : "#212121"
    readonly property color secondaryText: sunlight ? "#000000" : dark ? "#A8AEB4" : "#607D8B"
    readonly property color border: sunlight ? "#000000" : dark ? "#A8AEB4" : "#455A64"
    readonly property color frameBorder: sunlight ? "#000000" : dark ? "#6F7680" : "#8A94A3"
    readonly property color frameText: sunlight ? "#000000" : dark ? "#C8CDD2" : "#37474F"
    readonly property color chipFill: sunlight ? "#FFFFFF" : dark ? "#303134" : "#FFFFFF"
    readonly property color alarm: sunlight ? "#C00000" : dark ? "#FF8A80" : "#C62828"
    readonly property color alarmFill: sunlight ? "#FFFFFF" : dark ? "#5C1F1F" : "#FFEBEE"
    readonly property color warning: sunlight ? "#8A4B00" : dark ? "#FFB74D" : "#EF6C00"
    readonly property color good: sunlight ? "#005A00" : dark ? "#81C995" : "#2E7D32"
    // Strokes are this much thicker in sunlight.
    readonly property real strokeScale: sunlight ? 1.5 : 1

    function frameFill(level: int): color {
        if (sunlight)
            return "#FFFFFF";
        if (dark)
            return level % 2 === 0 ? "#26282C" : "#2C2F34";
        return level % 2 === 0 ? "#F5F7FA" : "#ECEFF3";
    }

    function nodeFill(kind: string, category: string): color {
        if (sunlight)
            return "#FFFFFF";
        const light = {
            "source": "#E3F2FD",
            "discharge": "#ECEFF1",
            "consumption": "#FFF8E1",
            "loss": "#FFEBEE",
            "cooling": "#E0F7FA",
            "boiler": "#FBE9E7",
            "treatment": "#E8F5E9",
            "domestic": "#F3E5F5",
            "unit": "#FFFFFF"
        };
        const darkFills = {
            "source": "#12304F",
            "discharge": "#30363B",
            "consumption": "#3D3418",
            "loss": "#4A1E1E",
            "cooling": "#103C42",
            "boiler": "#47281F",
            "treatment": "#1E3D24",
            "domestic": "#37223F",
            "unit": "#2E3034"
        };
        const fills = dark ? darkFills : light;
        const key = kind === "unit" ? (fills[category] !== undefined ? category : "unit") : kind;
        return fills[key] !== undefined ? fills[key] : fills.unit;
    }

    function streamColor(kind: string): color {
        if (sunlight)
            return kind === "leakage" ? "#C00000" : kind === "recycle" ? "#00535A" : kind === "intake" ? "#0033CC" : "#000000";
        if (dark)
            return kind === "recycle" ? "#4DD0E1" : kind === "intake" ? "#8AB4F8" : kind === "leakage" ? "#FF8A80" : "#B0BEC5";
        return kind === "recycle" ? "#00838F" : kind === "intake" ? "#1565C0" : kind === "leakage" ? "#B71C1C" : "#37474F";
    }
}
