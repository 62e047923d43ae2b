// The single instance: a server and clients in-process (answers, stale sockets, a second server,
// malformed and oversized messages, the socket folder's mode), and end to end with the real binary:
// a running `sightline --demo` opens a link that a second `sightline sightline://…` hands it.

#include "sources/demoworkspace.h"
#include "ui/singleinstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Sightline;
using namespace Qt::StringLiterals;

namespace {
struct Answer
{
    bool ok = false;
    QString message;
    bool noInstance = false;
};

// Runs a client to the end (the server lives on this thread's event loop too).
Answer ask(const QString &path, const QByteArray *raw, const QString &link = {})
{
    SingleInstanceClient client;
    Answer answer;
    bool done = false;
    QObject::connect(&client, &SingleInstanceClient::answered, [&](bool ok, const QString &message) {
        answer.ok = ok;
        answer.message = message;
        done = true;
    });
    QObject::connect(&client, &SingleInstanceClient::noInstance, [&] {
        answer.noInstance = true;
        done = true;
    });
    if (raw)
        client.sendRaw(*raw, path, 2000, 10000);
    else
        client.send(link, path, 2000, 10000);
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        answer.message = u"no answer at all"_s;
    return answer;
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

// A socket file that nobody listens on: what a crashed instance leaves behind.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (size_t(native.size()) >= sizeof(address.sun_path)) {
        ::close(fd);
        return false;
    }
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{QDir::tempPath() + u"/sl-XXXXXX"_s}; // short: socket paths are limited to 107 bytes

    QString socketPath(const QString &name) const { return m_dir.path() + u'/' + name + u"/instance"_s; }

    static void replyLater(const QString &link, const SingleInstanceServer::Reply &reply)
    {
        // The answer comes after the "window" is open, never at once.
        QTimer::singleShot(50, [link, reply] {
            if (link.contains(u"fail"_s))
                reply(false, u"Workspace x has no evaluation y."_s);
            else
                reply(true, u"Opened "_s + link);
        });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void answerComesBack()
    {
        SingleInstanceServer server(socketPath(u"answer"_s));
        server.setLinkHandler(replyLater);
        QSignalSpy listening(&server, &SingleInstanceServer::listening);
        server.start();
        QVERIFY(listening.wait(5000) || listening.count() == 1);
        QVERIFY(server.isListening());
        Answer answer = ask(server.socketPath(), nullptr, u"sightline://evaluation/ev-1"_s);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(answer.message, u"Opened sightline://evaluation/ev-1"_s);
        answer = ask(server.socketPath(), nullptr, u"sightline://evaluation/fail"_s);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.message, u"Workspace x has no evaluation y."_s);
    }

    void noInstanceWhenNobodyListens()
    {
        QDir().mkpath(QFileInfo(socketPath(u"nobody"_s)).absolutePath());
        const Answer answer = ask(socketPath(u"nobody"_s), nullptr, u"sightline://evaluation/ev-1"_s);
        QVERIFY(answer.noInstance);
        // A stale socket file is no instance either.
        QVERIFY(makeStaleSocket(socketPath(u"nobody"_s)));
        QVERIFY(ask(socketPath(u"nobody"_s), nullptr, u"sightline://evaluation/ev-1"_s).noInstance);
    }

