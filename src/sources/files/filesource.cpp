#include "filesource.h"

#include "core/displayname.h"
#include "core/format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QStringDecoder>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString idForPath(const QByteArray &relativePath)
{
    return u'/' + escapeForDisplay(relativePath);
}

QDateTime fromSecs(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

// outputs/<id>.txt and logs/<id>.log directly under the root belong to evaluation <id>.
QString evaluationIdFor(const FileTreeIndex &ix, const FileTreeIndex::Entry &e)
{
    const FileTreeIndex::Folder &folder = ix.folders[size_t(e.folder)];
    if (folder.parent != 0)
        return {};
    const QByteArray folderName = ix.name(folder);
    const QByteArray name = ix.name(e);
    QByteArray suffix;
    if (folderName == "outputs")
        suffix = ".txt";
    else if (folderName == "logs")
        suffix = ".log";
    else
        return {};
    if (!name.endsWith(suffix) || name.size() == suffix.size())
        return {};
    return QString::fromUtf8(name.left(name.size() - suffix.size()));
}

QString typeLabel(FileTreeIndex::EntryType type)
{
    switch (type) {
    case FileTreeIndex::EntryType::File:
        return u"file"_s;
    case FileTreeIndex::EntryType::Symlink:
        return u"symlink"_s;
    case FileTreeIndex::EntryType::Other:
        return u"other"_s;
    }
    return {};
}

QByteArray readLink(const QByteArray &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(path.constData(), target.data(), size_t(target.size()));
    return n < 0 ? QByteArray() : target.left(n);
}

// Number of bytes at the end of `data` that start a UTF-8 sequence the chunk cuts off.
qsizetype incompleteUtf8Tail(const QByteArray &data)
{
    for (qsizetype back = 1; back <= qMin<qsizetype>(3, data.size()); ++back) {
        const auto byte = uchar(data.at(data.size() - back));
        if ((byte & 0xc0) == 0x80)
            continue; // a continuation byte: look further back for the lead
        int length = 1;
        if ((byte & 0xe0) == 0xc0)
            length = 2;
        else if ((byte & 0xf0) == 0xe0)
            length = 3;
        else if ((byte & 0xf8) == 0xf0)
            length = 4;
        return length > back ? back : 0;
    }
    return 0;
}

QString hexView(const QByteArray &data, qint64 baseOffset)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(data.size() * 5);
    for (qsizetype line = 0; line < data.size(); line += 16) {
        out += u"%1  "_s.arg(baseOffset + line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < data.size()) {
                const auto b = uchar(data.at(i));
                out += QLatin1Char(digits[b >> 4]);
                out += QLatin1Char(digits[b & 0xf]);
                out += u' ';
                ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += u"   "_s;
            }
        }
        out += u" |"_s + ascii + u"|\n"_s;
    }
    return out;
}

enum class Order { Size, Name };

struct Continuation
{
    Order order = Order::Size;
    quint64 walk = 0;
    qint64 offset = 0;
};

// "" → the first page; "n:<offset>"; "s<walk>:<offset>". Anything else → nullopt.
std::optional<Continuation> parseContinuation(const QString &text)
{
    Continuation c;
    if (text.isEmpty())
        return c;
    const qsizetype colon = text.indexOf(u':');
    if (colon < 1)
        return std::nullopt;
    bool ok = false;
    c.offset = QStringView(text).mid(colon + 1).toLongLong(&ok);
    if (!ok || c.offset < 0)
        return std::nullopt;
    const QStringView head = QStringView(text).left(colon);
    if (head == u"n") {
        c.order = Order::Name;
        return c;
    }
    if (!head.startsWith(u's'))
        return std::nullopt;
    c.walk = head.mid(1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return c;
}

bool looksBinary(const QByteArray &data)
{
    if (data.contains('\0'))
        return true;
    qsizetype odd = 0;
    for (char c : data) {
        const auto b = uchar(c);
        if (b < 0x20 && b != '\n' && b != '\r' && b != '\t')
            ++odd;
    }
    return odd * 10 > data.size();
}

} // namespace

FileSource::FileSource(const QString &root, QObject *parent)
    : FileSource(root, Options{}, parent)
{
}

FileSource::FileSource(const QString &root, const Options &options, QObject *parent)
    : StorageSource(parent)
    , m_root(QFile::encodeName(root))
    , m_options(options)
    , m_index(std::make_shared<FileTreeIndex>())
{
    while (m_root.size() > 1 && m_root.endsWith('/'))
        m_root.chop(1);
    m_index->rootPath = m_root;
    qRegisterMetaType<StorageProgress>();
}

