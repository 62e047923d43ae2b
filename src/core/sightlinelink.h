#pragma once

// sightline:// links: parse and build sightline://evaluation/<id>?workspace=<name>.

#include <QString>

#include <optional>

namespace Sightline {

struct SightlineLink
{
    QString evaluationId;
    QString workspace; // empty: the workspace that is open
};

struct SightlineLinkParse
{
    std::optional<SightlineLink> link;
    QString error; // translated, for the user; empty when link is set
};

// The scheme is matched case-insensitively; the id and workspace name are percent-decoded. An id
// is 1–128 characters of letters, digits and "-_.:" (the platform's ids look like ev-0123456789ab).
SightlineLinkParse parseSightlineLink(const QString &text);
// sightline://evaluation/<id>[?workspace=<name>], both percent-encoded.
QString buildSightlineLink(const QString &evaluationId, const QString &workspace = {});
bool isSaneEvaluationId(const QString &id);
// True for the names a link may give the demo workspace: "demo" and "Demo workspace" (any case).
bool namesDemoWorkspace(const QString &name);

} // namespace Sightline
