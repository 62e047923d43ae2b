#include "liveingestpeer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <algorithm>

#include <cstdio>
#include <cstring>
#include <thread>

using namespace Qt::StringLiterals;

namespace Sightline::Bench {

LivePublishResult publishWithEventLoop(const LivePublishOptions &options)
{
    LivePublishResult result;
    QEventLoop loop;
    std::thread publisher([&] {
        LiveEventPublisher p(options);
        result = p.run();
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
    });
    loop.exec();
    publisher.join();
    return result;
}

void settle(const std::function<qint64()> &received, qint64 expected, int idleMs)
{
    QElapsedTimer sinceChange;
    sinceChange.start();
    qint64 last = received();
    QEventLoop loop;
    QTimer check;
    check.setInterval(20);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        const qint64 now = received();
        if (now != last) {
            last = now;
            sinceChange.restart();
        }
        if (now >= expected || sinceChange.elapsed() >= idleMs)
            loop.quit();
    });
    check.start();
    if (last < expected)
        loop.exec();
}

QString describeStep(const QString &who, const RateStep &step)
{
    QString text = u"%1: %2/s (achieved %3/s): %4 of %5 received"_s.arg(who)
                       .arg(qRound64(step.rate))
                       .arg(qRound64(step.published.achievedRate))
                       .arg(step.received)
                       .arg(step.published.published);
    if (step.published.redisUnheard > 0)
        text += u", %1 heard by no subscriber"_s.arg(step.published.redisUnheard);
    if (step.disconnected)
        text += u", disconnected"_s;
    if (!step.error.isEmpty())
        text += u", "_s + step.error;
    if (!step.published.error.isEmpty())
        text += u", publisher: "_s + step.published.error;
    return text;
}

double maxLosslessRate(const QList<RateStep> &steps)
{
    double best = 0.0;
    for (const RateStep &step : steps) {
        if (step.lossless())
            best = std::max(best, step.sustainedRate());
    }
    return best;
}

QString publisherShortfallNote(const QList<RateStep> &steps)
{
    QStringList shortfalls;
    for (const RateStep &step : steps) {
        if (!step.rateReached())
            shortfalls.append(u"%1/s reached only %2/s"_s.arg(qRound64(step.rate))
                                  .arg(qRound64(step.published.achievedRate)));
    }
    if (shortfalls.isEmpty())
        return {};
    return u"the publisher could not reach every rate on this machine (%1); such a step counts at the rate "
           u"it "
           u"reached"_s.arg(shortfalls.join(u", "_s));
}

namespace {

// Counts the "message" lines redis-cli prints for each message (it prints the kind, the channel
// and the payload on a line each when its output is not a terminal).
class MessageLineCounter
{
public:
    void feed(const QByteArray &bytes)
    {
        const char *p = bytes.constData();
        const char *end = p + bytes.size();
        while (p < end) {
            const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!newline) {
                m_partial.append(p, end - p);
                break;
            }
            if (m_partial.isEmpty()) {
                if (newline - p == 7 && std::memcmp(p, "message", 7) == 0)
                    ++m_messages;
            } else {
                m_partial.append(p, newline - p);
                if (m_partial == "message")
                    ++m_messages;
                m_partial.clear();
            }
            ++m_lines;
            p = newline + 1;
        }
    }
    qint64 messages() const { return m_messages; }
    qint64 lines() const { return m_lines; }

private:
    QByteArray m_partial;
    qint64 m_messages = 0;
    qint64 m_lines = 0;
};

} // namespace

RedisCliResult measureRedisCliSubscribe(const QString &redisUrl, const QByteArray &channel,
                                        const QList<double> &rates, double seconds)
{
    RedisCliResult result;
    const RedisUrl url = RedisUrl::parse(redisUrl);
    if (!url.isValid()) {
        result.error = url.error;
        return result;
    }
    QStringList args{u"-h"_s, url.host, u"-p"_s, QString::number(url.port)};
    if (!url.user.isEmpty())
        args += {u"--user"_s, url.user};
    if (url.tls)
        args += u"--tls"_s;
    args += {u"SUBSCRIBE"_s, QString::fromUtf8(channel)};

    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        environment.insert(u"REDISCLI_AUTH"_s, url.password); // not on the command line
    cli.setProcessEnvironment(environment);
    MessageLineCounter counter;
    bool exited = false;
    QObject::connect(&cli, &QProcess::readyReadStandardOutput, &cli,
                     [&] { counter.feed(cli.readAllStandardOutput()); });
    QObject::connect(&cli, &QProcess::finished, &cli, [&] { exited = true; });
    cli.start(u"redis-cli"_s, args);
    if (!cli.waitForStarted(10000)) {
        result.error = u"redis-cli did not start: "_s + cli.errorString();
        return result;
    }
    // Subscribed once it printed the confirmation ("subscribe", the channel, the count).
    settle([&] { return counter.lines(); }, 3, 10000);
    if (counter.lines() < 3) {
        result.error = u"redis-cli did not confirm the subscription: "_s +
                       QString::fromLocal8Bit(cli.readAllStandardError());
        cli.kill();
        cli.waitForFinished(5000);
        return result;
    }

    for (const double rate : rates) {
        RateStep step;
        step.rate = rate;
        const qint64 before = counter.messages();
        LivePublishOptions options;
        options.redisUrl = redisUrl;
        options.redisChannel = channel;
        options.rate = rate;
        options.count = qint64(rate * seconds);
        step.published = publishWithEventLoop(options);
        settle([&] { return counter.messages() - before; }, step.published.published, 3000);
        step.received = counter.messages() - before;
        step.disconnected = exited;
        std::fprintf(stderr, "live-ingest: %s\n", qPrintable(describeStep(u"redis-cli"_s, step)));
        result.steps.append(step);
        if (!step.lossless())
            break;
    }
    result.maxRate = maxLosslessRate(result.steps);
    cli.kill();
    cli.waitForFinished(5000);
    return result;
}

} // namespace Sightline::Bench
