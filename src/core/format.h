#pragma once

#include <QString>

class QDateTime;
class QTime;

namespace Sightline {

// Texts for people, in the default QLocale (the language chosen in Preferences, or the system's):
// en_US "1,000,000", "42.1 s", "2.3 MB", "$0.042"; de_DE "1.000.000", "42,1 s", "2,3 MB", "0,042 $".
// Exports, logs and other machine-readable places keep their fixed formats and do not use these.
QString formatCount(qint64 count);                // "1,000,000"
QString formatNumber(double value, int decimals); // "1,234.5"; empty for NaN and infinity
QString formatDuration(double seconds);           // "850 ms", "42.1 s", "3 min 05 s", "2 h 14 min"
QString formatBytes(qint64 bytes);                // "2.3 MB" (decimal units, like the platform's dashboards)
QString formatAge(qint64 msecsAgo);               // "just now", "5 min ago", "3 d ago"
QString formatCost(double cents);                 // "$0.042"
// A date and time in local time, with seconds: en_US "11/30/26 5:05:09 PM", de_DE
// "30.11.26 17:05:09"; the C locale (no locale set) "2026-11-30 17:05:09". Empty when invalid.
QString formatDateTime(const QDateTime &time);
QString formatDateTimeMs(qint64 msecsSinceEpoch); // the same, from a Unix time in milliseconds
QString formatTimeOfDay(const QTime &time);       // "5:05:09 PM", "17:05:09"

} // namespace Sightline
