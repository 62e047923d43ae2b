#pragma once

#include <QString>

namespace Sightline {

QString formatCount(qint64 count);      // "1,000,000" in the user's locale
QString formatDuration(double seconds); // "850 ms", "42.1 s", "3 min 05 s", "2 h 14 min"
QString formatBytes(qint64 bytes);      // "2.3 MB"
QString formatAge(qint64 msecsAgo);     // "just now", "5 min ago", "3 d ago"
QString formatCost(double cents);       // "$0.042"

} // namespace Sightline
