<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CampaignPlanner</name>
    <message numerus="yes">
        <source>Saved: %n round(s) planned.</source>
        <translation><numerusform>Saved: %n round planned.</numerusform><numerusform>Saved: %n rounds planned.</numerusform></translation>
    </message>
</context>
<context>
    <name>DiagramLegend</name>
    <message numerus="yes">
        <source>%n more flow(s)</source>
        <translation><numerusform>%n more flow</numerusform><numerusform>%n more flows</numerusform></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message numerus="yes">
        <source>This plant file has %n error(s)</source>
        <translation>
            <numerusform>This plant file has %n error</numerusform>
            <numerusform>This plant file has %n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <source>%n reading(s) behind it</source>
        <translation><numerusform>%n reading behind it</numerusform><numerusform>%n readings behind it</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) after entry</source>
        <translation><numerusform>%n change after entry</numerusform><numerusform>%n changes after entry</numerusform></translation>
    </message>
</context>
<context>
    <name>LiveFindingsText</name>
    <message numerus="yes">
        <source>%1; %n more finding(s) below.</source>
        <translation><numerusform>%1; %n more finding below.</numerusform><numerusform>%1; %n more findings below.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>determines %n flow(s) that cannot be known now</source>
        <translation><numerusform>determines %n flow that cannot be known now</numerusform><numerusform>determines %n flows that cannot be known now</numerusform></translation>
    </message>
</context>
<context>
    <name>MeterDelegate</name>
    <message numerus="yes">
        <source>%n reading(s)</source>
        <translation>
            <numerusform>%n reading</numerusform>
            <numerusform>%n readings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message numerus="yes">
        <source>%n with an expired calibration</source>
        <translation>
            <numerusform>%n with an expired calibration</numerusform>
            <numerusform>%n with an expired calibration</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlantEditorPage</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingEntryController</name>
    <message numerus="yes">
        <source>%n meter(s) match &quot;%1&quot;: type more of the id or scan the label.</source>
        <translation><numerusform>%n meter matches "%1": type more of the id or scan the label.</numerusform><numerusform>%n meters match "%1": type more of the id or scan the label.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReadingRoundsPage</name>
    <message numerus="yes">
        <source>%n missed</source>
        <translation><numerusform>%n missed</numerusform><numerusform>%n missed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n read late</source>
        <translation><numerusform>%n read late</numerusform><numerusform>%n read late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation><numerusform>%n skipped</numerusform><numerusform>%n skipped</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestSteps</name>
    <message numerus="yes">
        <source>The plant has %n error(s); fix them first. The first: %1</source>
        <translation>
            <numerusform>The plant has %n error; fix them first. The first: %1</numerusform>
            <numerusform>The plant has %n errors; fix them first. The first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s).</source>
        <translation>
            <numerusform>%n meter.</numerusform>
            <numerusform>%n meters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) in service.</source>
        <translation>
            <numerusform>%n meter in service.</numerusform>
            <numerusform>%n meters in service.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an expired calibration.</source>
        <translation>
            <numerusform>%n with an expired calibration.</numerusform>
            <numerusform>%n with an expired calibration.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s) cannot be determined from the meters: %1. Add a meter on one of them.</source>
        <translation>
            <numerusform>%n flow cannot be determined from the meters: %1. Add a meter on one of them.</numerusform>
            <numerusform>%n flows cannot be determined from the meters: %1. Add a meter on one of them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1”: %2 to %3, %n reading round(s) planned.</source>
        <translation>
            <numerusform>Campaign “%1”: %2 to %3, %n reading round planned.</numerusform>
            <numerusform>Campaign “%1”: %2 to %3, %n reading rounds planned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) in this campaign.</source>
        <translation>
            <numerusform>%n reading in this campaign.</numerusform>
            <numerusform>%n readings in this campaign.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) have too few readings for a flow: %1.</source>
        <translation>
            <numerusform>%n meter have too few readings for a flow: %1.</numerusform>
            <numerusform>%n meters have too few readings for a flow: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s) cannot be computed yet: the table says what each one needs.</source>
        <translation>
            <numerusform>%n indicator cannot be computed yet: the table says what each one needs.</numerusform>
            <numerusform>%n indicators cannot be computed yet: the table says what each one needs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestWindowPage</name>
    <message numerus="yes">
        <source>%n round(s) planned</source>
        <translation><numerusform>%n round planned</numerusform><numerusform>%n rounds planned</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) on the route</source>
        <translation><numerusform>%n meter on the route</numerusform><numerusform>%n meters on the route</numerusform></translation>
    </message>
</context>
</TS>
