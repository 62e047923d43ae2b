<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Sightline</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Wird bereitgestellt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
</context>
<context>
    <name>Sightline::CompareMetricsPanel</name>
    <message>
        <source>Prometheus is not configured for this workspace. Add sources.prometheus.url to the workspace profile to compare metrics.</source>
        <translation>Prometheus ist für diesen Arbeitsbereich nicht konfiguriert. Fügen Sie sources.prometheus.url zum Arbeitsbereichsprofil hinzu, um Metriken zu vergleichen.</translation>
    </message>
    <message>
        <source>No data: Prometheus has no samples for %1 in this window.</source>
        <translation>Keine Daten: Prometheus hat in diesem Zeitfenster keine Messwerte für %1.</translation>
    </message>
</context>
<context>
    <name>Sightline::CompareWindow</name>
    <message>
        <source>%1 characters inline</source>
        <translation>%1 Zeichen (inline)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source> (same code)</source>
        <translation> (gleicher Code)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>Ausgabegröße</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU·s</source>
        <translation>CPU·s</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>MB·s</source>
        <translation>MB·s</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>Sicherheitsereignisse</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Ereignistypen</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>%1 vs %2 — Sightline</source>
        <translation>%1 vs. %2 — Sightline</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>vs.</translation>
    </message>
    <message>
        <source>Reload both (F5)</source>
        <translation>Beide neu laden (F5)</translation>
    </message>
    <message>
        <source>Show only &amp;differences</source>
        <translation>Nur &amp;Unterschiede anzeigen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Fields of both evaluations</source>
        <translation>Felder beider Evaluationen</translation>
    </message>
    <message>
        <source>Phase durations</source>
        <translation>Phasendauern</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Δ (right − left)</source>
        <translation>Δ (rechts − links)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>Output diff</source>
        <translation>Ausgabe-Diff</translation>
    </message>
    <message>
        <source>&amp;Output diff</source>
        <translation>&amp;Ausgabe-Diff</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>The workspace these evaluations belong to is no longer open.</source>
        <translation>Der Arbeitsbereich, zu dem diese Evaluationen gehören, ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Loading %1 and %2…</source>
        <translation>%1 und %2 werden geladen…</translation>
    </message>
    <message>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>There is no evaluation %1 in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es keine Evaluation %1.</translation>
    </message>
    <message>
        <source>%1 of %2 fields differ (highlighted). Times and containers belong to each run and are shown in grey.</source>
        <translation>%1 von %2 Feldern unterscheiden sich (hervorgehoben). Zeiten und Container gehören zum jeweiligen Lauf und werden grau dargestellt.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>did not reach it</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Wird bereitgestellt</translation>
    </message>
    <message>
        <source>Reading both outputs…</source>
        <translation>Beide Ausgaben werden gelesen…</translation>
    </message>
    <message>
        <source>the output of %1 is at %2, which cannot be compared here</source>
        <translation>die Ausgabe von %1 liegt unter %2 und kann hier nicht verglichen werden</translation>
    </message>
    <message>
        <source>No output diff: %1.</source>
        <translation>Kein Ausgabe-Diff: %1.</translation>
    </message>
    <message>
        <source>Comparing the outputs…</source>
        <translation>Ausgaben werden verglichen…</translation>
    </message>
    <message>
        <source>Neither evaluation has any output.</source>
        <translation>Keine der beiden Evaluationen hat eine Ausgabe.</translation>
    </message>
    <message>
        <source>The outputs are identical (1 line).</source>
        <translation>Die Ausgaben sind identisch (1 Zeile).</translation>
    </message>
    <message>
        <source>The outputs are identical (%1 lines).</source>
        <translation>Die Ausgaben sind identisch (%1 Zeilen).</translation>
    </message>
    <message>
        <source>%1 removed, %2 added (− %3, + %4; 3 lines of context around each change).</source>
        <translation>%1 entfernt, %2 hinzugefügt (− %3, + %4; 3 Kontextzeilen um jede Änderung).</translation>
    </message>
    <message>
        <source>Only the first 1 MB of each output is compared.</source>
        <translation>Verglichen wird nur der Anfang jeder Ausgabe (1 MB).</translation>
    </message>
    <message>
        <source>Only the first %1 lines of each output are compared.</source>
        <translation>Von jeder Ausgabe werden nur die ersten %1 Zeilen verglichen.</translation>
    </message>
    <message>
        <source>The outputs differ in too many places for a line-by-line match: shown as all of one replaced by all of the other.</source>
        <translation>Die Ausgaben unterscheiden sich an zu vielen Stellen für einen zeilenweisen Abgleich: Die eine wird vollständig als durch die andere ersetzt angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::ConnectionDialog</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>crucible-staging</source>
        <translation>crucible-staging</translation>
    </message>
    <message>
        <source>Names the workspace; its keychain entries are &quot;&lt;name&gt;/&lt;source&gt;&quot;</source>
        <translation>Benennt den Arbeitsbereich; seine Schlüsselbundeinträge heißen &quot;&lt;name&gt;/&lt;source&gt;&quot;</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for a server that does not answer</source>
        <translation>Wie lange auf einen Server gewartet wird, der nicht antwortet</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>PEM certificates to trust for https (optional)</source>
        <translation>PEM-Zertifikate, denen bei https vertraut wird (optional)</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL</source>
        <translation>&amp;PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>S&amp;QLite</source>
        <translation>S&amp;QLite</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>&amp;Datenbankdatei:</translation>
    </message>
    <message>
        <source>evaluations.sqlite</source>
        <translation>evaluations.sqlite</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>Date&amp;ien</translation>
    </message>
    <message>
        <source>&amp;Root folder:</source>
        <translation>&amp;Stammordner:</translation>
    </message>
    <message>
        <source>the folder holding outputs/ and logs/</source>
        <translation>der Ordner mit outputs/ und logs/</translation>
    </message>
    <message>
        <source>&amp;Redis</source>
        <translation>&amp;Redis</translation>
    </message>
    <message>
        <source>Key &amp;delimiter:</source>
        <translation>Schlüssel-&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>S&amp;3</source>
        <translation>S&amp;3</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>&amp;Addressing:</source>
        <translation>&amp;Adressierung:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Präfix:</translation>
    </message>
    <message>
        <source>only this part of the bucket (optional)</source>
        <translation>nur dieser Teil des Buckets (optional)</translation>
    </message>
    <message>
        <source>Storage ser&amp;vice</source>
        <translation>Speicher&amp;dienst</translation>
    </message>
    <message>
        <source>Pro&amp;metheus</source>
        <translation>Pro&amp;metheus</translation>
    </message>
    <message>
        <source>&amp;Grafana</source>
        <translation>&amp;Grafana</translation>
    </message>
    <message>
        <source>&amp;Organisation ID:</source>
        <translation>&amp;Organisations-ID:</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Edit Workspace</source>
        <translation>Arbeitsbereich bearbeiten</translation>
    </message>
    <message>
        <source>not saved yet: Save asks where</source>
        <translation>noch nicht gespeichert: „Speichern“ fragt nach dem Speicherort</translation>
    </message>
    <message>
        <source>Current: written into the URL, now in the field above. Save keeps it in the keychain and takes it out of the profile, which is meant to be shared.</source>
        <translation>Aktuell: war in die URL geschrieben, steht jetzt im Feld oben. „Speichern“ legt es im Schlüsselbund ab und entfernt es aus dem Profil, das zum Weitergeben gedacht ist.</translation>
    </message>
    <message>
        <source>Current: from the environment variable %1 (it wins over the keychain)</source>
        <translation>Aktuell: aus der Umgebungsvariablen %1 (hat Vorrang vor dem Schlüsselbund)</translation>
    </message>
    <message>
        <source>Current: none. One typed here goes to the keychain on Save.</source>
        <translation>Aktuell: keines. Was Sie hier eingeben, wird beim Speichern im Schlüsselbund abgelegt.</translation>
    </message>
    <message>
        <source>Current: looking in the keychain…</source>
        <translation>Aktuell: Schlüsselbund wird durchsucht…</translation>
    </message>
    <message>
        <source>Current: in the keychain (Sightline, %1)</source>
        <translation>Aktuell: im Schlüsselbund (Sightline, %1)</translation>
    </message>
    <message>
        <source>Current: none — it was in the keychain but is gone. Type it again.</source>
        <translation>Aktuell: keines — es war im Schlüsselbund, ist aber nicht mehr vorhanden. Bitte geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>Current: none. No keychain is available (%1); one typed here can be kept in memory until Sightline quits.</source>
        <translation>Aktuell: keines. Kein Schlüsselbund verfügbar (%1); was Sie hier eingeben, kann bis zum Beenden von Sightline im Arbeitsspeicher gehalten werden.</translation>
    </message>
    <message>
        <source>Current: unknown — the keychain said: %1</source>
        <translation>Aktuell: unbekannt — der Schlüsselbund meldete: %1</translation>
    </message>
    <message>
        <source>The profile is not valid yet: %1</source>
        <translation>Das Profil ist noch nicht gültig: %1</translation>
    </message>
    <message>
        <source>OK — %1 ms</source>
        <translation>OK — %1 ms</translation>
    </message>
    <message>
        <source>OK — %1 ms, %2</source>
        <translation>OK — %1 ms, %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>name: a workspace needs a name (its keychain entries are filed under it)</source>
        <translation>name: Ein Arbeitsbereich braucht einen Namen (seine Schlüsselbundeinträge werden darunter abgelegt)</translation>
    </message>
    <message>
        <source>Save workspace profile</source>
        <translation>Arbeitsbereichsprofil speichern</translation>
    </message>
    <message>
        <source>Workspace profiles (*.json);;All files (*)</source>
        <translation>Arbeitsbereichsprofile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>There is no keychain to keep the secrets in (%1).

Keep them in memory only, until Sightline quits? You will be asked again next time.</source>
        <translation>Es gibt keinen Schlüsselbund, in dem die Zugangsdaten aufbewahrt werden können (%1).

Sollen sie nur im Arbeitsspeicher gehalten werden, bis Sightline beendet wird? Beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>&amp;Keep in memory</source>
        <translation>Im Arbeitsspeicher &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Forget them</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>The profile is saved, but the keychain did not take every secret:
%1</source>
        <translation>Das Profil ist gespeichert, aber der Schlüsselbund hat nicht alle Zugangsdaten übernommen:
%1</translation>
    </message>
</context>
<context>
    <name>Sightline::ConnectionSourcePage</name>
    <message>
        <source>Access &amp;key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Secret access ke&amp;y:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>To&amp;ken:</source>
        <translation>To&amp;ken:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>Test &amp;abbrechen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>Sightline::ConnectionTest</name>
    <message>
        <source>TLS, certificate verified</source>
        <translation>TLS, Zertifikat geprüft</translation>
    </message>
    <message>
        <source>without TLS</source>
        <translation>ohne TLS</translation>
    </message>
    <message>
        <source>PostgreSQL answered SELECT version() with no row</source>
        <translation>PostgreSQL hat SELECT version() ohne Zeile beantwortet</translation>
    </message>
    <message>
        <source>%1/%2 as %3, %4</source>
        <translation>%1/%2 als %3, %4</translation>
    </message>
    <message>
        <source>TLS (%1)</source>
        <translation>TLS (%1)</translation>
    </message>
    <message>
        <source>There is no file at %1</source>
        <translation>Unter %1 gibt es keine Datei</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>SQLite answered with no row</source>
        <translation>SQLite hat ohne Zeile geantwortet</translation>
    </message>
    <message numerus="yes">
        <source>%1 (read only), %n table(s)</source>
        <translation>
            <numerusform>%1 (schreibgeschützt), %n Tabelle</numerusform>
            <numerusform>%1 (schreibgeschützt), %n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entry(s)</source>
        <translation>
            <numerusform>%1: %n Eintrag</numerusform>
            <numerusform>%1: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source> (with %1)</source>
        <translation> (mit %1)</translation>
    </message>
    <message>
        <source>, file system %1</source>
        <translation>, Dateisystem %1</translation>
    </message>
    <message>
        <source>Redis at %1 answered PING with: %2</source>
        <translation>Redis unter %1 hat auf PING geantwortet mit: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The S3 endpoint &quot;%1&quot; is not a URL</source>
        <translation>Der S3-Endpunkt &quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>objects listed</source>
        <translation>Objekte aufgelistet</translation>
    </message>
    <message>
        <source>HTTPS, certificate verified</source>
        <translation>HTTPS, Zertifikat geprüft</translation>
    </message>
    <message>
        <source>The storage service URL &quot;%1&quot; is not a URL</source>
        <translation>Die URL des Speicherdienstes &quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>GET %1/storage/memory: %2</source>
        <translation>GET %1/storage/memory: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n cached entry(s), %2</source>
        <translation>
            <numerusform>%1, %n Eintrag im Cache, %2</numerusform>
            <numerusform>%1, %n Einträge im Cache, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The Prometheus URL &quot;%1&quot; is not a URL</source>
        <translation>Die Prometheus-URL &quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>The Grafana URL &quot;%1&quot; is not a URL</source>
        <translation>Die Grafana-URL &quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>GET %1/api/health: the answer is not Grafana&apos;s health JSON</source>
        <translation>GET %1/api/health: Die Antwort ist nicht das Health-JSON von Grafana</translation>
    </message>
    <message>
        <source>Grafana at %1 answered, but its database is &quot;%2&quot;</source>
        <translation>Grafana unter %1 hat geantwortet, aber seine Datenbank meldet &quot;%2&quot;</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>S3</source>
        <translation>S3</translation>
    </message>
    <message>
        <source>The storage service</source>
        <translation>Der Speicherdienst</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Grafana</source>
        <translation>Grafana</translation>
    </message>
    <message>
        <source>Unknown source &quot;%1&quot;</source>
        <translation>Unbekannte Quelle &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is not configured in this workspace</source>
        <translation>%1 ist in diesem Arbeitsbereich nicht konfiguriert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 at %2 did not answer within %3 s</source>
        <translation>%1 unter %2 hat nicht innerhalb von %3 s geantwortet</translation>
    </message>
</context>
<context>
    <name>Sightline::DemoWorkspace</name>
    <message>
        <source>cannot remove the old demo file %1</source>
        <translation>Die alte Demo-Datei %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot remove the old demo files in %1</source>
        <translation>Die alten Demo-Dateien in %1 können nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot create the demo folder %1</source>
        <translation>Der Demo-Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create a staging folder in %1: %2</source>
        <translation>In %1 kann kein Zwischenordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot finish the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich kann nicht fertiggestellt werden: %1</translation>
    </message>
