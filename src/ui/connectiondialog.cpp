#include "connectiondialog.h"

#include "connectionsourcepage.h"
#include "core/format.h"
#include "core/futurecontinuation.h"
#include "sources/connection/connectiontest.h"
#include "sources/secrets/secretstore.h"
#include "ui_connectiondialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
using Field = ConnectionSourcePage::Field;
using Kind = ConnectionSourcePage::FieldKind;

struct SourceSpec
{
    QString source;
    QString title; // the tab, with a mnemonic
    QList<Field> fields;
    std::optional<SecretSource> secret;
};

QList<SourceSpec> sourceSpecs()
{
    const Field caFile{u"ca_file"_s, ConnectionDialog::tr("&CA file:"), Kind::File,
                       ConnectionDialog::tr("PEM certificates to trust for https (optional)")};
    return {
        {u"postgres"_s,
         ConnectionDialog::tr("&PostgreSQL"),
         {{u"url"_s, ConnectionDialog::tr("&URL:"), Kind::Text,
           u"postgresql://reader@db.internal:5432/crucible?sslmode=verify-full"_s}},
         SecretSource::Postgres},
        {u"sqlite"_s,
         ConnectionDialog::tr("S&QLite"),
         {{u"path"_s, ConnectionDialog::tr("&Database file:"), Kind::File,
           ConnectionDialog::tr("evaluations.sqlite")}},
         std::nullopt},
        {u"files"_s,
         ConnectionDialog::tr("&Files"),
         {{u"root"_s, ConnectionDialog::tr("&Root folder:"), Kind::Folder,
           ConnectionDialog::tr("the folder holding outputs/ and logs/")}},
         std::nullopt},
        {u"redis"_s,
         ConnectionDialog::tr("&Redis"),
         {{u"url"_s, ConnectionDialog::tr("&URL:"), Kind::Text,
           u"rediss://cache.internal:6380/0?cacert=/etc/ssl/ca.pem"_s},
          {u"delimiter"_s, ConnectionDialog::tr("Key &delimiter:"), Kind::Text, u":"_s}},
         SecretSource::Redis},
        {u"s3"_s,
         ConnectionDialog::tr("S&3"),
         {{u"endpoint"_s, ConnectionDialog::tr("&Endpoint:"), Kind::Text,
           u"https://s3.eu-west-1.amazonaws.com"_s},
          {u"bucket"_s, ConnectionDialog::tr("&Bucket:"), Kind::Text, u"crucible-archive"_s},
          {u"region"_s, ConnectionDialog::tr("Re&gion:"), Kind::Text, u"us-east-1"_s},
          {u"addressing"_s,
           ConnectionDialog::tr("&Addressing:"),
           Kind::Choice,
           {},
           {u"path"_s, u"virtual"_s}},
          {u"prefix"_s, ConnectionDialog::tr("&Prefix:"), Kind::Text,
           ConnectionDialog::tr("only this part of the bucket (optional)")},
          caFile},
         SecretSource::S3},
        {u"memory"_s,
         ConnectionDialog::tr("Storage ser&vice"),
         {{u"url"_s, ConnectionDialog::tr("&URL:"), Kind::Text, u"http://storage.internal:8082"_s}, caFile},
         SecretSource::Memory},
        {u"prometheus"_s,
         ConnectionDialog::tr("Pro&metheus"),
         {{u"url"_s, ConnectionDialog::tr("&URL:"), Kind::Text, u"https://prometheus.internal"_s}, caFile},
         SecretSource::Prometheus},
        {u"grafana"_s,
         ConnectionDialog::tr("&Grafana"),
         {{u"url"_s, ConnectionDialog::tr("&URL:"), Kind::Text, u"https://grafana.internal"_s},
          {u"orgId"_s, ConnectionDialog::tr("&Organisation ID:"), Kind::Integer, {}, {}, 1},
          caFile},
         SecretSource::Grafana},
    };
}

