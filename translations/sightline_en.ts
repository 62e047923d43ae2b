<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Sightline::CompareWindow</name>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::ConnectionTest</name>
    <message numerus="yes">
        <source>%1 (read only), %n table(s)</source>
        <translation>
            <numerusform>%1 (read only), %n table</numerusform>
            <numerusform>%1 (read only), %n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entry(s)</source>
        <translation>
            <numerusform>%1: %n entry</numerusform>
            <numerusform>%1: %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n cached entry(s), %2</source>
        <translation>
            <numerusform>%1, %n cached entry, %2</numerusform>
            <numerusform>%1, %n cached entries, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationBrowser</name>
    <message numerus="yes">
        <source>%Ln evaluation(s)</source>
        <translation>
            <numerusform>%Ln evaluation</numerusform>
            <numerusform>%Ln evaluations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationSummary</name>
    <message numerus="yes">
        <source>%n more events not shown.</source>
        <translation>
            <numerusform>%n more event not shown.</numerusform>
            <numerusform>%n more events not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::ExportDialog</name>
    <message numerus="yes">
        <source>Written: %1 (%2, %Ln page(s))</source>
        <translation>
            <numerusform>Written: %1 (%2, %Ln page)</numerusform>
            <numerusform>Written: %1 (%2, %Ln pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::FileSource</name>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::LineageView</name>
    <message numerus="yes">
        <source>checking %n more backend(s)…</source>
        <translation>
            <numerusform>checking %n more backend…</numerusform>
            <numerusform>checking %n more backends…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::LiveRateChart</name>
    <message numerus="yes">
        <source>last %n min</source>
        <translation>
            <numerusform>last %n min</numerusform>
            <numerusform>last %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::MainWindow</name>
    <message numerus="yes">
        <source>%Ln new evaluation(s) — press F5 to refresh</source>
        <translation>
            <numerusform>%Ln new evaluation — press F5 to refresh</numerusform>
            <numerusform>%Ln new evaluations — press F5 to refresh</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::PrometheusHealthPane</name>
    <message numerus="yes">
        <source>%Ln target(s)</source>
        <translation>
            <numerusform>%Ln target</numerusform>
            <numerusform>%Ln targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln firing</source>
        <translation>
            <numerusform>%Ln firing</numerusform>
            <numerusform>%Ln firing</numerusform>
        </translation>
    </message>
</context>
</TS>
