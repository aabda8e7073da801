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

    // A number as the reader's locale writes it, up to six significant digits (no group separators).
    function number(value: real): string {
        const text = Number(value).toPrecision(6);
        return String(Number(text));
    }

    // "12.50 ± 0.25 m3/h": the uncertainty to two significant digits, the value to the same decimal
    // place; "Unmeasured" when value is undefined.
    function flow(value, sigma, unit: string): string {
        if (value === undefined || value === null)
            return qsTr("Unmeasured");
        let text = number(value);
        if (sigma !== undefined && sigma !== null && sigma > 0) {
            const decimals = Math.max(0, Math.min(8, 1 - Math.floor(Math.log10(sigma))));
            text = qsTr("%1 ± %2").arg(Number(value).toFixed(decimals)).arg(Number(sigma).toFixed(decimals));
        } else if (sigma === 0) {
            text = qsTr("%1 ± %2").arg(text).arg(0);
        }
        return unit.length > 0 ? qsTr("%1 %2", "value and unit").arg(text).arg(unit) : text;
    }

    // The guided test's steps (ProjectSession.steps keys).
    function stepTitle(key: string): string {
        switch (key) {
        case "projects":
            return qsTr("Projects");
        case "plant":
            return qsTr("Plant");
        case "meters":
            return qsTr("Meters");
        case "window":
            return qsTr("Test window");
        case "readings":
            return qsTr("Reading rounds");
        case "balance":
            return qsTr("Balance");
        case "indicators":
            return qsTr("Indicators & benchmark");
        case "report":
            return qsTr("Report");
        }
        return key;
    }

    // A step's state in words (never colour alone).
    function stepState(state: string): string {
        switch (state) {
        case "done":
            return qsTr("Complete");
        case "open":
            return qsTr("To do");
        case "attention":
            return qsTr("Needs attention");
        case "blocked":
            return qsTr("Blocked");
        case "working":
            return qsTr("Computing…");
        }
        return state;
    }

    // The mark beside a step in the navigation: a symbol, not only a colour.
    function stepMark(state: string): string {
        switch (state) {
        case "done":
            return "✓";
        case "attention":
            return "!";
        case "blocked":
            return "–";
        case "working":
            return "…";
        }
        return "○";
    }

    function calibration(status: string): string {
        switch (status) {
        case "valid":
            return qsTr("Calibrated");
        case "due-soon":
            return qsTr("Calibration due soon");
        case "expired":
            return qsTr("Calibration expired");
        case "replaced":
            return qsTr("Replaced");
        }
        return qsTr("Calibration unknown");
    }

    function meterKind(kind: string): string {
        switch (kind) {
        case "totalizer":
            return qsTr("Totalizer");
        case "flowrate":
            return qsTr("Flow rate");
        }
        return kind;
    }

    // A flow's status after reconciliation.
    function flowStatus(status: string): string {
        switch (status) {
        case "redundant":
            return qsTr("Checked");
        case "nonredundant":
            return qsTr("Measured, unchecked");
        case "observable":
            return qsTr("Computed");
        case "unobservable":
            return qsTr("Cannot be known");
        }
        return status;
    }

    function indicator(key: string): string {
        switch (key) {
        case "intake":
            return qsTr("Intake (new water)");
        case "circulating":
            return qsTr("Circulating water");
        case "cascade":
            return qsTr("Cascade (series) water");
        case "reused":
            return qsTr("Reused water");
        case "totalUse":
            return qsTr("Total water use");
        case "consumption":
            return qsTr("Consumption");
        case "discharge":
            return qsTr("Discharge");
        case "leakage":
            return qsTr("Leakage");
        case "reuseRate":
            return qsTr("Reuse rate");
        case "dischargeRate":
            return qsTr("Discharge rate");
        case "leakageRate":
            return qsTr("Leakage rate");
        case "nonConventionalShare":
            return qsTr("Non-conventional water share");
        case "coolingCirculationRate":
            return qsTr("Indirect cooling circulation rate");
        case "directCoolingCirculationRate":
            return qsTr("Direct cooling circulation rate");
        case "unitProductIntake":
            return qsTr("Intake per unit product");
        case "quotaIntake":
            return qsTr("Intake inside the quota boundary");
        case "quotaUnitProductIntake":
            return qsTr("Intake per unit product (quota boundary)");
        case "concentrationRatio":
            return qsTr("Concentration ratio");
        case "processWaterReuseRate":
            return qsTr("Process water reuse rate");
        case "wastewaterReuseRate":
            return qsTr("Wastewater reuse rate");
        case "condensateRecovery":
            return qsTr("Condensate recovery rate");
        case "perCapitaDomestic":
            return qsTr("Domestic use per person and day");
        case "intakePerValueAdded":
            return qsTr("Intake per 10⁴ CNY value added");
        case "intakePerOutputValue":
            return qsTr("Intake per 10⁴ CNY output value");
        }
        if (key.startsWith("meterCoverageLevel"))
            return qsTr("Meter coverage, level %1").arg(key.substring(18));
        return key;
    }

    // An indicator's value: rates (unit "1") as per cent, others with their unit.
    function indicatorValue(value, sigma, unit: string): string {
        if (value === undefined || value === null)
            return qsTr("Not known");
        if (unit === "1") {
            const percent = flow(100 * value, sigma === undefined || sigma === null ? sigma : 100 * sigma, "");
            return qsTr("%1 %", "per cent").arg(percent);
        }
        return flow(value, sigma, unit);
    }
}