// Non-empty fields of `over` replace those of `base`.
WorkspaceSecrets merged(WorkspaceSecrets base, const WorkspaceSecrets &over)
{
    auto take = [](QString &to, const QString &from) {
        if (!from.isEmpty())
            to = from;
    };
    take(base.postgresPassword, over.postgresPassword);
    take(base.redisPassword, over.redisPassword);
    take(base.s3AccessKeyId, over.s3AccessKeyId);
    take(base.s3SecretAccessKey, over.s3SecretAccessKey);
    take(base.s3SessionToken, over.s3SessionToken);
    take(base.prometheusToken, over.prometheusToken);
    take(base.prometheusPassword, over.prometheusPassword);
    take(base.grafanaToken, over.grafanaToken);
    take(base.memoryToken, over.memoryToken);
    return base;
}

// Takes the password out of a URL, from its user info (postgresql://u:pw@host, redis://:pw@host)
// or a password= query item; returns it, empty when there is none, and leaves `url` without it.
QString takeUrlPassword(QString &url)
{
    QUrl parsed(url.trimmed());
    if (url.trimmed().isEmpty() || !parsed.isValid())
        return {};
    QUrlQuery query(parsed);
    QString password = parsed.password(QUrl::FullyDecoded);
    const bool inQuery = query.hasQueryItem(u"password"_s);
    if (password.isEmpty() && !inQuery)
        return {};
    if (password.isEmpty())
        password = query.queryItemValue(u"password"_s, QUrl::FullyDecoded);
    parsed.setPassword(QString());
    if (parsed.userName().isEmpty())
        parsed.setUserInfo(QString()); // redis://:pw@host: no "@" left behind
    if (inQuery) {
        query.removeAllQueryItems(u"password"_s);
        if (query.isEmpty())
            parsed.setQuery(QString());
        else
            parsed.setQuery(query);
    }
    url = parsed.toString();
    return password;
}

QString formatLatency(double ms)
{
    return formatNumber(ms, ms < 10 ? 1 : 0);
}
} // namespace

ConnectionDialog::ConnectionDialog(const QJsonObject &document, const QString &filePath, SecretStore *store,
                                   QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_original(document)
    , m_filePath(filePath)
    , m_store(store)
{
    m_ui->setupUi(this);
    setWindowTitle(filePath.isEmpty() ? tr("New Workspace") : tr("Edit Workspace"));
    m_ui->errorLabel->hide();
    QPalette errorPalette = m_ui->errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_ui->errorLabel->setPalette(errorPalette);
    setFilePath(filePath);
    buildPages();

    m_ui->nameEdit->setText(document.value(u"name"_s).toString());
    const QJsonObject sourcesObject = document.value(u"sources"_s).toObject();
    if (sourcesObject.value(u"timeout_seconds"_s).isDouble())
        m_ui->timeoutSpin->setValue(sourcesObject.value(u"timeout_seconds"_s).toInt());
    for (ConnectionSourcePage *page : std::as_const(m_pages)) {
        page->load(sourcesObject.value(page->source()).toObject());
        if (moveUrlPasswordToSecret(page))
            m_movedFromUrl << page->source();
    }
    m_keychainName = workspaceName();
    // Open on the first source in use, so an edited profile shows what it has.
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->isConfigured()) {
            m_ui->sourceTabs->setCurrentIndex(i);
            break;
        }
    }

    QPushButton *saveButton = m_ui->buttonBox->button(QDialogButtonBox::Save);
    saveButton->setDefault(true);
    connect(saveButton, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->nameEdit->setFocus();
    lookUpSecretOrigins();
}

ConnectionDialog::~ConnectionDialog()
{
    for (const Test &test : std::as_const(m_tests)) {
        if (test.cancel)
            test.cancel->store(true);
    }
}

QJsonObject ConnectionDialog::newWorkspaceDocument()
{
    return QJsonObject{{u"name"_s, QString()}, {u"sources"_s, QJsonObject{}}};
}

void ConnectionDialog::setFilePath(const QString &path)
{
    m_filePath = path;
    m_ui->fileValue->setText(path.isEmpty() ? tr("not saved yet: Save asks where")
                                            : QDir::toNativeSeparators(path));
}

void ConnectionDialog::buildPages()
{
    const QList<SourceSpec> specs = sourceSpecs();
    for (const SourceSpec &spec : specs) {
        auto *page = new ConnectionSourcePage(spec.source, spec.fields, spec.secret, m_ui->sourceTabs);
        m_ui->sourceTabs->addTab(page, spec.title);
        m_pages.append(page);
        connect(page, &ConnectionSourcePage::testRequested, this, [this, page] { startTest(page); });
        connect(page, &ConnectionSourcePage::testCancelRequested, this, [this, page] { cancelTest(page); });
    }
}