FileSource::~FileSource()
{
    // Both threads may still queue calls to this object: stop and join them before it goes.
    m_scanRunner.stop();
    m_runner.stop();
    m_scanRunner.waitForDone();
    m_runner.waitForDone();
}

QString FileSource::describe() const
{
    return QString::fromLocal8Bit(m_root);
}

void FileSource::stop()
{
    m_scanRunner.stop();
    m_runner.stop();
    m_scanStopped = true;
}

void FileSource::rescan()
{
    // The stopped walk may run a little longer: it fills the old index, which only tasks queued
    // before now still read. The next scan fills the new one.
    m_scanRunner.stop();
    m_scanStopped = true;
    m_index = std::make_shared<FileTreeIndex>();
    m_index->rootPath = m_root;
}

void FileSource::startScan()
{
    // GUI thread: only atomics here, never the index mutex.
    if (m_scan.isRunning() && !m_scanStopped)
        return; // queued or walking: listings show what it knows so far
    if (m_index->walkedAll.load(std::memory_order_acquire))
        return; // a complete scan: keep it
    // A stopped scan still winding down finishes first (one thread, in order); this one then
    // walks afresh.
    const QString what = u"Scanning "_s + describe();
    const int intervalMs = m_options.progressIntervalMs;
    std::shared_ptr<FileTreeIndex> index = m_index;
    m_scanStopped = false;
    m_scan = m_scanRunner.run<bool>([this, index, what, intervalMs](const StopToken &stop) {
        FileTreeScanner scanner(m_root, index);
        QElapsedTimer sinceReport;
        sinceReport.start();
        const qint64 every = m_options.scanHook ? qMax<qint64>(1, m_options.scanHookEvery) : 512;
        scanner.setProgressCallback(
            [&](qint64 seen) {
                if (m_options.scanHook)
                    m_options.scanHook(seen);
                if (sinceReport.elapsed() < intervalMs)
                    return;
                sinceReport.restart();
                QMetaObject::invokeMethod(
                    this,
                    [this, index, what, seen] {
                        if (index != m_index)
                            return; // a walk rescan() has stopped
                        Q_EMIT progressChanged({what, seen, -1, false});
                        Q_EMIT contentChanged();
                    },
                    Qt::QueuedConnection);
            },
            every);
        QElapsedTimer timer;
        timer.start();
        const bool complete = scanner.scan(stop);
        qint64 files = 0;
        {
            std::lock_guard lock(index->mutex);
            files = index->folders.empty() ? 0 : index->folders.front().files;
        }
        qCInfo(lcFiles) << "scan of" << what << (complete ? "done:" : "stopped:") << files << "files in"
                        << timer.elapsed() << "ms";
        QMetaObject::invokeMethod(
            this,
            [this, index, what, files] {
                if (index != m_index)
                    return;
                Q_EMIT progressChanged({what, files, files, true});
                Q_EMIT contentChanged();
            },
            Qt::QueuedConnection);
        return complete;
    });
}

QFuture<StorageSummary> FileSource::summary()
{
    return m_runner.run<StorageSummary>(
        [this, index = m_index](const StopToken &) { return readSummary(*index); });
}

