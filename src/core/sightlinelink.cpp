#include "sightlinelink.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
constexpr qsizetype MaxIdLength = 128;
constexpr qsizetype MaxLinkLength = 4096;

QString cannotOpen(const QString &text)
{
    // Long or binary junk is cut so the message stays readable.
    QString shown = text.left(200);
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = u'\uFFFD';
    }
    if (text.size() > shown.size())
        shown += u'…';
    return QCoreApplication::translate("Sightline::SightlineLink",
                                       "Sightline cannot open “%1”: it knows only "
                                       "sightline://evaluation/<id> links.")
        .arg(shown);
}

QString decode(const QString &encoded)
{
    return QUrl::fromPercentEncoding(encoded.toUtf8());
}
} // namespace

bool isSaneEvaluationId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                        u == u'-' || u == u'_' || u == u'.' || u == u':';
        if (!ok)
            return false;
    }
    return id != u"."_s && id != u".."_s;
}

SightlineLinkParse parseSightlineLink(const QString &text)
{
    SightlineLinkParse result;
    const QString trimmed = text.trimmed();
    static const QString prefix = u"sightline://"_s;
    if (trimmed.size() > MaxLinkLength || !trimmed.startsWith(prefix, Qt::CaseInsensitive)) {
        result.error = cannotOpen(text);
        return result;
    }
    QString rest = trimmed.mid(prefix.size());
    QString query;
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
        rest.truncate(hash);
    if (const qsizetype question = rest.indexOf(u'?'); question >= 0) {
        query = rest.mid(question + 1);
        rest.truncate(question);
    }
    const qsizetype slash = rest.indexOf(u'/');
    const QString host = slash < 0 ? rest : rest.left(slash);
    QString path = slash < 0 ? QString() : rest.mid(slash + 1);
    if (path.endsWith(u'/'))
        path.chop(1);
    if (host.compare(u"evaluation"_s, Qt::CaseInsensitive) != 0 || path.contains(u'/')) {
        result.error = cannotOpen(text);
        return result;
    }
    const QString id = decode(path);
    if (!isSaneEvaluationId(id)) {
        result.error =
            id.isEmpty()
                ? QCoreApplication::translate("Sightline::SightlineLink",
                                              "The link “%1” names no evaluation.")
                      .arg(text.left(200))
                : QCoreApplication::translate("Sightline::SightlineLink",
                                              "The link “%1” does not name an evaluation id Sightline knows "
                                              "how to look up.")
                      .arg(text.left(200));
        return result;
    }
    SightlineLink link;
    link.evaluationId = id;
    // "+" stays a plus: these links are not form-encoded.
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = decode(equals < 0 ? pair : pair.left(equals));
        if (key == u"workspace"_s)
            link.workspace = decode(equals < 0 ? QString() : pair.mid(equals + 1)).trimmed();
    }
    result.link = link;
    return result;
}

QString buildSightlineLink(const QString &evaluationId, const QString &workspace)
{
    QString link = u"sightline://evaluation/"_s + QString::fromLatin1(QUrl::toPercentEncoding(evaluationId));
    if (!workspace.isEmpty())
        link += u"?workspace="_s + QString::fromLatin1(QUrl::toPercentEncoding(workspace));
    return link;
}

bool namesDemoWorkspace(const QString &name)
{
    return name.compare(u"demo"_s, Qt::CaseInsensitive) == 0 ||
           name.compare(u"Demo workspace"_s, Qt::CaseInsensitive) == 0;
}

} // namespace Sightline