ConnectionSourcePage *ConnectionDialog::page(const QString &source) const
{
    for (ConnectionSourcePage *page : m_pages) {
        if (page->source() == source)
            return page;
    }
    return nullptr;
}

QStringList ConnectionDialog::sources() const
{
    QStringList names;
    for (ConnectionSourcePage *page : m_pages)
        names << page->source();
    return names;
}

bool ConnectionDialog::moveUrlPasswordToSecret(ConnectionSourcePage *page)
{
    // The profile is meant to be shared: a password goes to the masked field, and from there to
    // the keychain on Save, never back into the file.
    const std::optional<SecretSource> source = page->secretSource();
    if (!source || (*source != SecretSource::Postgres && *source != SecretSource::Redis))
        return false;
    QLineEdit *urlEdit = page->lineEdit(u"url"_s);
    if (!urlEdit)
        return false;
    QString url = urlEdit->text();
    const QString password = takeUrlPassword(url);
    if (password.isEmpty())
        return false;
    urlEdit->setText(url);
    page->secretEdit()->setText(password); // the URL's, as it won over any other before
    return true;
}

QString ConnectionDialog::workspaceName() const
{
    return m_ui->nameEdit->text().trimmed();
}

QJsonObject ConnectionDialog::document() const
{
    QJsonObject document = m_original;
    const QString name = workspaceName();
    if (name.isEmpty())
        document.remove(u"name"_s);
    else
        document.insert(u"name"_s, name);
    QJsonObject sourcesObject = document.value(u"sources"_s).toObject();
    for (ConnectionSourcePage *page : m_pages) {
        const QJsonObject object = page->apply(sourcesObject.value(page->source()).toObject());
        if (object.isEmpty())
            sourcesObject.remove(page->source());
        else
            sourcesObject.insert(page->source(), object);
    }
    const int timeout = m_ui->timeoutSpin->value();
    if (sourcesObject.contains(u"timeout_seconds"_s) || timeout != 10)
        sourcesObject.insert(u"timeout_seconds"_s, timeout);
    document.insert(u"sources"_s, sourcesObject);
    return document;
}

WorkspaceSecrets ConnectionDialog::secrets() const
{
    WorkspaceSecrets typed;
    for (ConnectionSourcePage *page : m_pages)
        page->applyTypedSecret(typed);
    return merged(m_known, typed);
}

QString ConnectionDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void ConnectionDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void ConnectionDialog::lookUpSecretOrigins()
{
    const QString name = workspaceName();
    m_pendingOrigins = 0;
    for (ConnectionSourcePage *page : std::as_const(m_pages)) {
        if (!page->secretSource())
            continue;
        const SecretSource source = *page->secretSource();
        const QStringList variables = secretEnvironmentNames(source);
        QString variable;
        for (const QString &candidate : variables) {
            if (!qEnvironmentVariableIsEmpty(qPrintable(candidate))) {
                variable = candidate;
                break;
            }
        }
        if (m_movedFromUrl.contains(page->source())) {
            page->setSecretOrigin(tr("Current: written into the URL, now in the field above. Save keeps it "
                                     "in the keychain and takes it out of the profile, which is meant to "
                                     "be shared."),
                                  true);
            continue;
        }
        if (!variable.isEmpty()) {
            fillSecretsFromEnvironment(source, m_known);
            page->setSecretOrigin(
                tr("Current: from the environment variable %1 (it wins over the keychain)").arg(variable),
                true);
            continue;
        }
        if (!m_store || name.isEmpty()) {
            page->setSecretOrigin(tr("Current: none. One typed here goes to the keychain on Save."), false);
            continue;
        }
        ++m_pendingOrigins;
        page->setSecretOrigin(tr("Current: looking in the keychain…"), false);
        const QString key = secretKeychainKey(name, source);
        QPointer<ConnectionDialog> self = this;
        QPointer<ConnectionSourcePage> target = page;
        m_store->read(key, [self, target, source, key](const SecretStore::Result &result) {
            if (!self || !target)
                return;
            using Status = SecretStore::Result::Status;
            switch (result.status) {
            case Status::Found:
                decodeKeychainSecret(source, result.value, self->m_known);
                target->setSecretOrigin(tr("Current: in the keychain (Sightline, %1)").arg(key), true);
                break;
            case Status::NotFound:
                target->setSecretOrigin(tr("Current: none. One typed here goes to the keychain on Save."),
                                        false);
                break;
            case Status::Gone:
                target->setSecretOrigin(
                    tr("Current: none — it was in the keychain but is gone. Type it again."), false);
                break;
            case Status::KeychainUnavailable:
                target->setSecretOrigin(
                    tr("Current: none. No keychain is available (%1); one typed here can be kept in memory "
                       "until Sightline quits.")
                        .arg(result.message),
                    false);
                break;
            case Status::Failed:
                target->setSecretOrigin(tr("Current: unknown — the keychain said: %1").arg(result.message),
                                        false);
                break;
            }
            if (--self->m_pendingOrigins == 0)
                Q_EMIT self->secretOriginsKnown();
        });
    }
    if (m_pendingOrigins == 0)
        QMetaObject::invokeMethod(this, &ConnectionDialog::secretOriginsKnown, Qt::QueuedConnection);
}