    void staleSocketIsReplaced_data()
    {
        QTest::addColumn<bool>("socketFile");
        QTest::newRow("socket nobody listens on") << true;
        QTest::newRow("plain file") << false;
    }
    void staleSocketIsReplaced()
    {
        QFETCH(bool, socketFile);
        const QString path = socketPath(socketFile ? u"stale"_s : u"stalefile"_s);
        QString error;
        QVERIFY2(prepareInstanceSocketDir(path, &error), qPrintable(error));
        if (socketFile) {
            QVERIFY(makeStaleSocket(path));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(QFileInfo::exists(path));
        SingleInstanceServer server(path);
        server.setLinkHandler(replyLater);
        QSignalSpy listening(&server, &SingleInstanceServer::listening);
        QSignalSpy failed(&server, &SingleInstanceServer::failed);
        server.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count() + failed.count(), 1, 5000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(ask(path, nullptr, u"sightline://evaluation/ev-2"_s).ok);
    }

    void secondServerRefuses()
    {
        const QString path = socketPath(u"second"_s);
        SingleInstanceServer first(path);
        first.setLinkHandler(replyLater);
        QSignalSpy listening(&first, &SingleInstanceServer::listening);
        first.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 5000);

        SingleInstanceServer second(path);
        QSignalSpy failed(&second, &SingleInstanceServer::failed);
        QSignalSpy secondListening(&second, &SingleInstanceServer::listening);
        second.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QVERIFY(secondListening.isEmpty());
        QVERIFY(!second.isListening());
        QVERIFY2(failed.first().first().toString().contains(u"already listening"_s),
                 qPrintable(failed.first().first().toString()));
        // The first one carries on.
        QVERIFY(first.isListening());
        QVERIFY(ask(path, nullptr, u"sightline://evaluation/ev-3"_s).ok);
    }

    void badMessagesAreRefused()
    {
        const QString path = socketPath(u"bad"_s);
        SingleInstanceServer server(path);
        int handled = 0;
        server.setLinkHandler([&handled](const QString &link, const SingleInstanceServer::Reply &reply) {
            ++handled;
            replyLater(link, reply);
        });
        QSignalSpy listening(&server, &SingleInstanceServer::listening);
        server.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 5000);

