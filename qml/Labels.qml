pragma Singleton
import QtQuick

// Readable, translatable wording for the plant file's vocabulary and for flows.
QtObject {
    function nodeKind(kind: string): string {
        switch (kind) {
        case "source":
            return qsTr("Source");
        case "unit":
            return qsTr("Unit");
        case "group":
            return qsTr("Group");
        case "discharge":
            return qsTr("Discharge");
        case "consumption":
            return qsTr("Consumption");
        case "loss":
            return qsTr("Loss");
        }
        return kind;
    }

    function streamType(type: string): string {
        switch (type) {
        case "intake":
            return qsTr("Intake");
        case "cascade":
            return qsTr("Cascade");
        case "recycle":
            return qsTr("Recycle");
        case "discharge":
            return qsTr("Discharge");
        case "consumption":
            return qsTr("Consumption");
        case "leakage":
            return qsTr("Leakage");
        }
        return type;
    }

    function sourceOrigin(origin: string): string {
        switch (origin) {
        case "municipal":
            return qsTr("Municipal water");
        case "groundwater":
            return qsTr("Groundwater");
        case "surface":
            return qsTr("Surface water");
        case "reclaimed":
            return qsTr("Reclaimed water");
        case "rain":
            return qsTr("Rainwater");
        case "mine":
            return qsTr("Mine water");
        case "brackish":
            return qsTr("Brackish water");
        case "purchased-steam":
            return qsTr("Purchased steam");
        case "other":
            return qsTr("Other source");
        }
        return origin;
    }

    // Unit categories are open-ended: the common ones are worded, others shown as written.
    function unitCategory(category: string): string {
        switch (category) {
        case "cooling":
            return qsTr("Cooling");
        case "boiler":
            return qsTr("Boiler");
        case "process":
            return qsTr("Process");
        case "domestic":
            return qsTr("Domestic");
        case "treatment":
            return qsTr("Treatment");
        }
        return category;
    }

    // A number as the reader's locale writes it, up to six significant digits.
    function number(value: real): string {
        return Number(value).toLocaleString(Qt.locale(), "g", 6);
    }

    // "12.5 ± 0.25 m3/h"; "Unmeasured" when value is undefined.
    function flow(value, sigma, unit: string): string {
        if (value === undefined || value === null)
            return qsTr("Unmeasured");
        const text = sigma === undefined || sigma === null ? number(value) : qsTr("%1 ± %2").arg(number(value)).arg(number(sigma));
        return unit.length > 0 ? qsTr("%1 %2", "value and unit").arg(text).arg(unit) : text;
    }
}
