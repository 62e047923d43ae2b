#include "sqlconnection.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sightline {

QString SqlConnection::placeholder(int n) const
{
    return (dialect() == SqlDialect::PostgreSQL ? u"$"_s : u"?"_s) + QString::number(n);
}

QString redactUrl(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid())
        return u"<invalid url>"_s;
    if (!parsed.password().isEmpty())
        parsed.setPassword(u"****"_s);
    // Query options may carry a password too (…?password=…).
    QString text = parsed.toString();
    static const QString key = u"password="_s;
    qsizetype at = text.indexOf(key, 0, Qt::CaseInsensitive);
    while (at >= 0) {
        const qsizetype start = at + key.size();
        qsizetype end = text.indexOf(u'&', start);
        if (end < 0)
            end = text.size();
        text.replace(start, end - start, u"****"_s);
        at = text.indexOf(key, start + 4, Qt::CaseInsensitive);
    }
    return text;
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace Sightline
