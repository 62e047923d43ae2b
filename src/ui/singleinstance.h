#pragma once

// One Sightline per user: a QLocalServer that takes links from later launches.

#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace Sightline {

// The per-user socket: $XDG_RUNTIME_DIR/sightline/instance, or, without XDG_RUNTIME_DIR,
// QDir::tempPath()/sightline-<uid>/instance. Its folder is created 0700.
QString defaultInstanceSocketPath();
// Creates the socket's folder with mode 0700 (and tightens an existing one we own); false with
// a reason when the folder cannot be made private.
bool prepareInstanceSocketDir(const QString &socketPath, QString *error);

// The running instance's side. Protocol: a client sends one JSON line {"link": "..."}; the server
// answers one JSON line {"ok": bool, "message": "..."} once the handler has replied (the window is
// open, or why not). A line over MaxMessageBytes or that is not such an object is refused with an
// answer. Nothing blocks the GUI thread.
class SingleInstanceServer final : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(bool ok, const QString &message)>;
    using LinkHandler = std::function<void(const QString &link, Reply reply)>;
    static constexpr qint64 MaxMessageBytes = 64 * 1024;

    explicit SingleInstanceServer(const QString &socketPath = defaultInstanceSocketPath(),
                                  QObject *parent = nullptr);
    ~SingleInstanceServer() override;

    void setLinkHandler(LinkHandler handler) { m_handler = std::move(handler); }
    // Listens: a socket file nobody answers on (a crashed instance's) is removed first; one that
    // answers means another instance runs, and failed() says so. Emits listening() or failed().
    void start();
    bool isListening() const;
    QString socketPath() const { return m_path; }

Q_SIGNALS:
    void listening();
    void failed(const QString &message);

private:
    void listenNow(bool mayRemoveStale);
    void probeStale();
    void accept();
    void readFrom(QLocalSocket *socket);
    static void answer(QLocalSocket *socket, bool ok, const QString &message);

    QString m_path;
    QLocalServer *m_server;
    LinkHandler m_handler;
    // <socket>.lock, held while this server lives: two instances starting at once cannot both
    // take a crashed one's socket (the second would remove the first's live socket).
    std::unique_ptr<QLockFile> m_lock;
};

// A later launch's side: connects (2 s timeout), sends the link and waits for the answer.
// noInstance() when nobody listens; answered() otherwise (also for a broken connection, ok false).
class SingleInstanceClient final : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstanceClient(QObject *parent = nullptr);
    ~SingleInstanceClient() override;

    void send(const QString &link, const QString &socketPath = defaultInstanceSocketPath(),
              int connectTimeoutMs = 2000, int answerTimeoutMs = 120000);
    // Sends `bytes` as they are (tests: malformed and oversized messages).
    void sendRaw(const QByteArray &bytes, const QString &socketPath = defaultInstanceSocketPath(),
                 int connectTimeoutMs = 2000, int answerTimeoutMs = 120000);

Q_SIGNALS:
    void noInstance();
    void answered(bool ok, const QString &message);

private:
    void readAnswer();
    void finish(bool ok, const QString &message);

    QLocalSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_pending;
    QByteArray m_received;
    bool m_connected = false;
    bool m_done = false;
    int m_answerTimeoutMs = 0;
};

} // namespace Sightline