</context>
<context>
    <name>Sightline::Drilldown</name>
    <message>
        <source>Add sources.%1.url to the workspace profile to open %2.</source>
        <translation>Fügen Sie sources.%1.url zum Arbeitsbereichsprofil hinzu, um %2 zu öffnen.</translation>
    </message>
    <message>
        <source>sources.%1.url &quot;%2&quot; is not an http(s) URL.</source>
        <translation>sources.%1.url &quot;%2&quot; ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Container CPU</source>
        <translation>Container-CPU</translation>
    </message>
    <message>
        <source>Container memory</source>
        <translation>Container-Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Worker node CPU</source>
        <translation>CPU des Worker-Knotens</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Länge der Warteschlange</translation>
    </message>
    <message>
        <source>&quot;${&quot; at character %1 has no closing &quot;}&quot;</source>
        <translation>&quot;${&quot; bei Zeichen %1 hat keine schließende &quot;}&quot;</translation>
    </message>
    <message>
        <source>an empty &quot;${}&quot; at character %1</source>
        <translation>ein leeres &quot;${}&quot; bei Zeichen %1</translation>
    </message>
    <message>
        <source>&quot;${%1}&quot; at character %2 is not a field name (letters, digits and _)</source>
        <translation>&quot;${%1}&quot; bei Zeichen %2 ist kein Feldname (Buchstaben, Ziffern und _)</translation>
    </message>
    <message>
        <source>the template names ${%1}, which this evaluation does not have</source>
        <translation>die Vorlage verwendet ${%1}, das es in dieser Evaluation nicht gibt</translation>
    </message>
    <message>
        <source>The evaluation is queued: it has not started, so it has no time window yet.</source>
        <translation>Die Evaluation ist in der Warteschlange und hat noch nicht begonnen, daher hat sie noch kein Zeitfenster.</translation>
    </message>
    <message>
        <source>The evaluation is provisioning: it has not started, so it has no time window yet.</source>
        <translation>Die Evaluation wird bereitgestellt und hat noch nicht begonnen, daher hat sie noch kein Zeitfenster.</translation>
    </message>
    <message>
        <source>The evaluation has no start time (started_at is empty), so it has no time window to query.</source>
        <translation>Die Evaluation hat keine Startzeit (started_at ist leer), daher gibt es kein Zeitfenster für eine Abfrage.</translation>
    </message>
    <message>
        <source>Dashboard &quot;%1&quot;, variable %2: %3</source>
        <translation>Dashboard &quot;%1&quot;, Variable %2: %3</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationBrowser</name>
    <message>
        <source>Sort &amp;by</source>
        <translation>Sortieren &amp;nach</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show as a table (Ctrl+1)</source>
        <translation>Als Tabelle anzeigen (Ctrl+1)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Show as cards (Ctrl+2)</source>
        <translation>Als Karten anzeigen (Ctrl+2)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Could not load evaluations.</source>
        <translation>Evaluationen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluationen</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compare the two selected evaluations side by side (Ctrl+Shift+D)</source>
        <translation>Die beiden ausgewählten Evaluationen nebeneinander vergleichen (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Wird bereitgestellt</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 laufend</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Counts unavailable</source>
        <translation>Anzahlen nicht verfügbar</translation>
    </message>
    <message>
        <source>No evaluations match these filters</source>
        <translation>Keine Evaluationen entsprechen diesen Filtern</translation>
    </message>
    <message>
        <source>This workspace has no evaluations yet</source>
        <translation>Dieser Arbeitsbereich hat noch keine Evaluationen</translation>
    </message>
    <message>
        <source>Try another search, more statuses or a wider date range.</source>
        <translation>Versuchen Sie eine andere Suche, mehr Status oder einen größeren Zeitraum.</translation>
    </message>
    <message>
        <source>New evaluations appear here after a refresh (F5).</source>
        <translation>Neue Evaluationen erscheinen hier nach dem Aktualisieren (F5).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>↑ Ascending</source>
        <translation>↑ Aufsteigend</translation>
    </message>
    <message>
        <source>↓ Descending</source>
        <translation>↓ Absteigend</translation>
    </message>
    <message>
        <source>Sorted ascending; click for descending</source>
        <translation>Aufsteigend sortiert; klicken für absteigend</translation>
    </message>
    <message>
        <source>Sorted descending; click for ascending</source>
        <translation>Absteigend sortiert; klicken für aufsteigend</translation>
    </message>
    <message numerus="yes">
        <source>%Ln evaluation(s)</source>
        <translation>
            <numerusform>%Ln Evaluation</numerusform>
            <numerusform>%Ln Evaluationen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationCardDelegate</name>
    <message>
        <source>no worker yet</source>
        <translation>noch kein Worker</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationCostView</name>
    <message>
        <source>%1%2 % vs recorded</source>
        <translation>%1%2 % ggü. erfasstem Wert</translation>
    </message>
    <message>
        <source>Recorded by the platform</source>
        <translation>Von der Plattform erfasst</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Measured by Prometheus</source>
        <translation>Von Prometheus gemessen</translation>
    </message>
    <message>
        <source>Average memory</source>
        <translation>Durchschnittlicher Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Prometheus is not configured: add sources.prometheus.url to the workspace profile to compare with the usage it measured.</source>
        <translation>Prometheus ist nicht konfiguriert: Fügen Sie sources.prometheus.url zum Arbeitsbereichsprofil hinzu, um mit dem dort gemessenen Verbrauch zu vergleichen.</translation>
    </message>
    <message>
        <source>This evaluation has no container id, so Prometheus&apos;s container series cannot be matched to it.</source>
        <translation>Diese Evaluation hat keine Container-ID, daher können ihr die Container-Zeitreihen von Prometheus nicht zugeordnet werden.</translation>
    </message>
    <message>
        <source>Asking Prometheus…</source>
        <translation>Prometheus wird abgefragt…</translation>
    </message>
    <message>
        <source>Instant queries at %1 over the evaluation&apos;s window (%2 s):
CPU     %3
memory  %4</source>
        <translation>Instant-Abfragen zum Zeitpunkt %1 über das Zeitfenster der Evaluation (%2 s):
CPU              %3
Arbeitsspeicher  %4</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>not yet: recorded when it finishes</source>
        <translation>noch nicht: wird bei Abschluss erfasst</translation>
    </message>
    <message>
        <source>%1 CPU·s</source>
        <translation>%1 CPU·s</translation>
    </message>
    <message>
        <source>%1 MB·s</source>
        <translation>%1 MB·s</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>noch nicht gestartet</translation>
    </message>
    <message>
        <source>Prometheus could not answer: %1</source>
        <translation>Prometheus konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>Prometheus has no samples of container %1 in the evaluation&apos;s window: its exporter may not have scraped it, or the data has aged out of Prometheus&apos;s retention.</source>
        <translation>Prometheus hat keine Messwerte von Container %1 im Zeitfenster der Evaluation: Möglicherweise hat sein Exporter ihn nicht abgerufen, oder die Daten liegen außerhalb der Aufbewahrungsdauer von Prometheus.</translation>
    </message>
    <message>
        <source>Part of the answer failed: %1</source>
        <translation>Ein Teil der Antwort ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message>
        <source>%1 over %2 of running</source>
        <translation>%1 über %2 Laufzeit</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationEventModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationFilterBar</name>
    <message>
        <source>Search id, submitter or batch</source>
        <translation>ID, Einreicher oder Batch suchen</translation>
    </message>
    <message>
        <source>Search id, submitter or batch (Ctrl+F); Esc clears</source>
        <translation>ID, Einreicher oder Batch suchen (Ctrl+F); Esc leert das Feld</translation>
    </message>
    <message>
        <source>Search evaluations</source>
        <translation>Evaluationen durchsuchen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Show only evaluations with these statuses</source>
        <translation>Nur Evaluationen mit diesen Status anzeigen</translation>
    </message>
    <message>
        <source>Created within</source>
        <translation>Erstellt im Zeitraum</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>Created at or after</source>
        <translation>Erstellt am oder nach</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Erstellt ab</translation>
    </message>
    <message>
        <source>Created before</source>
        <translation>Erstellt vor</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Erstellt bis</translation>
    </message>
    <message>
        <source>Tick every status, then untick the ones to hide</source>
        <translation>Alle Status auswählen, dann die auszublendenden abwählen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Alle abwählen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation>Letzte 14 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>%1 Status</translation>
    </message>
    <message>
        <source>Status filter: %1</source>
        <translation>Statusfilter: %1</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationLineage</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>output: cached and database text differ at character %1</source>
        <translation>output: Text im Cache und in der Datenbank unterscheidet sich ab Zeichen %1</translation>
    </message>
    <message>
        <source>output: cached %1 characters, database %2</source>
        <translation>output: im Cache %1 Zeichen, in der Datenbank %2</translation>
    </message>
    <message>
        <source>output: cached %1 characters, database %2 (the cache keeps the first %3)</source>
        <translation>output: im Cache %1 Zeichen, in der Datenbank %2 (der Cache behält die ersten %3)</translation>
    </message>
    <message>
        <source>the cached result expired or was evicted</source>
        <translation>das Ergebnis im Cache ist abgelaufen oder wurde verdrängt</translation>
    </message>
    <message>
        <source>not cached: the evaluation has not finished</source>
        <translation>nicht im Cache: Die Evaluation ist noch nicht beendet</translation>
    </message>
    <message>
        <source>the cached value is not the platform&apos;s result JSON: %1</source>
        <translation>der Wert im Cache ist nicht das Ergebnis-JSON der Plattform: %1</translation>
    </message>
    <message>
        <source>%1 at byte %2 (it starts with &quot;%3&quot;)</source>
        <translation>%1 bei Byte %2 (beginnt mit &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>it is a JSON array, not an object</source>
        <translation>es ist ein JSON-Array, kein Objekt</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>es ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>&quot;status&quot; is %1, expected a string</source>
        <translation>&quot;status&quot; ist %1, erwartet wurde eine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, expected a string</source>
        <translation>&quot;%1&quot; ist %2, erwartet wurde eine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;exit_code&quot; is %1, expected a whole number</source>
        <translation>&quot;exit_code&quot; ist %1, erwartet wurde eine ganze Zahl</translation>
    </message>
    <message>
        <source>&quot;exit_code&quot; is %1, expected a number</source>
        <translation>&quot;exit_code&quot; ist %1, erwartet wurde eine Zahl</translation>
    </message>
    <message>
        <source>id: cached %1, database %2</source>
        <translation>id: im Cache %1, in der Datenbank %2</translation>
    </message>
    <message>
        <source>status: cached %1, database %2</source>
        <translation>status: im Cache %1, in der Datenbank %2</translation>
    </message>
    <message>
        <source>exit_code: cached %1, database %2</source>
        <translation>exit_code: im Cache %1, in der Datenbank %2</translation>
    </message>
    <message>
        <source>output_location: cached %1, database %2</source>
        <translation>output_location: im Cache %1, in der Datenbank %2</translation>
    </message>
    <message>
        <source>same as the database</source>
        <translation>wie in der Datenbank</translation>
    </message>
    <message>
        <source>differs from the database: %1</source>
        <translation>weicht von der Datenbank ab: %1</translation>
    </message>
    <message>
        <source>no database in this workspace</source>
        <translation>keine Datenbank in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>no Redis in this workspace</source>
        <translation>kein Redis in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>no S3 in this workspace</source>
        <translation>kein S3 in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>no storage service in this workspace</source>
        <translation>kein Speicherdienst in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>no files root in this workspace</source>
        <translation>kein Stammordner für Dateien in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>metadata in PostgreSQL</source>
        <translation>Metadaten in PostgreSQL</translation>
    </message>
    <message>
        <source>metadata in SQLite</source>
        <translation>Metadaten in SQLite</translation>
    </message>
    <message>
        <source>table %1, id %2</source>
        <translation>Tabelle %1, ID %2</translation>
    </message>
    <message>
        <source>code: %1 characters</source>
        <translation>Code: %1 Zeichen</translation>
    </message>
    <message>
        <source>inline output: %1 characters</source>
        <translation>eingebettete Ausgabe: %1 Zeichen</translation>
    </message>
    <message>
        <source>error: %1 characters</source>
        <translation>Fehler: %1 Zeichen</translation>
    </message>
    <message>
        <source>at least %1 events</source>
        <translation>mindestens %1 Ereignisse</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>S3</source>
        <translation>S3</translation>
    </message>
    <message>
        <source>Storage service</source>
        <translation>Speicherdienst</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>läuft nicht ab</translation>
    </message>
    <message>
        <source>the cached result could not be read: %1</source>
        <translation>das zwischengespeicherte Ergebnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the evaluation has no id</source>
        <translation>die Evaluation hat keine ID</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Redis sent %1 replies to %2 commands</source>
        <translation>Redis hat %1 Antworten auf %2 Befehle gesendet</translation>
    </message>
    <message>
        <source>cached result in Redis, %1</source>
        <translation>zwischengespeichertes Ergebnis in Redis, %1</translation>
    </message>
    <message>
        <source>%1 in Redis is a %2, not a cached result</source>
        <translation>%1 in Redis ist vom Typ %2, kein zwischengespeichertes Ergebnis</translation>
    </message>
    <message>
        <source>, %1 in memory</source>
        <translation>, %1 im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>status hash (%1 fields)</source>
        <translation>Status-Hash (%1 Felder)</translation>
    </message>
    <message>
        <source>status key (a %1)</source>
        <translation>Status-Schlüssel (Typ %1)</translation>
    </message>
    <message>
        <source>%1 in Redis, no cached result</source>
        <translation>%1 in Redis, kein zwischengespeichertes Ergebnis</translation>
    </message>
    <message>
        <source>not in Redis</source>
        <translation>nicht in Redis</translation>
    </message>
    <message>
        <source>the cached value is not the platform&apos;s result JSON: %1 is a %2, not a string</source>
        <translation>der zwischengespeicherte Wert ist nicht das Ergebnis-JSON der Plattform: %1 ist vom Typ %2, kein String</translation>
    </message>
    <message>
        <source>the cached value is not the platform&apos;s result JSON: it is %1 long, far more than a cached result</source>
        <translation>der zwischengespeicherte Wert ist nicht das Ergebnis-JSON der Plattform: Er ist %1 groß, weit mehr als ein zwischengespeichertes Ergebnis</translation>
    </message>
    <message>
        <source>%1 said the listing goes on but gave no continuation token</source>
        <translation>%1 meldete eine unvollständige Auflistung, lieferte aber kein Fortsetzungstoken</translation>
    </message>
    <message>
        <source>not archived in S3</source>
        <translation>nicht in S3 archiviert</translation>
    </message>
    <message>
        <source>at least %1 objects</source>
        <translation>mindestens %1 Objekte</translation>
    </message>
    <message>
        <source>1 object</source>
        <translation>1 Objekt</translation>
    </message>
    <message>
        <source>%1 objects</source>
        <translation>%1 Objekte</translation>
    </message>
    <message>
        <source>archived in S3 (%1, %2)</source>
        <translation>in S3 archiviert (%1, %2)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>not in the storage service cache</source>
        <translation>nicht im Cache des Speicherdienstes</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source>in the storage service cache (%1: %2, %3)</source>
        <translation>im Cache des Speicherdienstes (%1: %2, %3)</translation>
    </message>
    <message>
        <source>the files root %1 is not a folder</source>
        <translation>der Stammordner %1 ist kein Ordner</translation>
    </message>
    <message>
        <source>the files root %1 does not exist</source>
        <translation>der Stammordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>the evaluation id &quot;%1&quot; is not a file name</source>
        <translation>die Evaluations-ID „%1“ ist kein Dateiname</translation>
    </message>
    <message>
        <source>Sightline may not read it</source>
        <translation>Sightline darf sie nicht lesen</translation>
    </message>
    <message>
        <source>output file %1</source>
        <translation>Ausgabedatei %1</translation>
    </message>
    <message>
        <source>no output file (the output is inline)</source>
        <translation>keine Ausgabedatei (die Ausgabe ist eingebettet)</translation>
    </message>
    <message>
        <source>no output file (the output is at %1)</source>
        <translation>keine Ausgabedatei (die Ausgabe liegt unter %1)</translation>
    </message>
    <message>
        <source>no output file</source>
        <translation>keine Ausgabedatei</translation>
    </message>
    <message>
        <source>log file %1</source>
        <translation>Protokolldatei %1</translation>
    </message>
    <message>
        <source>no log file</source>
        <translation>keine Protokolldatei</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationMetricsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Run every chart&apos;s query again</source>
        <translation>Die Abfragen aller Diagramme erneut ausführen</translation>
    </message>
    <message>
        <source>Prometheus is not configured for this workspace. Add sources.prometheus.url to the workspace profile to see metrics.</source>
        <translation>Prometheus ist für diesen Arbeitsbereich nicht konfiguriert. Fügen Sie sources.prometheus.url zum Arbeitsbereichsprofil hinzu, um Metriken anzuzeigen.</translation>
    </message>
    <message>
        <source>The query cannot be built for this evaluation.</source>
        <translation>Die Abfrage kann für diese Evaluation nicht erstellt werden.</translation>
    </message>
    <message>
        <source>No data: Prometheus has no samples for %1 in this window.</source>
        <translation>Keine Daten: Prometheus hat in diesem Zeitfenster keine Messwerte für %1.</translation>
    </message>
    <message>
        <source>Window %1 – %2 (local time, %3 s padding) · step %4 s</source>
        <translation>Zeitfenster %1 – %2 (Ortszeit, %3 s Puffer) · Schrittweite %4 s</translation>
    </message>
    <message>
        <source> · running: refreshes every %1 s</source>
        <translation> · läuft: Aktualisierung alle %1 s</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationOutputView</name>
    <message>
        <source>Working</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>&amp;Save to file…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Write the complete output to a file</source>
        <translation>Die vollständige Ausgabe in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Load &amp;all</source>
        <translation>&amp;Alles laden</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Loading the whole file…</source>
        <translation>Die ganze Datei wird geladen…</translation>
    </message>
    <message>
        <source>Loading all of the output…</source>
        <translation>Die gesamte Ausgabe wird geladen…</translation>
    </message>
    <message>
        <source>This evaluation has no output.</source>
        <translation>Diese Evaluation hat keine Ausgabe.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 characters.</source>
        <translation>Die ersten %1 von %2 Zeichen werden angezeigt.</translation>
    </message>
    <message>
        <source>The viewer holds no more; “Save to file…” writes all of it.</source>
        <translation>Die Anzeige fasst nicht mehr; „In Datei speichern…“ schreibt alles.</translation>
    </message>
    <message>
        <source>“Save to file…” writes the %1 characters read.</source>
        <translation>„In Datei speichern…“ schreibt die %1 gelesenen Zeichen.</translation>
    </message>
    <message>
        <source>Preparing %1 characters…</source>
        <translation>%1 Zeichen werden vorbereitet…</translation>
    </message>
    <message>
        <source>This output is archived in S3 — opening S3 objects comes with the Storage Explorer.

%1</source>
        <translation>Diese Ausgabe ist in S3 archiviert — das Öffnen von S3-Objekten ist Teil des Speicher-Explorers.

%1</translation>
    </message>
    <message>
        <source>The output is stored at %1, which Sightline cannot open.</source>
        <translation>Die Ausgabe liegt unter %1; diesen Ort kann Sightline nicht öffnen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>The workspace this evaluation belongs to is closed.</source>
        <translation>Der Arbeitsbereich, zu dem diese Evaluation gehört, ist geschlossen.</translation>
    </message>
    <message>
        <source>The output file %1 could not be read:
%2</source>
        <translation>Die Ausgabedatei %1 konnte nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>Preparing %1 of text…</source>
        <translation>Text (%1) wird vorbereitet…</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>Die ersten %1 von %2 werden angezeigt.</translation>
    </message>
    <message>
        <source>Output file %1 · %2</source>
        <translation>Ausgabedatei %1 · %2</translation>
    </message>
    <message>
        <source>Save the output</source>
        <translation>Ausgabe speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Textdateien (*.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There is no output to save.</source>
        <translation>Es gibt keine Ausgabe zum Speichern.</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Wird in %1 gespeichert…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern in %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationPhases</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Wird bereitgestellt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>No lifecycle times recorded.</source>
        <translation>Keine Lebenszykluszeiten erfasst.</translation>
    </message>
    <message>
        <source> (so far)</source>
        <translation> (bisher)</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>gesamt %1</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationStore</name>
    <message>
        <source>%1 is not a local file</source>
        <translation>%1 ist keine lokale Datei</translation>
    </message>
    <message>
        <source>The output file %1 does not exist</source>
        <translation>Die Ausgabedatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is a folder, not an output file</source>
        <translation>%1 ist ein Ordner, keine Ausgabedatei</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationSummary</name>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>inline, %1 characters</source>
        <translation>inline, %1 Zeichen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Metadata from</source>
        <translation>Metadaten aus</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>First %1 lines of %2 characters of code.</source>
        <translation>Die ersten %1 Zeilen von %2 Zeichen Code.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message numerus="yes">
        <source>%n more events not shown.</source>
        <translation>
            <numerusform>%n weiteres Ereignis nicht angezeigt.</numerusform>
            <numerusform>%n weitere Ereignisse nicht angezeigt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationTableModel</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 refused access: %2</source>
        <translation>%1 hat den Zugriff verweigert: %2</translation>
    </message>
    <message>
        <source>The database is busy: %1</source>
        <translation>Die Datenbank ist belegt: %1</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The query was interrupted.</source>
        <translation>Die Abfrage wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Reading evaluations from %1 failed: %2</source>
        <translation>Lesen der Evaluationen aus %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>Status &quot;%1&quot; is not one Sightline knows</source>
        <translation>Status „%1“ ist Sightline nicht bekannt</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationTimeline</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infrastruktur</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>No lifecycle times recorded for this evaluation.</source>
        <translation>Für diese Evaluation sind keine Lebenszyklus-Zeitpunkte erfasst.</translation>
    </message>
    <message>
        <source>Queued: it has not started yet (waiting for %1). The timeline begins when it is provisioned.</source>
        <translation>In Warteschlange: Die Evaluation wurde noch nicht gestartet (wartet seit %1). Die Zeitleiste beginnt, sobald sie bereitgestellt wird.</translation>
    </message>
    <message>
        <source> (%1 after creation)</source>
        <translation> (%1 nach Erstellung)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>security event</source>
        <translation>Sicherheitsereignis</translation>
    </message>
    <message>
        <source>zoom %1× · drag or wheel to pan · 0 resets</source>
        <translation>Zoom %1× · Ziehen oder Mausrad zum Verschieben · 0 setzt zurück</translation>
    </message>
</context>
<context>
    <name>Sightline::EvaluationWindow</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Evaluation id</source>
        <translation>Evaluations-ID</translation>
    </message>
    <message>
        <source>Copy the evaluation id</source>
        <translation>Evaluations-ID kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export this evaluation as a report: PDF, HTML, CSV or JSON (Ctrl+E)</source>
        <translation>Diese Evaluation als Bericht exportieren: PDF, HTML, CSV oder JSON (Ctrl+E)</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>Where it lives</source>
        <translation>Speicherorte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Phase durations</source>
        <translation>Phasendauern</translation>
    </message>
    <message>
        <source>Click an event to select it in the Events tab (double-click opens it) · ←/→ move between events · Ctrl+wheel or +/− zoom, 0 resets</source>
        <translation>Klicken Sie auf ein Ereignis, um es im Reiter „Ereignisse“ auszuwählen (Doppelklick öffnet es) · ←/→ wechseln zwischen Ereignissen · Ctrl+Mausrad oder +/− zoomen, 0 setzt zurück</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Load &amp;all</source>
        <translation>&amp;Alles laden</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>O&amp;utput</source>
        <translation>A&amp;usgabe</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <source>Cos&amp;t</source>
        <translation>&amp;Kosten</translation>
    </message>
    <message>
        <source>&amp;Raw</source>
        <translation>&amp;Rohdaten</translation>
    </message>
    <message>
        <source>Everything above as JSON: the row, the events with their data, and each backend&apos;s answer.</source>
        <translation>Alles oben Genannte als JSON: die Zeile, die Ereignisse mit ihren Daten und die Antwort jedes Backends.</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>&amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>%1 — Sightline</source>
        <translation>%1 — Sightline</translation>
    </message>
    <message>
        <source>Copy evaluation id</source>
        <translation>Evaluations-ID kopieren</translation>
    </message>
    <message>
        <source>Copy summary as Markdown</source>
        <translation>Zusammenfassung als Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy the evaluation id; the menu also copies a Markdown summary (Ctrl+Shift+C)</source>
        <translation>Evaluations-ID kopieren; über das Menü auch eine Markdown-Zusammenfassung (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>The workspace was closed</source>
        <translation>Der Arbeitsbereich wurde geschlossen</translation>
    </message>
    <message>
        <source>Evaluation %1 belonged to a workspace that is no longer open.</source>
        <translation>Evaluation %1 gehörte zu einem Arbeitsbereich, der nicht mehr geöffnet ist.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <source>Could not load evaluation %1</source>
        <translation>Evaluation %1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>No evaluation with id %1 in this workspace</source>
        <translation>Keine Evaluation mit der ID %1 in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>It may have been removed, or belong to another workspace.</source>
        <translation>Sie wurde möglicherweise entfernt oder gehört zu einem anderen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Showing the first %1 events.</source>
        <translation>Die ersten %1 Ereignisse werden angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Events (%1)</source>
        <translation>&amp;Ereignisse (%1)</translation>
    </message>
    <message>
        <source>&amp;Security (%1)</source>
        <translation>&amp;Sicherheit (%1)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Codelänge</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>Output location</source>
        <translation>Ausgabeort</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>Ausgabegröße</translation>
    </message>
    <message>
        <source>%1 characters inline</source>
        <translation>%1 Zeichen (inline)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1 MB·s</source>
        <translation>%1 MB·s</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 characters.</source>
        <translation>Die ersten %1 von %2 Zeichen werden angezeigt.</translation>
    </message>
    <message>
        <source>Copy a sightline:// link to this evaluation, for a notebook, an issue or a chat (%1)</source>
        <translation>Einen sightline://-Link zu dieser Evaluation kopieren, für ein Notebook, ein Ticket oder einen Chat (%1)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Copy Sightline &amp;Link</source>
        <translation>Sightline-&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster schl&amp;ießen</translation>
    </message>
</context>
<context>
    <name>Sightline::ExportDialog</name>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <source>Includes:</source>
        <translation>Umfang:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Öff&amp;nen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im Ordner an&amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Evaluation report</source>
        <translation>Evaluationsbericht</translation>
    </message>
    <message>
        <source>Batch report</source>
        <translation>Batch-Bericht</translation>
    </message>
    <message>
        <source>Storage report</source>
        <translation>Speicherbericht</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML (self-contained)</source>
        <translation>HTML (eigenständig)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON (the full bundle)</source>
        <translation>JSON (vollständiges Paket)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>An evaluation (select one in the browser first)</source>
        <translation>Eine Evaluation (wählen Sie zuerst eine in der Liste aus)</translation>
    </message>
    <message>
        <source>The evaluation %1</source>
        <translation>Die Evaluation %1</translation>
    </message>
    <message>
        <source>The &amp;selected evaluation</source>
        <translation>Die aus&amp;gewählte Evaluation</translation>
    </message>
    <message>
        <source>The &amp;selected evaluations (%1)</source>
        <translation>Die aus&amp;gewählten Evaluationen (%1)</translation>
    </message>
    <message>
        <source>no filter: every evaluation</source>
        <translation>kein Filter: alle Evaluationen</translation>
    </message>
    <message>
        <source>The current &amp;filter (%1; %2 evaluations)</source>
        <translation>Der aktuelle &amp;Filter (%1; %2 Evaluationen)</translation>
    </message>
    <message>
        <source>The current &amp;filter (%1)</source>
        <translation>Der aktuelle &amp;Filter (%1)</translation>
    </message>
    <message>
        <source>Every storage backend of workspace %1, summarised</source>
        <translation>Alle Speicher-Backends des Arbeitsbereichs %1, zusammengefasst</translation>
    </message>
    <message>
        <source>Export report to</source>
        <translation>Bericht exportieren nach</translation>
    </message>
    <message>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation>%1-Dateien (*.%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Wählen Sie, wo der Bericht gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>Der Bericht konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Written: %1 (%2)</source>
        <translation>Geschrieben: %1 (%2)</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Written: %1 (%2, %Ln page(s))</source>
        <translation>
            <numerusform>Geschrieben: %1 (%2, %Ln Seite)</numerusform>
            <numerusform>Geschrieben: %1 (%2, %Ln Seiten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::FileSource</name>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Unreadable folders</source>
        <translation>Nicht lesbare Ordner</translation>
    </message>
    <message>
        <source>Symlink loops</source>
        <translation>Symlink-Schleifen</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>Auf dem Datenträger</translation>
    </message>
    <message>
        <source>Largest files</source>
        <translation>Größte Dateien</translation>
    </message>
    <message>
        <source>the %1 largest files of the whole tree</source>
        <translation>die %1 größten Dateien des gesamten Baums</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>scanning…</source>
        <translation>wird durchsucht…</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>symlink loop → %1</source>
        <translation>Symlink-Schleife → %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>unknown node &quot;%1&quot;</source>
        <translation>Unbekannter Knoten „%1“</translation>
    </message>
    <message>
        <source>bad continuation &quot;%1&quot;</source>
        <translation>Ungültige Fortsetzung „%1“</translation>
    </message>
    <message>
        <source>the folder was scanned again since this listing began; list it again</source>
        <translation>Der Ordner wurde seit Beginn dieser Auflistung erneut durchsucht; bitte listen Sie ihn erneut auf</translation>
    </message>
    <message>
        <source>no folder %1 under %2</source>
        <translation>Kein Ordner %1 unter %2</translation>
    </message>
    <message>
        <source>not a file: &quot;%1&quot;</source>
        <translation>Keine Datei: „%1“</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Durchsuchung</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <source>stopped after %1 files</source>
        <translation>nach %1 Dateien angehalten</translation>
    </message>
    <message>
        <source>in progress: %1 files so far</source>
        <translation>läuft: bisher %1 Dateien</translation>
    </message>
</context>
<context>
    <name>Sightline::GrafanaLinkButton</name>
    <message>
        <source>Open in Grafana</source>
        <translation>In Grafana öffnen</translation>
    </message>
    <message>
        <source>Add sources.grafana.url to the workspace profile</source>
        <translation>Fügen Sie sources.grafana.url zum Arbeitsbereichsprofil hinzu</translation>
    </message>
    <message>
        <source>Add dashboards to drilldown.grafana in the workspace profile</source>
        <translation>Fügen Sie im Arbeitsbereichsprofil Dashboards zu drilldown.grafana hinzu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open “%1”</source>
        <translation>„%1“ öffnen</translation>
    </message>
    <message>
        <source>Copy link to “%1”</source>
        <translation>Link zu „%1“ kopieren</translation>
    </message>
    <message>
        <source>No evaluation loaded</source>
        <translation>Keine Evaluation geladen</translation>
    </message>
    <message>
        <source>Grafana: %1</source>
        <translation>Grafana: %1</translation>
    </message>
    <message>
        <source>Open “%1” in Grafana for this evaluation&apos;s time window; the menu has the other dashboards and Copy link</source>
        <translation>„%1“ in Grafana für das Zeitfenster dieser Evaluation öffnen; das Menü enthält die anderen Dashboards und „Link kopieren“</translation>
    </message>
    <message>
        <source>Open “%1” in Grafana for this evaluation&apos;s time window; the menu copies the link</source>
        <translation>„%1“ in Grafana für das Zeitfenster dieser Evaluation öffnen; über das Menü lässt sich der Link kopieren</translation>
    </message>
</context>
<context>
    <name>Sightline::GuiSession</name>
    <message>
        <source>Preparing the demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird vorbereitet…</translation>
    </message>
    <message>
        <source>The demo workspace could not be prepared.

%1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht vorbereitet werden.

%1</translation>
    </message>
    <message>
        <source>Sightline is shutting down.</source>
        <translation>Sightline wird beendet.</translation>
    </message>
</context>
<context>
    <name>Sightline::Json</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>Sightline::LineageView</name>
    <message>
        <source>add sources.files.root to the workspace profile</source>
        <translation>sources.files.root zum Arbeitsbereichsprofil hinzufügen</translation>
    </message>
    <message>
        <source>add sources.redis.url to the workspace profile</source>
        <translation>sources.redis.url zum Arbeitsbereichsprofil hinzufügen</translation>
    </message>
    <message>
        <source>add sources.s3.endpoint and sources.s3.bucket to the workspace profile</source>
        <translation>sources.s3.endpoint und sources.s3.bucket zum Arbeitsbereichsprofil hinzufügen</translation>
    </message>
    <message>
        <source>add sources.memory.url to the workspace profile</source>
        <translation>sources.memory.url zum Arbeitsbereichsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Cache check</source>
        <translation>Cache-Prüfung</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>%1 could not be checked</source>
        <translation>%1 konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>nothing here</source>
        <translation>nichts vorhanden</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>not configured — %1</source>
        <translation>nicht konfiguriert — %1</translation>
    </message>
    <message>
        <source>could not check: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Total storage footprint: nothing measured yet</source>
        <translation>Gesamter Speicherbedarf: noch nichts gemessen</translation>
    </message>
    <message>
        <source>Total storage footprint: %1 in 1 backend</source>
        <translation>Gesamter Speicherbedarf: %1 in 1 Backend</translation>
    </message>
    <message>
        <source>Total storage footprint: %1 in %2 backends</source>
        <translation>Gesamter Speicherbedarf: %1 in %2 Backends</translation>
    </message>
    <message>
        <source> (so far; still checking)</source>
        <translation> (bisher; Prüfung läuft noch)</translation>
    </message>
    <message>
        <source>the cached result is the same as the database row</source>
        <translation>das zwischengespeicherte Ergebnis stimmt mit der Datenbankzeile überein</translation>
    </message>
    <message>
        <source>the cached result differs from the database row:</source>
        <translation>das zwischengespeicherte Ergebnis weicht von der Datenbankzeile ab:</translation>
    </message>
    <message>
        <source>not available — %1</source>
        <translation>nicht verfügbar — %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>checking %n more backend(s)…</source>
        <translation>
            <numerusform>%n weiteres Backend wird geprüft…</numerusform>
            <numerusform>%n weitere Backends werden geprüft…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::LiveEvent</name>
    <message>
        <source>events table</source>
        <translation>Ereignistabelle</translation>
    </message>
    <message>
        <source>history</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infrastruktur</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Unparseable</source>
        <translation>Nicht auswertbar</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveEventFilterBar</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Show %1 events</source>
        <translation>Ereignisse der Kategorie „%1“ anzeigen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Part of the event type, e.g. evaluation. or security.</source>
        <translation>Teil des Ereignistyps, z. B. evaluation. oder security.</translation>
    </message>
    <message>
        <source>Evaluation id</source>
        <translation>Evaluations-ID</translation>
    </message>
    <message>
        <source>Search events…</source>
        <translation>Ereignisse durchsuchen…</translation>
    </message>
    <message>
        <source>Text anywhere in the type, evaluation id, category, severity or data</source>
        <translation>Text irgendwo in Typ, Evaluations-ID, Kategorie, Schweregrad oder Daten</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Wieder alle Ereignisse anzeigen</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveEventHub</name>
    <message>
        <source>This workspace has no events table to read older events from</source>
        <translation>Dieser Arbeitsbereich hat keine Ereignistabelle, aus der ältere Ereignisse gelesen werden können</translation>
    </message>
    <message>
        <source>Events table unreachable — retrying in %1 s: %2</source>
        <translation>Ereignistabelle nicht erreichbar — neuer Versuch in %1 s: %2</translation>
    </message>
    <message>
        <source>PostgreSQL disconnected — retrying in %1 s: %2</source>
        <translation>PostgreSQL-Verbindung getrennt — neuer Versuch in %1 s: %2</translation>
    </message>
    <message>
        <source>Redis disconnected — retrying in %1 s: %2</source>
        <translation>Redis-Verbindung getrennt — neuer Versuch in %1 s: %2</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>Keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis unter %1: %2</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveEventModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The event&apos;s clock says %1 but it arrived at %2 (%3 %4). The timeline places it at its arrival time.</source>
        <translation>Die Uhr des Ereignisses zeigt %1, es ist aber um %2 eingetroffen (%3 %4). Die Zeitleiste zeigt es zum Zeitpunkt seines Eintreffens.</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>voraus</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>zurück</translation>
    </message>
    <message>
        <source>The event has no usable timestamp; it is shown at the time it arrived.</source>
        <translation>Das Ereignis hat keinen verwertbaren Zeitstempel; es wird zum Zeitpunkt seines Eintreffens angezeigt.</translation>
    </message>
    <message>
        <source>(only the first %1 of %2 were kept)</source>
        <translation>(nur die ersten %1 von %2 wurden behalten)</translation>
    </message>
    <message>
        <source>This message could not be read: %1</source>
        <translation>Diese Nachricht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Unknown category &quot;%1&quot;</source>
        <translation>Unbekannte Kategorie „%1“</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveEventsView</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Hold the view still; events keep being collected (Space)</source>
        <translation>Ansicht anhalten; Ereignisse werden weiter gesammelt (Space)</translation>
    </message>
    <message>
        <source>Resume and jump to the newest events</source>
        <translation>Fortsetzen und zu den neuesten Ereignissen springen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep now at the right edge and the newest event in view (End)</source>
        <translation>Den aktuellen Zeitpunkt am rechten Rand und das neueste Ereignis im Blick behalten (End)</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Ältere laden</translation>
    </message>
    <message>
        <source>Read the %1 events before the oldest one shown from the events table</source>
        <translation>Die %1 Ereignisse vor dem ältesten angezeigten aus der Ereignistabelle lesen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neue</translation>
    </message>
    <message>
        <source>Loading older events…</source>
        <translation>Ältere Ereignisse werden geladen…</translation>
    </message>
    <message>
        <source>Could not load older events: %1</source>
        <translation>Ältere Ereignisse konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 older events loaded; that is the beginning of the events table</source>
        <translation>%1 ältere Ereignisse geladen; das ist der Anfang der Ereignistabelle</translation>
    </message>
    <message>
        <source>%1 older events loaded</source>
        <translation>%1 ältere Ereignisse geladen</translation>
    </message>
    <message>
        <source>No older events</source>
        <translation>Keine älteren Ereignisse</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>wird verbunden…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>neuer Versuch</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No live source in this workspace</source>
        <translation>Keine Live-Quelle in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1: %2 messages received</source>
        <translation>%1: %2 Nachrichten empfangen</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 duplicates</source>
        <translation>%1 Duplikate</translation>
    </message>
    <message>
        <source>%1 unparseable</source>
        <translation>%1 nicht auswertbar</translation>
    </message>
    <message>
        <source>%1 buffered</source>
        <translation>%1 gepuffert</translation>
    </message>
    <message>
        <source>%1 dropped from the buffer</source>
        <translation>%1 aus dem Puffer verworfen</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>This workspace has no live source.

Add sources.redis.url (events are read from the channels in live.redis_channels), or a relational store with an events table, to the workspace profile.</source>
        <translation>Dieser Arbeitsbereich hat keine Live-Quelle.

Fügen Sie dem Arbeitsbereichsprofil sources.redis.url hinzu (Ereignisse werden aus den Kanälen in live.redis_channels gelesen) oder eine relationale Datenbank mit einer Ereignistabelle.</translation>
    </message>
    <message>
        <source>Waiting for events.

Listening to:
%1

Events appear here as the platform publishes them: one JSON event per message, with id, type, category, severity, ts, evaluation_id and data.</source>
        <translation>Warten auf Ereignisse.

Überwachte Quellen:
%1

Ereignisse erscheinen hier, sobald die Plattform sie veröffentlicht: ein JSON-Ereignis pro Nachricht, mit id, type, category, severity, ts, evaluation_id und data.</translation>
    </message>
    <message>
        <source>No event matches the filter.</source>
        <translation>Kein Ereignis entspricht dem Filter.</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveRateChart</name>
    <message>
        <source>Events/s</source>
        <translation>Ereignisse/s</translation>
    </message>
    <message numerus="yes">
        <source>last %n min</source>
        <translation>
            <numerusform>letzte %n min</numerusform>
            <numerusform>letzte %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>letzte %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>Sightline::LiveTimeline</name>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>No events in this time range</source>
        <translation>Keine Ereignisse in diesem Zeitraum</translation>
    </message>
    <message>
        <source>No matching events in this time range</source>
        <translation>Keine passenden Ereignisse in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1 gap</source>
        <translation>Lücke (%1)</translation>
    </message>
    <message>
        <source>%1 disconnected</source>
        <translation>%1 getrennt</translation>
    </message>
</context>
<context>
    <name>Sightline::MainWindow</name>
    <message>
        <source>Sightline</source>
        <translation>Sightline</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Open a workspace profile to browse its evaluations.</source>
        <translation>Öffnen Sie ein Arbeitsbereichsprofil, um dessen Evaluationen zu durchsuchen.</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Preparing the workspace</source>
        <translation>Arbeitsbereich wird vorbereitet</translation>
    </message>
    <message>
        <source>Preparation progress</source>
        <translation>Vorbereitungsfortschritt</translation>
    </message>
    <message>
        <source>The workspace could not be opened</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Open another workspace…</source>
        <translation>&amp;Anderen Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluationen</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Recent Workspaces</source>
        <translation>&amp;Zuletzt verwendete Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Edit Workspace…</source>
        <translation>Arbeitsbereich b&amp;earbeiten…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Evaluations</source>
        <translation>&amp;Evaluationen</translation>
    </message>
    <message>
        <source>&amp;Storage Explorer</source>
        <translation>&amp;Speicher-Explorer</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>&amp;Cards</source>
        <translation>&amp;Karten</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;About Sightline</source>
        <translation>Ü&amp;ber Sightline</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Could not load evaluations — see the message above</source>
        <translation>Evaluationen konnten nicht geladen werden — siehe Meldung oben</translation>
    </message>
    <message>
        <source>Sightline — %1</source>
        <translation>Sightline — %1</translation>
    </message>
    <message>
        <source>Untitled workspace</source>
        <translation>Unbenannter Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace profile: %1</source>
        <translation>Arbeitsbereichsprofil: %1</translation>
    </message>
    <message>
        <source>About Sightline</source>
        <translation>Über Sightline</translation>
    </message>
    <message>
        <source>Open workspace profile</source>
        <translation>Arbeitsbereichsprofil öffnen</translation>
    </message>
    <message>
        <source>Workspace profiles (*.json);;All files (*)</source>
        <translation>Arbeitsbereichsprofile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The demo workspace is generated; it has no profile to edit</source>
        <translation>Der Demo-Arbeitsbereich wird generiert; er hat kein Profil zum Bearbeiten</translation>
    </message>
    <message>
        <source>Workspace profile, %1 warnings:
%2</source>
        <translation>Arbeitsbereichsprofil, %1 Warnungen:
%2</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>The file is no longer there</source>
        <translation>Die Datei ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt verwendeten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;A workbench for researchers who run AI evaluations: where everything about an evaluation lives, what is happening now, and what the infrastructure did while it ran.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%4&quot;&gt;Documentation&lt;/a&gt; · Help → Keyboard Shortcuts lists every shortcut.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Forschende, die KI-Evaluationen ausführen: wo alles zu einer Evaluation liegt, was gerade geschieht und was die Infrastruktur während ihrer Ausführung getan hat.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%4&quot;&gt;Dokumentation&lt;/a&gt; · Hilfe → Tastenkürzel listet alle Tastenkürzel auf.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>Main window: %1</source>
        <translation>Hauptfenster: %1</translation>
    </message>
    <message>
        <source>Evaluation window</source>
        <translation>Evaluationsfenster</translation>
    </message>
    <message>
        <source>Another link arrived before this one could be opened.</source>
        <translation>Ein weiterer Link ist eingetroffen, bevor dieser geöffnet werden konnte.</translation>
    </message>
    <message>
        <source>No workspace is open to look up evaluation %1 in: open one with File → Open Workspace… first.</source>
        <translation>Es ist kein Arbeitsbereich geöffnet, in dem Evaluation %1 gesucht werden kann: Öffnen Sie zuerst einen mit Datei → Arbeitsbereich öffnen….</translation>
    </message>
    <message>
        <source>Sightline does not know the workspace “%1”: open it once with File → Open Workspace…, then its links open here.</source>
        <translation>Sightline kennt den Arbeitsbereich „%1“ nicht: Öffnen Sie ihn einmal mit Datei → Arbeitsbereich öffnen…, danach öffnen sich seine Links hier.</translation>
    </message>
    <message>
        <source>No workspace could be opened: %1</source>
        <translation>Es konnte kein Arbeitsbereich geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The workspace “%1” could not be opened: %2</source>
        <translation>Der Arbeitsbereich „%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>No workspace is open to look up evaluation %1 in.</source>
        <translation>Es ist kein Arbeitsbereich geöffnet, in dem Evaluation %1 gesucht werden kann.</translation>
    </message>
    <message>
        <source>Opened evaluation %1 in workspace %2</source>
        <translation>Evaluation %1 im Arbeitsbereich %2 geöffnet</translation>
    </message>
    <message>
        <source>Workspace %1 has no evaluation %2.</source>
        <translation>Der Arbeitsbereich %1 enthält keine Evaluation %2.</translation>
    </message>
    <message>
        <source>Evaluation %1 could not be loaded: %2</source>
        <translation>Evaluation %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>its window was closed before it had loaded</source>
        <translation>Ihr Fenster wurde geschlossen, bevor sie geladen war</translation>
    </message>
    <message>
        <source>another workspace (“%1”) was opened meanwhile</source>
        <translation>inzwischen wurde ein anderer Arbeitsbereich („%1“) geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new evaluation(s) — press F5 to refresh</source>
        <translation>
            <numerusform>%Ln neue Evaluation — zum Aktualisieren F5 drücken</numerusform>
            <numerusform>%Ln neue Evaluationen — zum Aktualisieren F5 drücken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::MemorySource</name>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlzugriffe</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>Verdrängungen</translation>
    </message>
    <message>
        <source>Cache listing</source>
        <translation>Cache-Auflistung</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>Alter %1</translation>
    </message>
    <message>
        <source>%1 is no longer in the cache</source>
        <translation>%1 ist nicht mehr im Cache</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&quot;%1.%2&quot; is %3, expected a number</source>
        <translation>„%1.%2“ ist %3, erwartet wurde eine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1.%2&quot; is %3, expected a whole number &gt;= 0</source>
        <translation>„%1.%2“ ist %3, erwartet wurde eine ganze Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>&quot;%1.%2&quot; is %3, expected a number of seconds &gt;= 0</source>
        <translation>„%1.%2“ ist %3, erwartet wurde eine Anzahl Sekunden &gt;= 0</translation>
    </message>
    <message>
        <source>&quot;%1.%2&quot; is %3, expected a string</source>
        <translation>„%1.%2“ ist %3, erwartet wurde eine Zeichenkette</translation>
    </message>
    <message>
        <source>the answer is not JSON: %1 at byte %2 (it starts with &quot;%3&quot;)</source>
        <translation>Die Antwort ist kein JSON: %1 bei Byte %2 (sie beginnt mit „%3“)</translation>
    </message>
    <message>
        <source>the answer is a JSON %1, expected an object with &quot;entries&quot; and &quot;stats&quot;</source>
        <translation>Die Antwort ist ein JSON-%1, erwartet wurde ein Objekt mit „entries“ und „stats“</translation>
    </message>
    <message>
        <source>the answer has no &quot;%1&quot; member</source>
        <translation>Die Antwort hat kein Element „%1“</translation>
    </message>
    <message>
        <source>&quot;entries&quot; is %1, expected an array</source>
        <translation>„entries“ ist %1, erwartet wurde ein Array</translation>
    </message>
    <message>
        <source>&quot;stats&quot; is %1, expected an object</source>
        <translation>„stats“ ist %1, erwartet wurde ein Objekt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, expected an object</source>
        <translation>„%1“ ist %2, erwartet wurde ein Objekt</translation>
    </message>
    <message>
        <source>GET %1: no CA certificate could be read from %2</source>
        <translation>GET %1: Aus %2 konnte kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>GET %1: the answer is larger than %2 MB; not read</source>
        <translation>GET %1: Die Antwort ist größer als %2 MB; nicht gelesen</translation>
    </message>
    <message>
        <source>GET %1: no answer within %2 s</source>
        <translation>GET %1: Keine Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>GET %1: the connection closed before the whole answer arrived (%2 bytes read)</source>
        <translation>GET %1: Die Verbindung wurde geschlossen, bevor die ganze Antwort eintraf (%2 Bytes gelesen)</translation>
    </message>
</context>
<context>
    <name>Sightline::MetricCard</name>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Run this panel&apos;s query again</source>
        <translation>Abfrage dieses Panels erneut ausführen</translation>
    </message>
    <message>
        <source>Open in Prometheus</source>
        <translation>In Prometheus öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy the Prometheus link of this chart</source>
        <translation>Prometheus-Link dieses Diagramms kopieren</translation>
    </message>
    <message>
        <source>Prometheus answered with an error:
%1</source>
        <translation>Prometheus hat mit einem Fehler geantwortet:
%1</translation>
    </message>
    <message>
        <source>Cannot reach Prometheus at %1:
%2</source>
        <translation>Prometheus unter %1 ist nicht erreichbar:
%2</translation>
    </message>
    <message>
        <source>Prometheus at %1 did not answer in time:
%2</source>
        <translation>Prometheus unter %1 hat nicht rechtzeitig geantwortet:
%2</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2:
%3</source>
        <translation>Prometheus unter %1 hat mit HTTP %2 geantwortet:
%3</translation>
    </message>
    <message>
        <source>Prometheus at %1 sent an answer Sightline cannot read:
%2</source>
        <translation>Prometheus unter %1 hat eine Antwort gesendet, die Sightline nicht lesen kann:
%2</translation>
    </message>
    <message>
        <source>The answer from Prometheus is too large:
%1</source>
        <translation>Die Antwort von Prometheus ist zu groß:
%1</translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation>Die Abfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>This panel needs ${%1}, which evaluation %2 does not have.</source>
        <translation>Dieses Panel benötigt ${%1}, was für Evaluation %2 nicht vorhanden ist.</translation>
    </message>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
</context>
<context>
    <name>Sightline::MetricChart</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>No finite samples: every value is NaN or ±Inf.</source>
        <translation>Keine endlichen Messwerte: Jeder Wert ist NaN oder ±Inf.</translation>
    </message>
    <message>
        <source>NaN samples are drawn as gaps.</source>
        <translation>NaN-Messwerte werden als Lücken dargestellt.</translation>
    </message>
    <message>
        <source>±Inf samples are drawn at the edge of the value axis.</source>
        <translation>±Inf-Messwerte werden am Rand der Werteachse dargestellt.</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation>%1 (Ortszeit)</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>hours since start</source>
        <translation>Stunden seit Start</translation>
    </message>
    <message>
        <source>minutes since start</source>
        <translation>Minuten seit Start</translation>
    </message>
    <message>
        <source>seconds since start</source>
        <translation>Sekunden seit Start</translation>
    </message>
</context>
<context>
    <name>Sightline::MetricsExposer</name>
    <message>
        <source>Serving Sightline&apos;s metrics at %1</source>
        <translation>Sightlines Metriken werden unter %1 bereitgestellt</translation>
    </message>
    <message>
        <source>--metrics-listen expects HOST:PORT (for example 127.0.0.1:9464), not &quot;%1&quot;</source>
        <translation>--metrics-listen erwartet HOST:PORT (zum Beispiel 127.0.0.1:9464), nicht „%1“</translation>
    </message>
    <message>
        <source>--metrics-listen: &quot;%1&quot; is not a port (0–65535; 0 picks a free one)</source>
        <translation>--metrics-listen: „%1“ ist kein Port (0–65535; 0 wählt einen freien)</translation>
    </message>
    <message>
        <source>--metrics-listen: &quot;%1&quot; is not an IPv4 address, a bracketed IPv6 address ([::1]) or localhost</source>
        <translation>--metrics-listen: „%1“ ist weder eine IPv4-Adresse noch eine IPv6-Adresse in eckigen Klammern ([::1]) noch localhost</translation>
    </message>
    <message>
        <source>cannot serve metrics at %1: the address is in use or not available here (%2)</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: Die Adresse ist belegt oder hier nicht verfügbar (%2)</translation>
    </message>
    <message>
        <source>cannot serve metrics at %1: no port is listening</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: Es lauscht kein Port</translation>
    </message>
</context>
<context>
    <name>Sightline::MetricsView</name>
    <message>
        <source>&lt;h3&gt;No Prometheus in this workspace&lt;/h3&gt;&lt;p&gt;The Metrics view queries the Prometheus your platform&apos;s exporters report to.&lt;br&gt;Add its address to the workspace profile&apos;s &lt;code&gt;sources&lt;/code&gt;:&lt;/p&gt;&lt;pre&gt;&quot;prometheus&quot;: {&quot;url&quot;: &quot;http://prometheus.internal:9090&quot;}&lt;/pre&gt;&lt;p&gt;A bearer token comes from &lt;code&gt;SIGHTLINE_PROMETHEUS_TOKEN&lt;/code&gt;, a basic-auth password from &lt;code&gt;SIGHTLINE_PROMETHEUS_PASSWORD&lt;/code&gt; (the user name goes in the URL), never from the file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Prometheus in diesem Arbeitsbereich&lt;/h3&gt;&lt;p&gt;Die Ansicht „Metriken“ fragt den Prometheus-Server ab, an den die Exporter Ihrer Plattform melden.&lt;br&gt;Fügen Sie seine Adresse unter &lt;code&gt;sources&lt;/code&gt; im Arbeitsbereichsprofil hinzu:&lt;/p&gt;&lt;pre&gt;&quot;prometheus&quot;: {&quot;url&quot;: &quot;http://prometheus.internal:9090&quot;}&lt;/pre&gt;&lt;p&gt;Ein Bearer-Token kommt aus &lt;code&gt;SIGHTLINE_PROMETHEUS_TOKEN&lt;/code&gt;, ein Basic-Auth-Passwort aus &lt;code&gt;SIGHTLINE_PROMETHEUS_PASSWORD&lt;/code&gt; (der Benutzername steht in der URL), niemals aus der Datei.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>PromQL, e.g. rate(container_cpu_usage_seconds_total[1m]) — Enter runs, Up/Down walk the history</source>
        <translation>PromQL, z. B. rate(container_cpu_usage_seconds_total[1m]) — Enter führt aus, Up/Down blättern im Verlauf</translation>
    </message>
    <message>
        <source>PromQL query</source>
        <translation>PromQL-Abfrage</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the query over the time range (Enter)</source>
        <translation>Abfrage über den Zeitraum ausführen (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running query (Esc)</source>
        <translation>Laufende Abfrage abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Type a PromQL expression and press Enter.</source>
        <translation>Geben Sie einen PromQL-Ausdruck ein und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The time range is empty: “from” must be before “to”.</source>
        <translation>Der Zeitraum ist leer: „Von“ muss vor „Bis“ liegen.</translation>
    </message>
    <message>
        <source>0.0 s</source>
        <translation>0,0 s</translation>
    </message>
    <message>
        <source>Running over %1 – %2, step %3 s…</source>
        <translation>Wird ausgeführt über %1 – %2, Schrittweite %3 s…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No data: Prometheus has no samples for %1 in this range.</source>
        <translation>Keine Daten: Prometheus hat keine Messwerte für %1 in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1 series · %2 points · %3 s</source>
        <translation>%1 Zeitreihen · %2 Punkte · %3 s</translation>
    </message>
    <message>
        <source> · the table shows the first %1 rows</source>
        <translation> · die Tabelle zeigt die ersten %1 Zeilen</translation>
    </message>
    <message>
        <source>Prometheus warns: %1</source>
        <translation>Prometheus warnt: %1</translation>
    </message>
</context>
<context>
    <name>Sightline::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Takes effect when Sightline restarts.</source>
        <translation>Wirksam nach einem Neustart von Sightline.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>Jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
</context>
<context>
    <name>Sightline::PromSeriesTableModel</name>
    <message>
        <source>Series</source>
        <translation>Zeitreihe</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Sightline::PrometheusClient</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: no CA certificate could be read from %2</source>
        <translation>%1: Aus %2 konnte kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>%1: no complete answer within %2 s (%3 bytes arrived)</source>
        <translation>%1: Keine vollständige Antwort innerhalb von %2 s (%3 Bytes empfangen)</translation>
    </message>
    <message>
        <source>%1: the answer is larger than %2; not read</source>
        <translation>%1: Die Antwort ist größer als %2; nicht gelesen</translation>
    </message>
    <message>
        <source>%1: the connection closed before the whole answer arrived (%2 bytes read)</source>
        <translation>%1: Die Verbindung wurde geschlossen, bevor die ganze Antwort eintraf (%2 Bytes gelesen)</translation>
    </message>
    <message>
        <source>%1: no HTTP answer</source>
        <translation>%1: Keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>Die Antwort ist leer</translation>
    </message>
    <message>
        <source>Prometheus answered with an error and no message</source>
        <translation>Prometheus hat mit einem Fehler ohne Meldung geantwortet</translation>
    </message>
    <message>
        <source>the answer ends early, after %1 bytes%2</source>
        <translation>Die Antwort endet vorzeitig, nach %1 Bytes%2</translation>
    </message>
</context>
<context>
    <name>Sightline::PrometheusHealthPane</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>Letzter Abruf</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Prometheus targets</source>
        <translation>Prometheus-Ziele</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Prometheus alerts</source>
        <translation>Prometheus-Alarme</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alarme: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>, %1 down</source>
        <translation>, %1 ausgefallen</translation>
    </message>
    <message>
        <source>Targets — %1 · updated %2</source>
        <translation>Ziele — %1 · aktualisiert %2</translation>
    </message>
    <message>
        <source>, %1 pending</source>
        <translation>, %1 ausstehend</translation>
    </message>
    <message>
        <source>Alerts — %1</source>
        <translation>Alarme — %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln target(s)</source>
        <translation>
            <numerusform>%Ln Ziel</numerusform>
            <numerusform>%Ln Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln firing</source>
        <translation>
            <numerusform>%Ln ausgelöst</numerusform>
            <numerusform>%Ln ausgelöst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sightline::RedisConnection</name>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>A Redis URL starts with redis:// or rediss://, not &quot;%1:&quot;</source>
        <translation>Eine Redis-URL beginnt mit redis:// oder rediss://, nicht mit „%1:“</translation>
    </message>
    <message>
        <source>The Redis URL names no host</source>
        <translation>Die Redis-URL nennt keinen Host</translation>
    </message>
    <message>
        <source>Port %1 is out of range</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; in the URL is not a number &gt;= 0</source>
        <translation>Die Datenbank „%1“ in der URL ist keine Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>timeout=%1 is not a positive number of seconds</source>
        <translation>timeout=%1 ist keine positive Anzahl Sekunden</translation>
    </message>
    <message>
        <source>db=%1 is not a number &gt;= 0</source>
        <translation>db=%1 ist keine Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>Malformed RESP reply at byte %1: %2</source>
        <translation>Fehlerhafte RESP-Antwort bei Byte %1: %2</translation>
    </message>
</context>
<context>
    <name>Sightline::RedisPreview</name>
    <message>
        <source>Invalid continuation &quot;%1&quot;</source>
        <translation>Ungültige Fortsetzung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>member</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>%1 sent an unexpected reply</source>
        <translation>%1 hat eine unerwartete Antwort gesendet</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>The key %1 no longer exists</source>
        <translation>Der Schlüssel %1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>Sightline cannot preview Redis values of type %1</source>
        <translation>Sightline kann für Redis-Werte vom Typ %1 keine Vorschau anzeigen</translation>
    </message>
</context>
<context>
    <name>Sightline::RedisSource</name>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Used memory</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <source>Connected clients</source>
        <translation>Verbundene Clients</translation>
    </message>
    <message>
        <source>Keyspace hits / misses</source>
        <translation>Keyspace-Treffer / -Fehlzugriffe</translation>
    </message>
    <message>
        <source>Evicted keys</source>
        <translation>Verdrängte Schlüssel</translation>
    </message>
    <message>
        <source>Keyspace %1</source>
        <translation>Keyspace %1</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>This namespace no longer has keys</source>
        <translation>Dieser Namensraum enthält keine Schlüssel mehr</translation>
    </message>
    <message>
        <source>Invalid continuation &quot;%1&quot;</source>
        <translation>Ungültige Fortsetzung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Only keys have a preview</source>
        <translation>Nur Schlüssel haben eine Vorschau</translation>
    </message>
    <message>
        <source>Scanning keys</source>
        <translation>Schlüssel werden durchsucht</translation>
    </message>
    <message>
        <source>Connection lost after %1 of %2 keys — Retry (%3)</source>
        <translation>Verbindung nach %1 von %2 Schlüsseln verloren — Wiederholen (%3)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>SCAN sent an unexpected reply</source>
        <translation>SCAN lieferte eine unerwartete Antwort</translation>
    </message>
</context>
<context>
    <name>Sightline::Report</name>
    <message>
        <source>No creation time: no timeline.</source>
        <translation>Keine Erstellungszeit: keine Zeitleiste.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>Fensterbeginn</translation>
    </message>
    <message>
        <source>No evaluation has a duration yet.</source>
        <translation>Noch keine Evaluation hat eine Dauer.</translation>
    </message>
    <message>
        <source>duration (%1 evaluations)</source>
        <translation>Dauer (%1 Evaluationen)</translation>
    </message>
    <message>
        <source>The workspace has no relational store (sources.postgres or sources.sqlite): there are no evaluations to report on.</source>
        <translation>Der Arbeitsbereich hat keinen relationalen Speicher (sources.postgres oder sources.sqlite): Es gibt keine Evaluationen für einen Bericht.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Relational store</source>
        <translation>Relationaler Speicher</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>metadata, %1 events</source>
        <translation>Metadaten, %1 Ereignisse</translation>
    </message>
    <message>
        <source>No Prometheus is configured (sources.prometheus.url): this report has no infrastructure metrics.</source>
        <translation>Kein Prometheus konfiguriert (sources.prometheus.url): Dieser Bericht enthält keine Infrastrukturmetriken.</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
    <message>
        <source>No series: Prometheus has no data for this query in the evaluation&apos;s window.</source>
        <translation>Keine Zeitreihen: Prometheus hat für diese Abfrage keine Daten im Zeitfenster der Evaluation.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read evaluation %1 from %2: %3</source>
        <translation>Evaluation %1 kann nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>There is no evaluation %1 in %2.</source>
        <translation>In %2 gibt es keine Evaluation %1.</translation>
    </message>
    <message>
        <source>Asking where %1 lives…</source>
        <translation>Speicherorte von %1 werden ermittelt…</translation>
    </message>
    <message>
        <source>Reading metrics of %1…</source>
        <translation>Metriken von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Metrics were not requested.</source>
        <translation>Metriken wurden nicht angefordert.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 events not listed</source>
        <translation>%1: %2 von %3 Ereignissen nicht aufgeführt</translation>
    </message>
    <message>
        <source>%1 of %2 matching evaluations not read (a batch report reads at most %3)</source>
        <translation>%1 von %2 passenden Evaluationen nicht gelesen (ein Batch-Bericht liest höchstens %3)</translation>
    </message>
    <message>
        <source>Reading evaluations %1 of %2…</source>
        <translation>Evaluationen werden gelesen: %1 von %2…</translation>
    </message>
    <message>
        <source>Cannot read evaluations from %1: %2</source>
        <translation>Evaluationen können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Counting evaluations…</source>
        <translation>Evaluationen werden gezählt…</translation>
    </message>
    <message>
        <source>Cannot count evaluations in %1: %2</source>
        <translation>Evaluationen in %1 können nicht gezählt werden: %2</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird abgefragt…</translation>
    </message>
    <message>
        <source>An evaluation report needs at least one evaluation id.</source>
        <translation>Ein Evaluationsbericht erfordert mindestens eine Evaluations-ID.</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>Gelesen aus</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Weggelassen: %1.</translation>
    </message>
    <message>
        <source>Evaluation %1</source>
        <translation>Evaluation %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>inline, %1 characters</source>
        <translation>inline, %1 Zeichen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Phase timeline</source>
        <translation>Phasen-Zeitleiste</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>Sicherheitsereignisse</translation>
    </message>
    <message>
        <source>No security events.</source>
        <translation>Keine Sicherheitsereignisse.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Resource use and cost</source>
        <translation>Ressourcenverbrauch und Kosten</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 CPU seconds</source>
        <translation>%1 CPU-Sekunden</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1 MB·s</source>
        <translation>%1 MB·s</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>This evaluation has no events.</source>
        <translation>Diese Evaluation hat keine Ereignisse.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>%1 of %2 events are not listed: this report lists the first %3.</source>
        <translation>%1 von %2 Ereignissen sind nicht aufgeführt: Dieser Bericht führt die ersten %3 auf.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluationen</translation>
    </message>
    <message>
        <source>%1 matched, %2 in this report</source>
        <translation>%1 passend, %2 in diesem Bericht</translation>
    </message>
    <message>
        <source>Total estimated cost</source>
        <translation>Geschätzte Gesamtkosten</translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation>Durchschnittliche Kosten</translation>
    </message>
    <message>
        <source>Average duration</source>
        <translation>Durchschnittliche Dauer</translation>
    </message>
    <message>
        <source>Status counts</source>
        <translation>Anzahl je Status</translation>
    </message>
    <message>
        <source>Duration histogram</source>
        <translation>Histogramm der Dauer</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>%1 of %2 evaluations are not listed: this report lists the first %3.</source>
        <translation>%1 von %2 Evaluationen sind nicht aufgeführt: Dieser Bericht führt die ersten %3 auf.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Not configured in this workspace: %1.</source>
        <translation>In diesem Arbeitsbereich nicht konfiguriert: %1.</translation>
    </message>
    <message>
        <source>Evaluation report</source>
        <translation>Evaluationsbericht</translation>
    </message>
    <message>
        <source>Batch report</source>
        <translation>Batch-Bericht</translation>
    </message>
    <message>
        <source>Storage report</source>
        <translation>Speicherbericht</translation>
    </message>
    <message>
        <source>now (%1)</source>
        <translation>jetzt (%1)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Seitenlayout wird erstellt…</translation>
    </message>
    <message>
        <source>Cannot start drawing the PDF.</source>
        <translation>Das Zeichnen des PDF kann nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Drawing page %1 of %2…</source>
        <translation>Seite %1 von %2 wird gezeichnet…</translation>
    </message>
    <message>
        <source>Generated %1 by Sightline</source>
        <translation>Erzeugt %1 von Sightline</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>No output file was given.</source>
        <translation>Es wurde keine Ausgabedatei angegeben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Reading from the workspace…</source>
        <translation>Aus dem Arbeitsbereich wird gelesen…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Writing the %1 file…</source>
        <translation>Die %1-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>Written %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; in &quot;%2&quot; (known: %3).</source>
        <translation>Unbekannter Status &quot;%1&quot; in &quot;%2&quot; (bekannt: %3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no status.</source>
        <translation>&quot;%1&quot; nennt keinen Status.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use created&gt;=TIME or created&lt;TIME.</source>
        <translation>&quot;%1&quot;: Verwenden Sie created&gt;=TIME oder created&lt;TIME.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &quot;%2&quot; is not a date (2026-11-01) or an RFC 3339 time.</source>
        <translation>&quot;%1&quot;: &quot;%2&quot; ist weder ein Datum (2026-11-01) noch eine Zeit nach RFC 3339.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names nothing to search for.</source>
        <translation>&quot;%1&quot; nennt nichts, wonach gesucht werden könnte.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: use status:A,B, created&gt;=TIME, created&lt;TIME, batch:ID or plain text.</source>
        <translation>&quot;%1&quot; kann nicht gelesen werden: Verwenden Sie status:A,B, created&gt;=TIME, created&lt;TIME, batch:ID oder einfachen Text.</translation>
    </message>
</context>
<context>
    <name>Sightline::ReportCommand</name>
    <message>
        <source>Writes an evaluation, batch or storage report without a window.</source>
        <translation>Schreibt einen Evaluations-, Batch- oder Speicherbericht ohne Fenster.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Zeigt diese Hilfe an.</translation>
    </message>
    <message>
        <source>The workspace profile (JSON).</source>
        <translation>Das Arbeitsbereichsprofil (JSON).</translation>
    </message>
    <message>
        <source>An evaluation id (repeat, or give more ids after it).</source>
        <translation>Eine Evaluations-ID (wiederholbar, oder weitere IDs danach angeben).</translation>
    </message>
    <message>
        <source>Evaluations to report on: status:A,B created&gt;=TIME created&lt;TIME batch:ID or plain text.</source>
        <translation>Evaluationen für den Bericht: status:A,B created&gt;=TIME created&lt;TIME batch:ID oder einfacher Text.</translation>
    </message>
    <message>
        <source>evaluation, batch or storage (default: evaluation with --evaluation, batch with --filter).</source>
        <translation>evaluation, batch oder storage (Standard: evaluation mit --evaluation, batch mit --filter).</translation>
    </message>
    <message>
        <source>pdf, html, csv or json (default: from the output&apos;s suffix).</source>
        <translation>pdf, html, csv oder json (Standard: aus der Dateiendung der Ausgabe).</translation>
    </message>
    <message>
        <source>a4 or letter (PDF; default a4).</source>
        <translation>a4 oder letter (PDF; Standard: a4).</translation>
    </message>
    <message>
        <source>Events listed per evaluation in PDF and HTML (default 2000).</source>
        <translation>Pro Evaluation aufgeführte Ereignisse in PDF und HTML (Standard: 2000).</translation>
    </message>
    <message>
        <source>Leaves out the Prometheus charts.</source>
        <translation>Lässt die Prometheus-Diagramme weg.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>More evaluation ids.</source>
        <translation>Weitere Evaluations-IDs.</translation>
    </message>
    <message>
        <source>give --workspace FILE</source>
        <translation>--workspace FILE angeben</translation>
    </message>
    <message>
        <source>give -o OUT, the file to write</source>
        <translation>-o OUT angeben, die zu schreibende Datei</translation>
    </message>
    <message>
        <source>give either --evaluation or --filter, not both</source>
        <translation>entweder --evaluation oder --filter angeben, nicht beides</translation>
    </message>
    <message>
        <source>unknown --kind &quot;%1&quot; (evaluation, batch or storage)</source>
        <translation>unbekannter Wert für --kind &quot;%1&quot; (evaluation, batch oder storage)</translation>
    </message>
    <message>
        <source>unknown --format &quot;%1&quot; (pdf, html, csv or json)</source>
        <translation>unbekannter Wert für --format &quot;%1&quot; (pdf, html, csv oder json)</translation>
    </message>
    <message>
        <source>unknown --page-size &quot;%1&quot; (a4 or letter)</source>
        <translation>unbekannter Wert für --page-size &quot;%1&quot; (a4 oder letter)</translation>
    </message>
    <message>
        <source>--max-events needs a number of 0 or more</source>
        <translation>--max-events erwartet eine Zahl ab 0</translation>
    </message>
    <message>
        <source>--filter: %1</source>
        <translation>--filter: %1</translation>
    </message>
    <message>
        <source>an evaluation report needs --evaluation ID</source>
        <translation>ein Evaluationsbericht erfordert --evaluation ID</translation>
    </message>
    <message>
        <source>a batch report needs --evaluation ID ... or --filter EXPR</source>
        <translation>ein Batch-Bericht erfordert --evaluation ID ... oder --filter EXPR</translation>
    </message>
    <message>
        <source>, %1 pages</source>
        <translation>, %1 Seiten</translation>
    </message>
</context>
<context>
    <name>Sightline::S3Source</name>
    <message>
        <source>the S3 endpoint &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>Der S3-Endpunkt „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>no S3 bucket given</source>
        <translation>Kein S3-Bucket angegeben</translation>
    </message>
    <message>
        <source>no CA certificate could be read from %1</source>
        <translation>Aus %1 konnte kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>%1 did not answer within %2</source>
        <translation>%1 hat nicht innerhalb von %2 geantwortet</translation>
    </message>
    <message>
        <source>%1 sent more than %2 MB for one request</source>
        <translation>%1 hat für eine Anfrage mehr als %2 MB gesendet</translation>
    </message>
    <message>
        <source>%1 did not send an HTTP response</source>
        <translation>%1 hat keine HTTP-Antwort gesendet</translation>
    </message>
    <message>
        <source>not a byte offset: &quot;%1&quot;</source>
        <translation>Kein Byte-Offset: „%1“</translation>
    </message>
    <message>
        <source>malformed S3 listing: the response body is empty</source>
        <translation>Fehlerhafte S3-Auflistung: Der Antworttext ist leer</translation>
    </message>
    <message>
        <source>malformed S3 listing: an object without a &lt;Key&gt;</source>
        <translation>Fehlerhafte S3-Auflistung: ein Objekt ohne &lt;Key&gt;</translation>
    </message>
    <message>
        <source>malformed S3 listing: object &quot;%1&quot; has size &quot;%2&quot;</source>
        <translation>Fehlerhafte S3-Auflistung: Objekt „%1“ hat die Größe „%2“</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Addressing</source>
        <translation>Adressierung</translation>
    </message>
    <message>
        <source>path-style</source>
        <translation>Pfad-Stil</translation>
    </message>
    <message>
        <source>virtual-host</source>
        <translation>virtueller Host</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Listing objects</source>
        <translation>Objekte werden aufgelistet</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>counted the first %1 objects</source>
        <translation>die ersten %1 Objekte gezählt</translation>
    </message>
</context>
<context>
    <name>Sightline::SecretPrompt</name>
    <message>
        <source>Secret needed</source>
        <translation>Zugangsdaten erforderlich</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>The %1 for %2 of workspace %3 is no longer in the keychain.

Enter it to connect, or skip: %2 is then opened without it.</source>
        <translation>Der Eintrag „%1 für %2“ des Arbeitsbereichs %3 ist nicht mehr im Schlüsselbund.

Geben Sie den Wert ein, um die Verbindung herzustellen, oder überspringen Sie diesen Schritt: %2 wird dann ohne ihn geöffnet.</translation>
    </message>
    <message>
        <source>Enter the %1 for %2 of workspace %3.</source>
        <translation>Geben Sie die Zugangsdaten (%1) für %2 des Arbeitsbereichs %3 ein.</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Verwenden</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The secret is kept in memory only, until Sightline quits.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Die Zugangsdaten werden nur im Arbeitsspeicher gehalten, bis Sightline beendet wird.</translation>
    </message>
    <message>
        <source>As you chose, secrets are kept in memory only, until Sightline quits.</source>
        <translation>Wie von Ihnen gewählt, werden Zugangsdaten nur im Arbeitsspeicher gehalten, bis Sightline beendet wird.</translation>
    </message>
</context>
<context>
    <name>Sightline::SecretStore</name>
    <message>
        <source>the keychain entry &quot;%1&quot; is not a secret Sightline can read</source>
        <translation>der Schlüsselbund-Eintrag „%1“ enthält keine Zugangsdaten, die Sightline lesen kann</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s (is it locked, waiting for a password prompt?).</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet (ist er gesperrt und wartet auf eine Passwortabfrage?).</translation>
    </message>
    <message>
        <source>No keychain is available (no Secret Service on this desktop): %1</source>
        <translation>Kein Schlüsselbund verfügbar (kein Secret Service auf diesem Desktop): %1</translation>
    </message>
    <message>
        <source>No keychain is available (no D-Bus session bus): %1</source>
        <translation>Kein Schlüsselbund verfügbar (kein D-Bus-Session-Bus): %1</translation>
    </message>
    <message>
        <source>The keychain refused to %1 &quot;%2&quot; (locked, or access denied): %3</source>
        <translation>Der Schlüsselbund hat es abgelehnt, „%2“ zu %1 (gesperrt oder Zugriff verweigert): %3</translation>
    </message>
    <message>
        <source>The keychain could not %1 &quot;%2&quot;: %3</source>
        <translation>Der Schlüsselbund konnte „%2“ nicht %1: %3</translation>
    </message>
    <message>
        <source>The secret stored in the keychain as &quot;%1&quot; is gone (deleted outside Sightline?): enter it again.</source>
        <translation>Die im Schlüsselbund als „%1“ gespeicherten Zugangsdaten sind nicht mehr vorhanden (außerhalb von Sightline gelöscht?): Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>store</source>
        <translation>speichern</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
</context>
<context>
    <name>Sightline::SecurityEventsView</name>
    <message>
        <source>Security events</source>
        <translation>Sicherheitsereignisse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No security events

The sandbox reported nothing for this evaluation: no blocked network attempts, no policy violations.</source>
        <translation>Keine Sicherheitsereignisse

Die Sandbox hat für diese Evaluation nichts gemeldet: keine blockierten Netzwerkzugriffe, keine Richtlinienverstöße.</translation>
    </message>
</context>
<context>
    <name>Sightline::SeedCommand</name>
    <message>
        <source>Instead of seeding, publish live platform events at RATE per second to --redis and/or --postgres (the same id to both), until --publish-count, --publish-seconds or Ctrl+C. Events name the evaluations of --evaluations/--seed (with --postgres: those in its evaluations table).</source>
        <translation>Statt Daten zu erzeugen, RATE Live-Ereignisse der Plattform pro Sekunde an --redis und/oder --postgres veröffentlichen (an beide mit derselben ID), bis --publish-count, --publish-seconds oder Strg+C. Die Ereignisse nennen die Evaluationen von --evaluations/--seed (mit --postgres: die in deren Tabelle evaluations).</translation>
    </message>
    <message>
        <source>With --publish: PUBLISH to the Redis at URL (password from REDISCLI_AUTH).</source>
        <translation>Mit --publish: PUBLISH an das Redis unter URL (Passwort aus REDISCLI_AUTH).</translation>
    </message>
    <message>
        <source>With --publish: the Redis channel (default events).</source>
        <translation>Mit --publish: der Redis-Kanal (Standard: events).</translation>
    </message>
    <message>
        <source>With --publish: the PostgreSQL NOTIFY channel (default sightline_events); rows go to the events table.</source>
        <translation>Mit --publish: der PostgreSQL-NOTIFY-Kanal (Standard: sightline_events); Zeilen gehen in die Tabelle events.</translation>
    </message>
    <message>
        <source>With --publish: stop after S seconds.</source>
        <translation>Mit --publish: nach S Sekunden aufhören.</translation>
    </message>
    <message>
        <source>With --publish: stop after N events.</source>
        <translation>Mit --publish: nach N Ereignissen aufhören.</translation>
    </message>
    <message>
        <source>With --publish to Redis only: the first event id (default: now in ms x 1000).</source>
        <translation>Mit --publish nur an Redis: die erste Ereignis-ID (Standard: jetzt in ms x 1000).</translation>
    </message>
    <message>
        <source>With --publish: this share of messages (e.g. 0.01) is bad input: not JSON, missing fields, unknown category, skewed clock.</source>
        <translation>Mit --publish: dieser Anteil der Nachrichten (z. B. 0.01) ist fehlerhafte Eingabe: kein JSON, fehlende Felder, unbekannte Kategorie, verstellte Uhr.</translation>
    </message>
    <message>
        <source>Fill SQLite, PostgreSQL and/or a files folder with generated evaluation platform data (DESIGN.md §4). The PostgreSQL password is read from PGPASSWORD.</source>
        <translation>SQLite, PostgreSQL und/oder einen Dateiordner mit erzeugten Daten der Evaluationsplattform füllen (DESIGN.md §4). Das PostgreSQL-Passwort wird aus PGPASSWORD gelesen.</translation>
    </message>
    <message>
        <source>Number of evaluations (default 2000).</source>
        <translation>Anzahl der Evaluationen (Standard: 2000).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same data (default 1).</source>
        <translation>Zufalls-Seed; derselbe Seed ergibt dieselben Daten (Standard: 1).</translation>
    </message>
    <message>
        <source>Write a SQLite database to FILE.</source>
        <translation>Eine SQLite-Datenbank nach FILE schreiben.</translation>
    </message>
    <message>
        <source>Write into the PostgreSQL database at URL.</source>
        <translation>In die PostgreSQL-Datenbank unter URL schreiben.</translation>
    </message>
    <message>
        <source>Write large outputs and logs under DIR.</source>
        <translation>Große Ausgaben und Protokolle unter DIR schreiben.</translation>
    </message>
    <message>
        <source>Newest creation time: RFC 3339 or Unix seconds (default now).</source>
        <translation>Jüngste Erstellungszeit: RFC 3339 oder Unix-Sekunden (Standard: jetzt).</translation>
    </message>
    <message>
        <source>Days the evaluations spread over (default 14).</source>
        <translation>Anzahl Tage, über die sich die Evaluationen verteilen (Standard: 14).</translation>
    </message>
    <message>
        <source>Drop and recreate existing tables.</source>
        <translation>Vorhandene Tabellen löschen und neu anlegen.</translation>
    </message>
    <message>
        <source>Write the storage service&apos;s /storage/memory answer for the data to FILE.</source>
        <translation>Die Antwort des Speicherdienstes auf /storage/memory für die Daten nach FILE schreiben.</translation>
    </message>
    <message>
        <source>Upload evaluation artifacts to the S3 endpoint at URL (path-style; keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).</source>
        <translation>Artefakte der Evaluationen zum S3-Endpunkt unter URL hochladen (Pfad-Stil; Schlüssel aus AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).</translation>
    </message>
    <message>
        <source>The S3 bucket for --s3.</source>
        <translation>Der S3-Bucket für --s3.</translation>
    </message>
    <message>
        <source>Upload every Nth evaluation to S3 (default 200; 0 none).</source>
        <translation>Jede N-te Evaluation zu S3 hochladen (Standard: 200; 0 keine).</translation>
    </message>
    <message>
        <source>Also upload N small bench objects to S3.</source>
        <translation>Zusätzlich N kleine Benchmark-Objekte zu S3 hochladen.</translation>
    </message>
    <message>
        <source>Spread the bench objects over P prefixes (1000).</source>
        <translation>Die Benchmark-Objekte auf P Präfixe verteilen (1000).</translation>
    </message>
    <message>
        <source>Write the Redis keys as a RESP stream to FILE, for `redis-cli --pipe &lt; FILE`.</source>
        <translation>Die Redis-Schlüssel als RESP-Strom nach FILE schreiben, für `redis-cli --pipe &lt; FILE`.</translation>
    </message>
    <message>
        <source>With --redis-protocol: N benchmark keys over ten namespaces instead.</source>
        <translation>Mit --redis-protocol: stattdessen N Benchmark-Schlüssel über zehn Namensräume.</translation>
    </message>
    <message>
        <source>Write the platform&apos;s Prometheus history as OpenMetrics text to FILE, for `promtool tsdb create-blocks-from openmetrics FILE DIR`.</source>
        <translation>Den Prometheus-Verlauf der Plattform als OpenMetrics-Text nach FILE schreiben, für `promtool tsdb create-blocks-from openmetrics FILE DIR`.</translation>
    </message>
    <message>
        <source>Container series for every Nth evaluation (default 100; 0 none).</source>
        <translation>Container-Zeitreihen für jede N-te Evaluation (Standard: 100; 0 keine).</translation>
    </message>
    <message>
        <source>Also write S benchmark series of 5760 samples each (default 0).</source>
        <translation>Zusätzlich S Benchmark-Zeitreihen mit je 5760 Messwerten schreiben (Standard: 0).</translation>
    </message>
</context>
<context>
    <name>Sightline::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by action or key…</source>
        <translation>Nach Aktion oder Taste filtern…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Sightline::SightlineLink</name>
    <message>
        <source>Sightline cannot open “%1”: it knows only sightline://evaluation/&lt;id&gt; links.</source>
        <translation>Sightline kann „%1“ nicht öffnen: Es kennt nur Links der Form sightline://evaluation/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>The link “%1” names no evaluation.</source>
        <translation>Der Link „%1“ nennt keine Evaluation.</translation>
    </message>
    <message>
        <source>The link “%1” does not name an evaluation id Sightline knows how to look up.</source>
        <translation>Der Link „%1“ nennt keine Evaluations-ID, die Sightline nachschlagen kann.</translation>
    </message>
</context>
<context>
    <name>Sightline::SingleInstanceClient</name>
    <message>
        <source>The running Sightline did not answer in time.</source>
        <translation>Das laufende Sightline hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the running Sightline broke: %1</source>
        <translation>Die Verbindung zum laufenden Sightline ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>The running Sightline closed the connection without an answer.</source>
        <translation>Das laufende Sightline hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The running Sightline gave an answer that makes no sense.</source>
        <translation>Das laufende Sightline hat eine unverständliche Antwort gegeben.</translation>
    </message>
</context>
<context>
    <name>Sightline::SingleInstanceServer</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is not a folder of this user</source>
        <translation>%1 ist kein Ordner dieses Benutzers</translation>
    </message>
    <message>
        <source>cannot make %1 private</source>
        <translation>%1 kann nicht privat gemacht werden</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>another Sightline is already listening on %1</source>
        <translation>Ein anderes Sightline lauscht bereits auf %1</translation>
    </message>
    <message>
        <source>%1 exists and does not answer</source>
        <translation>%1 existiert und antwortet nicht</translation>
    </message>
    <message>
        <source>no link arrived in time</source>
        <translation>Es ist kein Link rechtzeitig eingetroffen</translation>
    </message>
    <message>
        <source>the message is longer than 64 KB</source>
        <translation>Die Nachricht ist länger als 64 KB</translation>
    </message>
    <message>
        <source>the message is not a JSON object with a &quot;link&quot; string</source>
        <translation>Die Nachricht ist kein JSON-Objekt mit einer Zeichenkette „link“</translation>
    </message>
    <message>
        <source>this Sightline cannot open links</source>
        <translation>Dieses Sightline kann keine Links öffnen</translation>
    </message>
    <message>
        <source>cannot lock %1.lock</source>
        <translation>%1.lock kann nicht gesperrt werden</translation>
    </message>
</context>
<context>
    <name>Sightline::SqlCatalogSource</name>
    <message>
        <source>The name of %1 is not valid UTF-8, so no query can name it; its rows cannot be read.</source>
        <translation>Der Name von %1 ist kein gültiges UTF-8, daher kann ihn keine Abfrage nennen; seine Zeilen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>this continuation does not belong to %1</source>
        <translation>Diese Fortsetzung gehört nicht zu %1</translation>
    </message>
    <message>
        <source>the key of this row no longer matches the table&apos;s primary key</source>
        <translation>Der Schlüssel dieser Zeile passt nicht mehr zum Primärschlüssel der Tabelle</translation>
    </message>
    <message>
        <source>this row no longer exists</source>
        <translation>Diese Zeile existiert nicht mehr</translation>
    </message>
    <message>
        <source>not a node of this catalog: %1</source>
        <translation>Kein Knoten dieses Katalogs: %1</translation>
    </message>
    <message>
        <source>this node has no preview</source>
        <translation>Dieser Knoten hat keine Vorschau</translation>
    </message>
    <message>
        <source>primary key (%1)</source>
        <translation>Primärschlüssel (%1)</translation>
    </message>
    <message>
        <source>ctid (no primary key)</source>
        <translation>ctid (kein Primärschlüssel)</translation>
    </message>
    <message>
        <source>position (a view has no key)</source>
        <translation>Position (eine Sicht hat keinen Schlüssel)</translation>
    </message>
    <message>
        <source>not counted (press Load more to count them)</source>
        <translation>nicht gezählt (zum Zählen „Mehr laden“ drücken)</translation>
    </message>
    <message>
        <source>cannot be counted (the name is not valid UTF-8)</source>
        <translation>nicht zählbar (der Name ist kein gültiges UTF-8)</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Row key</source>
        <translation>Zeilenschlüssel</translation>
    </message>
    <message>
        <source>Estimated rows</source>
        <translation>Geschätzte Zeilen</translation>
    </message>
    <message>
        <source>unknown (never analysed)</source>
        <translation>unbekannt (nie analysiert)</translation>
    </message>
    <message>
        <source>Exact rows</source>
        <translation>Exakte Zeilen</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2 bytes, with indexes and TOAST)</source>
        <translation>%1 (%2 Bytes, mit Indizes und TOAST)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>yes (default_transaction_read_only = on)</source>
        <translation>ja (default_transaction_read_only = on)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <source>yes (in recovery)</source>
        <translation>ja (im Recovery-Modus)</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>1 table</source>
        <translation>1 Tabelle</translation>
    </message>
    <message>
        <source>%1 tables</source>
        <translation>%1 Tabellen</translation>
    </message>
    <message>
        <source>, size as of the last VACUUM/ANALYZE</source>
        <translation>, Größe laut letztem VACUUM/ANALYZE</translation>
    </message>
    <message>
        <source>nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>not null</source>
        <translation>NOT NULL</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standardwert %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>yes (opened read-only)</source>
        <translation>ja (schreibgeschützt geöffnet)</translation>
    </message>
</context>
<context>
    <name>Sightline::SqlConnection</name>
    <message>
        <source>%1 is locked by another program (%2)</source>
        <translation>%1 ist durch ein anderes Programm gesperrt (%2)</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database or is damaged (%2)</source>
        <translation>%1 ist keine SQLite-Datenbank oder ist beschädigt (%2)</translation>
    </message>
</context>
<context>
    <name>Sightline::StorageExplorer</name>
    <message>
        <source>This workspace configures no storage backend.</source>
        <translation>Dieser Arbeitsbereich konfiguriert kein Speicher-Backend.</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Open every backend and its tree to a depth</source>
        <translation>Alle Backends und ihre Bäume bis zu einer Tiefe aufklappen</translation>
    </message>
    <message>
        <source>Expand all to depth %1</source>
        <translation>Alle bis Tiefe %1 aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Close every backend and stop its background work</source>
        <translation>Alle Backends zuklappen und ihre Hintergrundarbeit beenden</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <source>Where your evaluations&apos; artifacts live</source>
        <translation>Wo die Artefakte Ihrer Evaluationen gespeichert sind</translation>
    </message>
    <message>
        <source>Not configured in this workspace: %1. Add them under &quot;sources&quot; in the workspace profile to see them here.</source>
        <translation>In diesem Arbeitsbereich nicht konfiguriert: %1. Fügen Sie sie im Arbeitsbereichsprofil unter „sources“ hinzu, um sie hier zu sehen.</translation>
    </message>
</context>
<context>
    <name>Sightline::StoragePanel</name>
    <message>
        <source>Expand or collapse this backend</source>
        <translation>Dieses Backend auf- oder zuklappen</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>%1 aufklappen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop what this backend is loading (the tree keeps what arrived)</source>
        <translation>Laden dieses Backends anhalten (der Baum behält, was bereits angekommen ist)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Ask this backend again</source>
        <translation>Dieses Backend erneut abfragen</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Aufklappen</translation>
    </message>
    <message>
        <source>Expand the tree to a depth</source>
        <translation>Baum bis zu einer Tiefe aufklappen</translation>
    </message>
    <message>
        <source>Expand to depth %1</source>
        <translation>Bis Tiefe %1 aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Filter loaded items by name or evaluation id</source>
        <translation>Geladene Einträge nach Name oder Evaluations-ID filtern</translation>
    </message>
    <message>
        <source>%1 tree</source>
        <translation>Baum von %1</translation>
    </message>
    <message>
        <source>● stopped</source>
        <translation>● angehalten</translation>
    </message>
    <message>
        <source>Stopped before the backend answered; Refresh asks again</source>
        <translation>Angehalten, bevor das Backend geantwortet hat; „Aktualisieren“ fragt erneut an</translation>
    </message>
    <message>
        <source>● connecting…</source>
        <translation>● wird verbunden…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>● reachable</source>
        <translation>● erreichbar</translation>
    </message>
    <message>
        <source>● unreachable</source>
        <translation>● nicht erreichbar</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Sightline::StoragePreviewView</name>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Load the next part of this value</source>
        <translation>Nächsten Teil dieses Werts laden</translation>
    </message>
    <message>
        <source>Open the Evaluation window for this item&apos;s evaluation</source>
        <translation>Evaluationsfenster für die Evaluation dieses Eintrags öffnen</translation>
    </message>
    <message>
        <source>Select a cell to see its whole value</source>
        <translation>Wählen Sie eine Zelle aus, um ihren vollständigen Wert zu sehen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Select a key, row, file or object to preview it.</source>
        <translation>Wählen Sie einen Schlüssel, eine Zeile, eine Datei oder ein Objekt für eine Vorschau aus.</translation>
    </message>
    <message>
        <source>Open evaluation</source>
        <translation>Evaluation öffnen</translation>
    </message>
    <message>
        <source>Open the Evaluation window of %1</source>
        <translation>Evaluationsfenster von %1 öffnen</translation>
    </message>
    <message>
        <source>~%1 items</source>
        <translation>~%1 Einträge</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source>Expand it to see what it holds.</source>
        <translation>Klappen Sie den Eintrag auf, um seinen Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>This item has no preview.</source>
        <translation>Für diesen Eintrag gibt es keine Vorschau.</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Vorschau wird geladen…</translation>
    </message>
    <message>
        <source>Preview stopped.</source>
        <translation>Vorschau angehalten.</translation>
    </message>
    <message>
        <source>Could not load the preview:
%1</source>
        <translation>Die Vorschau konnte nicht geladen werden:
%1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2</source>
        <translation>Die ersten %1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>Sightline::StorageTreeModel</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>more…</source>
        <translation>weitere…</translation>
    </message>
    <message>
        <source>%1
Press Enter or double-click to retry.</source>
        <translation>%1
Drücken Sie Enter oder doppelklicken Sie, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Press Enter or double-click to load the next page.</source>
        <translation>Drücken Sie Enter oder doppelklicken Sie, um die nächste Seite zu laden.</translation>
    </message>
    <message>
        <source>Evaluation %1 — double-click to open it</source>
        <translation>Evaluation %1 — zum Öffnen doppelklicken</translation>
    </message>
    <message>
        <source>Estimated from the planner&apos;s statistics; open the table for an exact count.</source>
        <translation>Geschätzt anhand der Statistiken des Abfrageplaners; öffnen Sie die Tabelle für die genaue Anzahl.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Expires / modified</source>
        <translation>Ablauf / geändert</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
</context>
<context>
    <name>Sightline::WorkspaceOpener</name>
    <message>
        <source>Workspace not found</source>
        <translation>Arbeitsbereich nicht gefunden</translation>
    </message>
    <message>
        <source>%1 is no longer there; it is removed from Recent Workspaces.</source>
        <translation>%1 ist nicht mehr vorhanden und wird aus den zuletzt verwendeten Arbeitsbereichen entfernt.</translation>
    </message>
    <message>
        <source>Workspace not opened</source>
        <translation>Arbeitsbereich nicht geöffnet</translation>
    </message>
    <message>
        <source>The workspace profile cannot be used.

%1</source>
        <translation>Das Arbeitsbereichsprofil kann nicht verwendet werden.

%1</translation>
    </message>
    <message>
        <source>%1 names no relational store: add sources.postgres.url or sources.sqlite.path.</source>
        <translation>%1 gibt keine relationale Datenbank an: Fügen Sie sources.postgres.url oder sources.sqlite.path hinzu.</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>There is no keychain to keep the secret in (%1).

Keep secrets in memory only, until Sightline quits? This workspace uses it either way for now.</source>
        <translation>Es gibt keinen Schlüsselbund, in dem die Zugangsdaten gespeichert werden können (%1).

Zugangsdaten nur im Arbeitsspeicher halten, bis Sightline beendet wird? Dieser Arbeitsbereich verwendet sie vorerst in jedem Fall.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): secrets come from the environment only. To enter one, use File → Edit Workspace…; it is then kept in memory until Sightline quits.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Zugangsdaten kommen nur aus der Umgebung. Um welche einzugeben, verwenden Sie Datei → Arbeitsbereich bearbeiten…; sie werden dann bis zum Beenden von Sightline im Arbeitsspeicher gehalten.</translation>
    </message>
</context>
<context>
    <name>Sightline::WorkspaceProfile</name>
    <message>
        <source>&quot;padding_seconds&quot; must be a number of seconds from 0 to 86400</source>
        <translation>&quot;padding_seconds&quot; muss eine Sekundenzahl von 0 bis 86400 sein</translation>
    </message>
    <message>
        <source>%1[%2] needs &quot;%3&quot;</source>
        <translation>%1[%2] benötigt &quot;%3&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of %2[%3] must be a %4string</source>
        <translation>&quot;%1&quot; von %2[%3] muss eine %4Zeichenkette sein</translation>
    </message>
    <message>
        <source>non-empty </source>
        <translation>nicht leere </translation>
    </message>
    <message>
        <source>&quot;panels&quot; must be an array</source>
        <translation>&quot;panels&quot; muss ein Array sein</translation>
    </message>
    <message>
        <source>panels[%1] must be an object with &quot;title&quot; and &quot;promql&quot;</source>
        <translation>panels[%1] muss ein Objekt mit &quot;title&quot; und &quot;promql&quot; sein</translation>
    </message>
    <message>
        <source>panels[%1].promql: %2</source>
        <translation>panels[%1].promql: %2</translation>
    </message>
    <message>
        <source>drilldown &quot;grafana&quot; must be an array</source>
        <translation>drilldown &quot;grafana&quot; muss ein Array sein</translation>
    </message>
    <message>
        <source>grafana[%1] must be an object with &quot;title&quot; and &quot;uid&quot;</source>
        <translation>grafana[%1] muss ein Objekt mit &quot;title&quot; und &quot;uid&quot; sein</translation>
    </message>
    <message>
        <source>&quot;vars&quot; of grafana[%1] must be an object of strings</source>
        <translation>&quot;vars&quot; von grafana[%1] muss ein Objekt aus Zeichenketten sein</translation>
    </message>
    <message>
        <source>grafana[%1].vars.%2 must be a string</source>
        <translation>grafana[%1].vars.%2 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>live &quot;%1&quot; must be an array of channel names</source>
        <translation>live &quot;%1&quot; muss ein Array von Kanalnamen sein</translation>
    </message>
    <message>
        <source>live &quot;postgres_channel&quot; must be a string (empty: do not LISTEN)</source>
        <translation>live &quot;postgres_channel&quot; muss eine Zeichenkette sein (leer: kein LISTEN)</translation>
    </message>
    <message>
        <source>live &quot;poll&quot; must be &quot;auto&quot;, &quot;always&quot; or &quot;never&quot;</source>
        <translation>live &quot;poll&quot; muss &quot;auto&quot;, &quot;always&quot; oder &quot;never&quot; sein</translation>
    </message>
    <message>
        <source>live &quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>live &quot;%1&quot; muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>at the top level</source>
        <translation>auf oberster Ebene</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 looks like a secret and is ignored: a profile holds no secret; Sightline keeps it in the keychain or reads it from the environment</source>
        <translation>&quot;%1&quot; %2 sieht wie ein Geheimnis aus und wird ignoriert: Ein Profil enthält keine Geheimnisse; Sightline bewahrt sie im Schlüsselbund auf oder liest sie aus der Umgebung</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; %2 (ignored)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; %2 (ignoriert)</translation>
    </message>
    <message>
        <source>a workspace profile is a JSON object</source>
        <translation>ein Arbeitsbereichsprofil ist ein JSON-Objekt</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation>&quot;name&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;sources&quot; must be an object</source>
        <translation>&quot;sources&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>source &quot;%1&quot; must be an object</source>
        <translation>Quelle &quot;%1&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>source &quot;%1&quot; needs &quot;%2&quot;</source>
        <translation>Quelle &quot;%1&quot; benötigt &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of source &quot;%2&quot; must be a non-empty string</source>
        <translation>&quot;%1&quot; von Quelle &quot;%2&quot; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>the postgres url must start with postgresql://</source>
        <translation>die postgres-URL muss mit postgresql:// beginnen</translation>
    </message>
    <message>
        <source>the redis url must start with redis:// or rediss://</source>
        <translation>die redis-URL muss mit redis:// oder rediss:// beginnen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of source &quot;%2&quot; must start with http:// or https://</source>
        <translation>&quot;%1&quot; von Quelle &quot;%2&quot; muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of source &quot;%2&quot; must be a string</source>
        <translation>&quot;%1&quot; von Quelle &quot;%2&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;delimiter&quot; of source &quot;redis&quot; must not be empty</source>
        <translation>&quot;delimiter&quot; von Quelle &quot;redis&quot; darf nicht leer sein</translation>
    </message>
    <message>
        <source>&quot;addressing&quot; of source &quot;s3&quot; is &quot;path&quot; or &quot;virtual&quot;, not &quot;%1&quot;</source>
        <translation>&quot;addressing&quot; von Quelle &quot;s3&quot; ist &quot;path&quot; oder &quot;virtual&quot;, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;timeout_seconds&quot; must be a number of seconds from 1 to 3600</source>
        <translation>&quot;timeout_seconds&quot; muss eine Sekundenzahl von 1 bis 3600 sein</translation>
    </message>
    <message>
        <source>&quot;url&quot; of source &quot;%1&quot; must start with http:// or https://</source>
        <translation>&quot;url&quot; von Quelle &quot;%1&quot; muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>&quot;orgId&quot; of source &quot;grafana&quot; must be a whole number from 1</source>
        <translation>&quot;orgId&quot; von Quelle &quot;grafana&quot; muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>&quot;schema&quot; must be an object</source>
        <translation>&quot;schema&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>schema &quot;%1&quot; must be a table name</source>
        <translation>schema &quot;%1&quot; muss ein Tabellenname sein</translation>
    </message>
    <message>
        <source>schema &quot;columns&quot; must be an object</source>
        <translation>schema &quot;columns&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; must map to a column name</source>
        <translation>Spalte &quot;%1&quot; muss auf einen Spaltennamen verweisen</translation>
    </message>
    <message>
        <source>&quot;drilldown&quot; must be an object</source>
        <translation>&quot;drilldown&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;live&quot; must be an object</source>
        <translation>&quot;live&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>cannot read the workspace profile: %1</source>
        <translation>das Arbeitsbereichsprofil kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is too large to be a workspace profile</source>
        <translation>die Datei ist zu groß für ein Arbeitsbereichsprofil</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sightline: where every artifact of your AI evaluations lives.

Commands:
  sightline seed --help    write generated platform data (SQLite, PostgreSQL, files)</source>
        <translation>Sightline: wo jedes Artefakt Ihrer KI-Evaluationen gespeichert ist.

Befehle:
  sightline seed --help    generierte Plattformdaten schreiben (SQLite, PostgreSQL, Dateien)</translation>
    </message>
    <message>
        <source>Open the workspace profile FILE.</source>
        <translation>Das Arbeitsbereichsprofil FILE öffnen.</translation>
    </message>
    <message>
        <source>Open the embedded demo workspace (the default).</source>
        <translation>Den eingebetteten Demo-Arbeitsbereich öffnen (Standard).</translation>
    </message>
    <message>
        <source>Open the window of evaluation ID.</source>
        <translation>Das Fenster der Evaluation ID öffnen.</translation>
    </message>
    <message>
        <source>Once the data is shown, save the main window (or the evaluation window with --open-evaluation) as a PNG to FILE and exit.</source>
        <translation>Sobald die Daten angezeigt werden, das Hauptfenster (oder mit --open-evaluation das Evaluationsfenster) als PNG in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>Give up on --screenshot after SECONDS (60).</source>
        <translation>--screenshot nach SECONDS Sekunden aufgeben (60).</translation>
    </message>
    <message>
        <source>Start in VIEW: evaluations (the default), storage, metrics or live.</source>
        <translation>In der Ansicht VIEW starten: evaluations (Standard), storage, metrics oder live.</translation>
    </message>
    <message>
        <source>Open every Storage Explorer panel and its tree to DEPTH levels.</source>
        <translation>Alle Panels des Speicher-Explorers und ihre Bäume bis zu DEPTH Ebenen aufklappen.</translation>
    </message>
    <message>
        <source>Serve Sightline&apos;s own metrics for Prometheus on HOST:PORT (for example 127.0.0.1:9464; port 0 picks a free one).</source>
        <translation>Sightlines eigene Metriken für Prometheus unter HOST:PORT bereitstellen (zum Beispiel 127.0.0.1:9464; Port 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>Write the JSON-line log to stderr as well as to the log file.</source>
        <translation>Das JSON-Zeilen-Protokoll außer in die Protokolldatei auch nach stderr schreiben.</translation>
    </message>
    <message>
        <source>A sightline:// link to open, such as sightline://evaluation/ID?workspace=NAME.</source>
        <translation>Ein zu öffnender sightline://-Link, etwa sightline://evaluation/ID?workspace=NAME.</translation>
    </message>
    <message>
        <source>--workspace and --demo exclude each other</source>
        <translation>--workspace und --demo schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--screenshot-timeout needs a positive number of seconds</source>
        <translation>--screenshot-timeout benötigt eine positive Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>--view is evaluations, storage, metrics or live, not %1</source>
        <translation>--view muss evaluations, storage, metrics oder live sein, nicht %1</translation>
    </message>
    <message>
        <source>--expand needs a depth from 1 to 8</source>
        <translation>--expand benötigt eine Tiefe von 1 bis 8</translation>
    </message>
</context>
</TS>