StorageSummary FileSource::readSummary(const FileTreeIndex &ix) const
{
    StorageSummary s;
    s.itemNoun = u"files"_s;
    QElapsedTimer timer;
    timer.start();
    struct stat st;
    const bool exists = ::stat(m_root.constData(), &st) == 0;
    const int statError = errno;
    s.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    if (!exists) {
        s.error = QCoreApplication::translate("Sightline::FileSource", "cannot read %1: %2")
                      .arg(describe(), errnoText(statError));
        return s;
    }
    if (!S_ISDIR(st.st_mode)) {
        s.error = QCoreApplication::translate("Sightline::FileSource", "%1 is not a folder").arg(describe());
        return s;
    }
    if (::access(m_root.constData(), R_OK | X_OK) != 0) {
        s.error = QCoreApplication::translate("Sightline::FileSource", "cannot read %1: %2")
                      .arg(describe(), errnoText(errno));
        return s;
    }
    s.reachable = true;
    s.details.append({QCoreApplication::translate("Sightline::FileSource", "Root"), describe()});
    std::lock_guard lock(ix.mutex);
    if (ix.folders.empty()) {
        s.details.append({QCoreApplication::translate("Sightline::FileSource", "Scan"),
                          QCoreApplication::translate("Sightline::FileSource", "not started")});
        return s;
    }
    const FileTreeIndex::Folder &root = ix.folders.front();
    const bool complete = ix.finished && !ix.cancelled;
    if (complete) {
        s.itemCount = root.files;
        s.totalBytes = root.bytes;
    }
    s.details.append({tr("Folders"), formatCount(root.folders)});
    s.details.append({tr("Unreadable folders"), formatCount(ix.unreadableFolders)});
    s.details.append({tr("Symlink loops"), formatCount(ix.symlinkLoops)});
    s.details.append({tr("On disk"), formatBytes(root.allocatedBytes)});
    if (!complete) {
        s.details.append(
            {QCoreApplication::translate("Sightline::FileSource", "Scan"),
             ix.cancelled
                 ? QCoreApplication::translate("Sightline::FileSource", "stopped after %1 files")
                       .arg(root.files)
                 : QCoreApplication::translate("Sightline::FileSource", "in progress: %1 files so far")
                       .arg(root.files)});
    }
    return s;
}

QFuture<StoragePage> FileSource::children(const QString &nodeId, const QString &continuation)
{
    if (nodeId.isEmpty())
        startScan();
    return m_runner.run<StoragePage>([this, index = m_index, nodeId, continuation](const StopToken &stop) {
        if (stop.stopRequested()) {
            StoragePage page;
            page.cancelled = true;
            return page;
        }
        if (nodeId == largestFilesId)
            return listLargest(*index, stop);
        return listFolder(*index, nodeId, continuation, stop);
    });
}