        const QByteArray notJson = "this is not json\n";
        Answer answer = ask(path, &notJson);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"not a JSON object"_s), qPrintable(answer.message));

        const QByteArray wrongType = "{\"link\": 42}\n";
        answer = ask(path, &wrongType);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"not a JSON object"_s), qPrintable(answer.message));

        const QByteArray array = "[\"sightline://evaluation/ev-1\"]\n";
        QVERIFY(!ask(path, &array).ok);

        const QByteArray binary("\x00\xff\xfe{\n", 5);
        QVERIFY(!ask(path, &binary).ok);

        // 10 MB without a newline, and 10 MB of valid-looking JSON: refused after 64 KB.
        const QByteArray huge(10 * 1024 * 1024, 'x');
        answer = ask(path, &huge);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"64 KB"_s), qPrintable(answer.message));
        const QByteArray hugeJson =
            "{\"link\": \"sightline://evaluation/" + QByteArray(10 * 1024 * 1024, 'a') + "\"}\n";
        answer = ask(path, &hugeJson);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"64 KB"_s), qPrintable(answer.message));
        QCOMPARE(handled, 0);

        // A client that connects and goes away without a word does no harm either.
        {
            QLocalSocket quiet;
            quiet.connectToServer(path);
            QVERIFY(quiet.waitForConnected(2000));
            quiet.abort();
        }
        // The server carries on.
        answer = ask(path, nullptr, u"sightline://evaluation/ev-4"_s);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QCOMPARE(handled, 1);
    }

    void socketDirIsPrivate()
    {
        const QString path = socketPath(u"private"_s);
        QString error;
        QVERIFY2(prepareInstanceSocketDir(path, &error), qPrintable(error));
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), mode_t(0700));
        // An existing folder that others may read is made private.
        const QString open = socketPath(u"open"_s);
        QVERIFY(QDir().mkpath(QFileInfo(open).absolutePath()));
        QVERIFY(::chmod(QFile::encodeName(QFileInfo(open).absolutePath()).constData(), 0755) == 0);
        QVERIFY2(prepareInstanceSocketDir(open, &error), qPrintable(error));
        QCOMPARE(modeOf(QFileInfo(open).absolutePath()), mode_t(0700));
        // A server makes its folder itself.
        SingleInstanceServer server(socketPath(u"made"_s));
        QSignalSpy listening(&server, &SingleInstanceServer::listening);
        server.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 5000);
        QCOMPARE(modeOf(QFileInfo(server.socketPath()).absolutePath()), mode_t(0700));
    }

    void defaultPath()
    {
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
        QCOMPARE(defaultInstanceSocketPath(), u"/run/user/4242/sightline/instance"_s);
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(defaultInstanceSocketPath(),
                 QDir::tempPath() + u"/sightline-"_s + QString::number(::getuid()) + u"/instance"_s);
        if (!saved.isNull())
            qputenv("XDG_RUNTIME_DIR", saved);
    }

    // The real binary: a running `sightline --demo` takes links from later launches.
    void endToEnd()
    {
        const QString binary =
            qEnvironmentVariable("SIGHTLINE_TEST_SIGHTLINE", QStringLiteral(SIGHTLINE_BINARY));
        QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary));
        QTemporaryDir home(QDir::tempPath() + u"/sl-e2e-XXXXXX"_s);
        QVERIFY(home.isValid());
        const QString runtime = home.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(runtime));
        QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_RUNTIME_DIR"_s, runtime);
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"XDG_STATE_HOME"_s, home.filePath(u"state"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);

        // The demo, made beforehand where the binary looks for it, so that its ids are known.
        const QString demoDir = home.filePath(u"data/sightline/demo"_s);
        const DemoWorkspaceResult demo = DemoWorkspace::ensure(demoDir);
        QVERIFY2(demo.profile, qPrintable(demo.error));
        QString id;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"e2e"_s);
            db.setDatabaseName(DemoWorkspace::databasePath(demoDir));
            QVERIFY(db.open());
            QSqlQuery query(u"SELECT id FROM evaluations ORDER BY created_at LIMIT 1"_s, db);
            QVERIFY(query.next());
            id = query.value(0).toString();
        }
        QSqlDatabase::removeDatabase(u"e2e"_s);
        QVERIFY(!id.isEmpty());

        QProcess running;
        running.setProcessEnvironment(environment);
        running.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        running.start(binary, {u"--demo"_s});
        QVERIFY(running.waitForStarted(10000));
        const QString socket = runtime + u"/sightline/instance"_s;
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), 60000);
        QCOMPARE(modeOf(runtime + u"/sightline"_s), mode_t(0700));

        auto launch = [&](const QString &link, int *exitCode, QString *out, QString *err) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(binary, {link});
            if (!process.waitForFinished(90000)) {
                process.kill();
                process.waitForFinished();
                *exitCode = -1;
                return;
            }
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
            *out = QString::fromUtf8(process.readAllStandardOutput());
            *err = QString::fromUtf8(process.readAllStandardError());
        };
        int exitCode = 0;
        QString out;
        QString err;
        launch(u"sightline://evaluation/"_s + id + u"?workspace=Demo%20workspace"_s, &exitCode, &out, &err);
        QVERIFY2(exitCode == 0, qPrintable(u"exit %1, stdout: %2, stderr: %3"_s.arg(exitCode).arg(out, err)));
        QVERIFY2(out.contains(u"Opened evaluation "_s + id + u" in workspace Demo workspace"_s),
                 qPrintable(out));

        launch(u"SIGHTLINE://evaluation/"_s + id, &exitCode, &out, &err); // no workspace: the open one
        QVERIFY2(exitCode == 0, qPrintable(err));

        launch(u"sightline://evaluation/ev-000000000000?workspace=demo"_s, &exitCode, &out, &err);
        QCOMPARE(exitCode, 1);
        QVERIFY2(err.contains(u"has no evaluation ev-000000000000"_s), qPrintable(err));

        launch(u"sightline://evaluation/"_s + id + u"?workspace=nowhere"_s, &exitCode, &out, &err);
        QCOMPARE(exitCode, 1);
        QVERIFY2(err.contains(u"does not know the workspace “nowhere”"_s), qPrintable(err));
        QVERIFY2(err.contains(u"Open Workspace"_s), qPrintable(err));

        launch(u"sightline://batch/b-1"_s, &exitCode, &out, &err);
        QCOMPARE(exitCode, 1);
        QVERIFY2(err.contains(u"sightline://evaluation/<id>"_s), qPrintable(err));

        // The first one still runs after all of that.
        QCOMPARE(running.state(), QProcess::Running);
        running.terminate();
        if (!running.waitForFinished(10000)) {
            running.kill();
            running.waitForFinished();
        }
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