void ConnectionDialog::startTest(ConnectionSourcePage *page)
{
    const QString parsePath =
        m_filePath.isEmpty() ? QDir::current().filePath(u"untitled.json"_s) : m_filePath;
    ProfileParseResult parsed = parseWorkspaceProfile(workspaceProfileJson(document()), parsePath);
    if (!parsed.profile) {
        page->setTestResult(false, tr("The profile is not valid yet: %1").arg(parsed.error.toString()));
        Q_EMIT testFinished(page->source());
        return;
    }
    WorkspaceProfile profile = *parsed.profile;
    profile.secrets = secrets();
    Test &test = m_tests[page->source()];
    if (test.cancel)
        test.cancel->store(true);
    test.cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++test.generation;
    page->setTesting(true);
    const QString source = page->source();
    QPointer<ConnectionSourcePage> target = page;
    whenFinished(
        testSourceConnection(profile, source, test.cancel), this,
        [this, target, source, generation](const ConnectionTestResult &result) {
            if (!target || m_tests.value(source).generation != generation)
                return; // cancelled or superseded
            QString text;
            if (result.ok) {
                text = result.serverVersion.isEmpty()
                           ? tr("OK — %1 ms").arg(formatLatency(result.latencyMs))
                           : tr("OK — %1 ms, %2").arg(formatLatency(result.latencyMs), result.serverVersion);
                if (!result.detail.isEmpty())
                    text += u'\n' + result.detail;
            } else {
                text = tr("Failed: %1").arg(result.error);
            }
            target->setTestResult(result.ok, text);
            Q_EMIT testFinished(source);
        });
}

void ConnectionDialog::cancelTest(ConnectionSourcePage *page)
{
    Test &test = m_tests[page->source()];
    if (test.cancel)
        test.cancel->store(true);
    ++test.generation; // its answer, when it comes, is dropped
    page->setTestResult(false, tr("Cancelled."));
    Q_EMIT testFinished(page->source());
}

void ConnectionDialog::save()
{
    if (m_saving)
        return;
    const QString name = workspaceName();
    if (name.isEmpty()) {
        showError(tr("name: a workspace needs a name (its keychain entries are filed under it)"));
        m_ui->nameEdit->setFocus();
        return;
    }
    QString path = m_filePath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save workspace profile"),
                                            QDir::home().filePath(name + u".json"_s),
                                            tr("Workspace profiles (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += u".json"_s;
    }
    // A password typed into a URL since the dialog opened goes the same way as one loaded with it.
    for (ConnectionSourcePage *page : std::as_const(m_pages))
        moveUrlPasswordToSecret(page);
    const QString error = saveWorkspaceProfile(document(), path);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    showError({});
    setFilePath(path);
    m_saving = true;
    m_ui->buttonBox->setEnabled(false);
    storeSecrets(path);
}