StoragePage FileSource::listFolder(const FileTreeIndex &ix, const QString &nodeId,
                                   const QString &continuation, const StopToken &stop) const
{
    StoragePage page;
    if (!nodeId.isEmpty() && !nodeId.startsWith(u'/')) {
        page.error = QCoreApplication::translate("Sightline::FileSource", "unknown node \"%1\"").arg(nodeId);
        return page;
    }
    // "" (first page), "n:<offset>" (by name) or "s<walk>:<offset>" (by size, that walk only).
    const auto parsed = parseContinuation(continuation);
    if (!parsed) {
        page.error =
            QCoreApplication::translate("Sightline::FileSource", "bad continuation \"%1\"").arg(continuation);
        return page;
    }
    const qint64 offset = parsed->offset;
    const QByteArray relative = unescapeDisplayName(nodeId.mid(1));
    std::lock_guard lock(ix.mutex);
    if (!continuation.isEmpty() && parsed->order == Order::Size && parsed->walk != ix.walkId) {
        // The sizes it was ordered by are gone: the model asks again from the start.
        page.error = QCoreApplication::translate(
            "Sightline::FileSource", "the folder was scanned again since this listing began; list it again");
        return page;
    }
    if (ix.folders.empty()) {
        page.error = ix.error; // empty while the scan has not begun
        return page;
    }
    const qint32 folder = ix.findFolder(relative);
    if (folder < 0) {
        if (ix.finished)
            page.error = QCoreApplication::translate("Sightline::FileSource", "no folder %1 under %2")
                             .arg(nodeId, describe());
        return page;
    }
    const FileTreeIndex::Folder &f = ix.folders[size_t(folder)];
    if (f.error != 0) {
        page.error = QCoreApplication::translate("Sightline::FileSource", "cannot read %1: %2")
                         .arg(QString::fromLocal8Bit(m_root + '/' + relative), errnoText(f.error));
        return page;
    }
    if (nodeId.isEmpty() && offset == 0) {
        StorageNode largest;
        largest.id = largestFilesId.toString();
        largest.name = tr("Largest files");
        largest.kind = StorageNode::Kind::Group;
        largest.hasChildren = f.files > 0 || !ix.finished;
        largest.typeLabel = u"group"_s;
        largest.count = qMin<qint64>(f.files, m_options.largestFiles);
        largest.detail = tr("the %1 largest files of the whole tree").arg(m_options.largestFiles);
        page.nodes.append(largest);
    }

    // (bytes, index): folders as ~index so that one list sorts both.
    struct Child
    {
        qint64 bytes;
        qint32 index;
        bool isFolder;
    };
    std::vector<Child> all;
    all.reserve(f.children.size() + size_t(f.entryCount));
    for (qint32 c : f.children)
        all.push_back({ix.folders[size_t(c)].bytes, c, true});
    for (qint32 e = f.firstEntry; e < f.firstEntry + f.entryCount; ++e)
        all.push_back({ix.entries[size_t(e)].bytes, e, false});
    const auto byBytes = [&ix](const Child &a, const Child &b) {
        if (a.bytes != b.bytes)
            return a.bytes > b.bytes;
        if (a.isFolder != b.isFolder)
            return a.isFolder;
        return (a.isFolder ? ix.name(ix.folders[size_t(a.index)]) : ix.name(ix.entries[size_t(a.index)])) <
               (b.isFolder ? ix.name(ix.folders[size_t(b.index)]) : ix.name(ix.entries[size_t(b.index)]));
    };
    // A first page picks the order: by size once the walk has left the folder (its sizes are
    // final for this walk), by name while sub-folders still grow. Later pages keep it.
    const Order order = continuation.isEmpty() ? (f.complete ? Order::Size : Order::Name) : parsed->order;
    const auto nameOf = [&ix](const Child &c) {
        const quint32 offset =
            c.isFolder ? ix.folders[size_t(c.index)].nameOffset : ix.entries[size_t(c.index)].nameOffset;
        const quint32 length =
            c.isFolder ? ix.folders[size_t(c.index)].nameLength : ix.entries[size_t(c.index)].nameLength;
        return std::string_view(ix.names.data() + offset, length);
    };
    const auto byName = [&nameOf](const Child &a, const Child &b) {
        const int c = nameOf(a).compare(nameOf(b));
        return c != 0 ? c < 0 : a.isFolder && !b.isFolder;
    };
    const auto end = qMin<qint64>(qint64(all.size()), offset + m_options.pageSize);
    if (offset >= qint64(all.size()))
        return page;
    if (order == Order::Size)
        std::partial_sort(all.begin(), all.begin() + end, all.end(), byBytes);
    else
        std::partial_sort(all.begin(), all.begin() + end, all.end(), byName);
    const QByteArray prefix = relative.isEmpty() ? QByteArray() : relative + '/';
    for (qint64 i = offset; i < end; ++i) {
        if ((i & 255) == 0 && stop.stopRequested()) {
            page.cancelled = true;
            return page;
        }
        const Child &c = all[size_t(i)];
        StorageNode node;
        if (c.isFolder) {
            const FileTreeIndex::Folder &sub = ix.folders[size_t(c.index)];
            const QByteArray name = ix.name(sub);
            node.id = idForPath(prefix + name);
            node.name = escapeForDisplay(name);
            node.kind = StorageNode::Kind::Group;
            node.typeLabel = u"folder"_s;
            node.hasChildren =
                sub.error == 0 && (!sub.complete || !sub.children.empty() || sub.entryCount > 0);
            node.count = sub.files;
            node.bytes = sub.bytes;
            node.modified = fromSecs(sub.modifiedSecs);
            if (sub.error != 0)
                node.detail = tr("unreadable: %1").arg(errnoText(sub.error));
            else if (!sub.complete)
                node.detail = tr("scanning…");
            else
                node.detail = tr("%n folder(s)", nullptr, int(qMin<qint64>(sub.folders, INT_MAX)));
        } else {
            const FileTreeIndex::Entry &e = ix.entries[size_t(c.index)];
            const QByteArray name = ix.name(e);
            node.id = idForPath(prefix + name);
            node.name = escapeForDisplay(name);
            node.typeLabel = typeLabel(e.type);
            node.bytes = e.bytes;
            node.modified = fromSecs(e.modifiedSecs);
            node.previewable = e.type == FileTreeIndex::EntryType::File;
            node.evaluationId = evaluationIdFor(ix, e);
            if (e.type == FileTreeIndex::EntryType::Symlink) {
                const QString target = escapeForDisplay(readLink(m_root + '/' + prefix + name));
                node.detail = e.symlinkLoop ? tr("symlink loop → %1").arg(target) : target;
            }
        }
        page.nodes.append(node);
    }
    if (end < qint64(all.size())) {
        page.continuation = order == Order::Size ? u"s%1:%2"_s.arg(ix.walkId).arg(end) : u"n:%1"_s.arg(end);
    }
    return page;
}

