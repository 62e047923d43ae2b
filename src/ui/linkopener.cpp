#include "linkopener.h"

#include <QDesktopServices>

namespace Sightline {

namespace {
ExternalLinkHandler &handler()
{
    static ExternalLinkHandler current;
    return current;
}
} // namespace

bool openExternalLink(const QUrl &url)
{
    if (!url.isValid())
        return false;
    if (const ExternalLinkHandler &open = handler())
        return open(url);
    return QDesktopServices::openUrl(url);
}

ExternalLinkHandler setExternalLinkHandler(ExternalLinkHandler replacement)
{
    ExternalLinkHandler previous = std::move(handler());
    handler() = std::move(replacement);
    return previous;
}

} // namespace Sightline