void ConnectionDialog::storeSecrets(const QString &filePath)
{
    const QString name = workspaceName();
    // Renamed: the secrets filed under the old name move to the new one, or they would not be
    // found under "<new>/<source>" next time.
    const QString oldName = m_keychainName != name ? m_keychainName : QString();
    struct Job
    {
        SecretSource source;
        std::optional<QString> typed; // encoded; none: move the old name's entry, if any
    };
    QList<Job> jobs;
    for (ConnectionSourcePage *page : std::as_const(m_pages)) {
        if (!page->secretSource())
            continue;
        const SecretSource source = *page->secretSource();
        if (page->hasTypedSecret()) {
            WorkspaceSecrets secrets;
            page->applyTypedSecret(secrets);
            jobs.append({source, encodeKeychainSecret(source, secrets)});
        } else if (!oldName.isEmpty()) {
            jobs.append({source, std::nullopt});
        }
    }
    if (jobs.isEmpty() || !m_store) {
        finishSave(filePath, {});
        return;
    }
    struct Pending
    {
        int left = 0;
        QString unavailable;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(jobs.size());
    QPointer<ConnectionDialog> self = this;
    QPointer<SecretStore> store = m_store;
    for (const Job &job : std::as_const(jobs)) {
        const SecretSource source = job.source;
        const SecretStore::Callback done = [self, pending, source,
                                            filePath](const SecretStore::Result &result) {
            using Status = SecretStore::Result::Status;
            if (result.status == Status::KeychainUnavailable)
                pending->unavailable = result.message;
            else if (result.status == Status::Failed)
                pending->problems << tr("%1: %2").arg(secretSourceName(source), result.message);
            if (--pending->left > 0 || !self)
                return;
            if (pending->unavailable.isEmpty() || self->m_store->memoryOnly()) {
                self->finishSave(filePath, pending->problems);
                return;
            }
            auto *box = new QMessageBox(
                QMessageBox::Question, tr("No keychain"),
                tr("There is no keychain to keep the secrets in (%1).\n\nKeep them in memory only, "
                   "until Sightline quits? You will be asked again next time.")
                    .arg(pending->unavailable),
                QMessageBox::NoButton, self);
            box->setObjectName(u"noKeychainBox"_s);
            QPushButton *keep = box->addButton(tr("&Keep in memory"), QMessageBox::AcceptRole);
            box->addButton(tr("&Forget them"), QMessageBox::RejectRole);
            box->setDefaultButton(keep);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, self, [self, box, keep, filePath] {
                if (box->clickedButton() == keep) {
                    self->m_store->setMemoryOnly(true);
                    self->storeSecrets(filePath);
                } else {
                    self->finishSave(filePath, {});
                }
            });
            box->open();
        };
        const QString key = secretKeychainKey(name, source);
        const QString oldKey = oldName.isEmpty() ? QString() : secretKeychainKey(oldName, source);
        // Writes under the new key; once that took, the old name's entry goes.
        auto writeThenForgetOld = [store, key, oldKey, done](const QString &value) {
            if (!store)
                return;
            store->write(key, value, [store, oldKey, done](const SecretStore::Result &written) {
                if (!store || oldKey.isEmpty() || written.status != SecretStore::Result::Status::Found) {
                    done(written);
                    return;
                }
                store->remove(oldKey, [done, written](const SecretStore::Result &) { done(written); });
            });
        };
        if (job.typed) {
            writeThenForgetOld(*job.typed);
            continue;
        }
        m_store->read(oldKey, [writeThenForgetOld, done](const SecretStore::Result &found) {
            using Status = SecretStore::Result::Status;
            if (found.status == Status::Found) {
                writeThenForgetOld(found.value);
            } else if (found.status == Status::Failed) {
                done(found);
            } else {
                done(SecretStore::Result{}); // nothing to move (none, gone, or no keychain to read)
            }
        });
    }
}

void ConnectionDialog::finishSave(const QString &filePath, const QStringList &problems)
{
    m_saving = false;
    m_ui->buttonBox->setEnabled(true);
    if (problems.isEmpty())
        m_keychainName = workspaceName(); // its secrets are filed under it now
    if (!problems.isEmpty()) {
        // The profile is saved; the dialog stays open so the secret can be tried again.
        showError(tr("The profile is saved, but the keychain did not take every secret:\n%1")
                      .arg(problems.join(u'\n')));
        return;
    }
    Q_EMIT saved(filePath);
    accept();
}

} // namespace Sightline
