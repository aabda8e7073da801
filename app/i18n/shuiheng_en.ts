<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorBanner</name>
    <message numerus="yes">
        <source>This plant file has %n error(s)</source>
        <translation><numerusform>This plant file has %n error</numerusform><numerusform>This plant file has %n errors</numerusform></translation>
    </message>
</context>
<context>
    <name>MeterDelegate</name>
    <message numerus="yes">
        <source>%n reading(s)</source>
        <translation><numerusform>%n reading</numerusform><numerusform>%n readings</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation><numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message numerus="yes">
        <source>%n with an expired calibration</source>
        <translation><numerusform>%n with an expired calibration</numerusform><numerusform>%n with an expired calibration</numerusform></translation>
    </message>
</context>
<context>
    <name>PlantEditorPage</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
</context>
<context>
    <name>TestSteps</name>
    <message numerus="yes">
        <source>The plant has %n error(s); fix them first. The first: %1</source>
        <translation><numerusform>The plant has %n error; fix them first. The first: %1</numerusform><numerusform>The plant has %n errors; fix them first. The first: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s).</source>
        <translation><numerusform>%n meter.</numerusform><numerusform>%n meters.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) in service.</source>
        <translation><numerusform>%n meter in service.</numerusform><numerusform>%n meters in service.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with an expired calibration.</source>
        <translation><numerusform>%n with an expired calibration.</numerusform><numerusform>%n with an expired calibration.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s) cannot be determined from the meters: %1. Add a meter on one of them.</source>
        <translation><numerusform>%n flow cannot be determined from the meters: %1. Add a meter on one of them.</numerusform><numerusform>%n flows cannot be determined from the meters: %1. Add a meter on one of them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1”: %2 to %3, %n reading round(s) planned.</source>
        <translation><numerusform>Campaign “%1”: %2 to %3, %n reading round planned.</numerusform><numerusform>Campaign “%1”: %2 to %3, %n reading rounds planned.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) in this campaign.</source>
        <translation><numerusform>%n reading in this campaign.</numerusform><numerusform>%n readings in this campaign.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) have too few readings for a flow: %1.</source>
        <translation><numerusform>%n meter have too few readings for a flow: %1.</numerusform><numerusform>%n meters have too few readings for a flow: %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s) cannot be computed yet: the table says what each one needs.</source>
        <translation><numerusform>%n indicator cannot be computed yet: the table says what each one needs.</numerusform><numerusform>%n indicators cannot be computed yet: the table says what each one needs.</numerusform></translation>
    </message>
</context>
<context>
    <name>TestWindowPage</name>
    <message numerus="yes">
        <source>Reading times %1 · %n round(s) planned</source>
        <translation><numerusform>Reading times %1 · %n round planned</numerusform><numerusform>Reading times %1 · %n rounds planned</numerusform></translation>
    </message>
</context>
<context>
    <name>PlantEditorPage</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
</context>
</TS>