StoragePage FileSource::listLargest(const FileTreeIndex &ix, const StopToken &stop) const
{
    StoragePage page;
    std::lock_guard lock(ix.mutex);
    std::vector<qint32> order;
    order.reserve(ix.entries.size());
    for (qint32 i = 0; i < qint32(ix.entries.size()); ++i) {
        if (ix.entries[size_t(i)].type == FileTreeIndex::EntryType::File)
            order.push_back(i);
    }
    const size_t n = qMin(order.size(), size_t(m_options.largestFiles));
    std::partial_sort(order.begin(), order.begin() + qint64(n), order.end(), [&ix](qint32 a, qint32 b) {
        return ix.entries[size_t(a)].bytes > ix.entries[size_t(b)].bytes;
    });
    for (size_t i = 0; i < n; ++i) {
        if ((i & 255) == 0 && stop.stopRequested()) {
            page.cancelled = true;
            return page;
        }
        const FileTreeIndex::Entry &e = ix.entries[size_t(order[i])];
        const QByteArray folderPath = ix.relativePath(e.folder);
        const QByteArray path = folderPath.isEmpty() ? ix.name(e) : folderPath + '/' + ix.name(e);
        StorageNode node;
        node.id = idForPath(path);
        node.name = escapeForDisplay(path);
        node.typeLabel = typeLabel(e.type);
        node.bytes = e.bytes;
        node.modified = fromSecs(e.modifiedSecs);
        node.previewable = true;
        node.evaluationId = evaluationIdFor(ix, e);
        page.nodes.append(node);
    }
    return page;
}

QFuture<StoragePreview> FileSource::preview(const QString &nodeId, const QString &continuation)
{
    return m_runner.run<StoragePreview>([this, nodeId, continuation](const StopToken &stop) {
        if (stop.stopRequested()) {
            StoragePreview p;
            p.cancelled = true;
            return p;
        }
        return readPreview(nodeId, continuation);
    });
}

StoragePreview FileSource::readPreview(const QString &nodeId, const QString &continuation) const
{
    StoragePreview p;
    if (!nodeId.startsWith(u'/') || nodeId.size() < 2) {
        p.error = QCoreApplication::translate("Sightline::FileSource", "not a file: \"%1\"").arg(nodeId);
        return p;
    }
    bool offsetOk = true;
    const qint64 offset = continuation.isEmpty() ? 0 : continuation.toLongLong(&offsetOk);
    if (!offsetOk || offset < 0) {
        p.error =
            QCoreApplication::translate("Sightline::FileSource", "bad continuation \"%1\"").arg(continuation);
        return p;
    }
    const QByteArray path = m_root + '/' + unescapeDisplayName(nodeId.mid(1));
    const int fd = ::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        p.error = QCoreApplication::translate("Sightline::FileSource", "cannot open %1: %2")
                      .arg(escapeForDisplay(path), errnoText(errno));
        return p;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        p.error = QCoreApplication::translate("Sightline::FileSource", "%1 is not a regular file")
                      .arg(escapeForDisplay(path));
        return p;
    }
    p.totalSize = st.st_size;
    QByteArray chunk(qMax<qint64>(0, qMin<qint64>(m_options.previewBytes, st.st_size - offset)),
                     Qt::Uninitialized);
    qsizetype got = 0;
    while (got < chunk.size()) {
        const ssize_t n = ::pread(fd, chunk.data() + got, size_t(chunk.size() - got), offset + got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            p.error = QCoreApplication::translate("Sightline::FileSource", "cannot read %1: %2")
                          .arg(escapeForDisplay(path), errnoText(errno));
            break;
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    chunk.truncate(got);
    qint64 consumed = got;
    if (looksBinary(chunk)) {
        p.text = hexView(chunk, offset);
    } else {
        // Stop before a character the chunk cuts in two; the next page starts with it.
        if (offset + got < st.st_size)
            consumed -= incompleteUtf8Tail(chunk);
        const QByteArray text = chunk.left(consumed);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(text);
        if (!decoder.hasError()) {
            p.text = decoded;
        } else {
            QStringList lines;
            for (const QByteArray &line : text.split('\n'))
                lines.append(escapeForDisplay(line));
            p.text = lines.join(u'\n');
        }
    }
    if (offset + consumed < st.st_size) {
        p.truncated = true;
        p.continuation = QString::number(offset + consumed);
    }
    return p;
}

} // namespace Sightline
