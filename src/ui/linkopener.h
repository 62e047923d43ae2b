#pragma once

#include <QUrl>

#include <functional>

namespace Sightline {

// Opens a link in the user's browser (QDesktopServices). Tests install a handler instead, so
// that they can check the exact URL without launching anything; the handler returns whether it
// "opened" the link.
bool openExternalLink(const QUrl &url);
using ExternalLinkHandler = std::function<bool(const QUrl &)>;
// Replaces the handler (an empty one restores QDesktopServices); returns the previous one.
ExternalLinkHandler setExternalLinkHandler(ExternalLinkHandler handler);

} // namespace Sightline
