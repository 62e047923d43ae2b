#include "workspaceopener.h"

#include "mainwindow.h"
#include "recentworkspaces.h"
#include "secretprompt.h"
#include "sources/secrets/secretstore.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageBox>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Sightline {

namespace {
Q_LOGGING_CATEGORY(lcWorkspace, "sightline.workspace")

// A message that does not block: the event loop (and the workspace's threads' answers) go on.
void inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setObjectName(u"workspaceMessage"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void overlay(WorkspaceSecrets &base, const WorkspaceSecrets &over)
{
    for (auto [to, from] : {std::pair{&base.postgresPassword, &over.postgresPassword},
                            std::pair{&base.redisPassword, &over.redisPassword},
                            std::pair{&base.s3AccessKeyId, &over.s3AccessKeyId},
                            std::pair{&base.s3SecretAccessKey, &over.s3SecretAccessKey},
                            std::pair{&base.s3SessionToken, &over.s3SessionToken},
                            std::pair{&base.prometheusToken, &over.prometheusToken},
                            std::pair{&base.prometheusPassword, &over.prometheusPassword},
                            std::pair{&base.grafanaToken, &over.grafanaToken},
                            std::pair{&base.memoryToken, &over.memoryToken}}) {
        if (!from->isEmpty())
            *to = *from;
    }
}
} // namespace

WorkspaceOpener::WorkspaceOpener(MainWindow *window, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
{
    connect(window, &MainWindow::workspaceFileChosen, this, [this](const QString &path) { openFile(path); });
    connect(window, &MainWindow::workspaceSaved, this,
            [this](const QString &path, const WorkspaceSecrets &typed) { openFile(path, typed); });
    connect(window, &MainWindow::recentWorkspaceChosen, this, [this](const QString &entry) {
        if (entry == RecentWorkspaces::demoEntry()) {
            Q_EMIT demoRequested();
            return;
        }
        if (!RecentWorkspaces::exists(entry)) {
            RecentWorkspaces recent;
            recent.remove(entry);
            inform(m_window, QMessageBox::Information, tr("Workspace not found"),
                   tr("%1 is no longer there; it is removed from Recent Workspaces.").arg(entry));
            return;
        }
        openFile(entry);
    });
}

WorkspaceOpener::~WorkspaceOpener() = default;

bool WorkspaceOpener::beginDemoPreparation()
{
    m_demoAskedAt = m_otherRequests;
    if (m_demoPreparing)
        return false;
    m_demoPreparing = true;
    return true;
}

bool WorkspaceOpener::finishDemoPreparation()
{
    const bool wanted = demoStillWanted();
    m_demoPreparing = false;
    return wanted;
}

bool WorkspaceOpener::demoStillWanted() const
{
    return m_demoPreparing && m_demoAskedAt == m_otherRequests;
}

void WorkspaceOpener::openFile(const QString &path, const WorkspaceSecrets &typed)
{
    ++m_otherRequests; // a demo still being prepared no longer opens over it
    const ProfileParseResult parsed = loadWorkspaceProfile(path);
    if (!parsed.profile) {
        const QString message = parsed.error.toString();
        std::fprintf(stderr, "sightline: %s\n", qPrintable(message));
        ++m_generation; // a prompt of an earlier open no longer applies
        if (m_prompt)
            m_prompt->reject();
        // The current workspace stays open when another one cannot be: only a first open shows the page.
        if (m_window && m_window->hasWorkspace())
            inform(m_window, QMessageBox::Warning, tr("Workspace not opened"),
                   tr("The workspace profile cannot be used.\n\n%1").arg(message));
        else if (m_window)
            m_window->showWorkspaceError(tr("The workspace profile cannot be used.\n\n%1").arg(message));
        Q_EMIT failed(message);
        return;
    }
    if (!parsed.profile->hasRelationalStore()) {
        const QString message =
            tr("%1 names no relational store: add sources.postgres.url or sources.sqlite.path.").arg(path);
        std::fprintf(stderr, "sightline: %s\n", qPrintable(message));
        if (m_window && m_window->hasWorkspace())
            inform(m_window, QMessageBox::Warning, tr("Workspace not opened"), message);
        else if (m_window)
            m_window->showWorkspaceError(message);
        Q_EMIT failed(message);
        return;
    }
    openProfile(*parsed.profile, QFileInfo(path).absoluteFilePath(), typed);
}

void WorkspaceOpener::openProfile(const WorkspaceProfile &profile, const QString &recentEntry,
                                  const WorkspaceSecrets &typed)
{
    for (const QString &warning : profile.warnings)
        std::fprintf(stderr, "sightline: warning: %s\n", qPrintable(warning));
    const quint64 generation = ++m_generation;
    if (recentEntry != RecentWorkspaces::demoEntry())
        ++m_otherRequests;
    if (m_prompt)
        m_prompt->reject();
    if (configuredSecretSources(profile).isEmpty() || !m_store) {
        SecretResolution resolution;
        resolution.secrets = profile.secrets;
        for (SecretSource source : configuredSecretSources(profile))
            fillSecretsFromEnvironment(source, resolution.secrets);
        overlay(resolution.secrets, typed);
        continueWithResolution(profile, resolution, recentEntry);
        return;
    }
    resolveWorkspaceSecrets(
        profile, this, [this, profile, recentEntry, typed, generation](const SecretResolution &resolution) {
            if (generation != m_generation)
                return; // another workspace was asked for meanwhile
            SecretResolution withTyped = resolution;
            overlay(withTyped.secrets, typed);
            // A secret just typed answers for one that has gone.
            withTyped.gone.removeIf([&](SecretSource source) { return hasSecret(source, typed); });
            continueWithResolution(profile, withTyped, recentEntry);
        });
}

void WorkspaceOpener::continueWithResolution(const WorkspaceProfile &profile,
                                             const SecretResolution &resolution, const QString &recentEntry)
{
    const quint64 generation = m_generation;
    m_pending = profile;
    m_pending.secrets = resolution.secrets;
    m_pendingRecent = recentEntry;
    m_toAsk = resolution.gone;
    m_keychainUnavailable = resolution.keychainUnavailable;
    m_keychainMessage = resolution.keychainMessage;
    for (const QString &failure : resolution.failures)
        qCWarning(lcWorkspace) << "keychain:"
                               << failure; // names the source and the keychain's error, no value
    askNext(generation);
}

void WorkspaceOpener::askNext(quint64 generation)
{
    if (generation != m_generation)
        return;
    if (m_toAsk.isEmpty()) {
        finish(generation);
        return;
    }
    const SecretSource source = m_toAsk.takeFirst();
    auto *prompt = new SecretPrompt(m_pending.name, source, SecretPrompt::Reason::Gone, m_window);
    prompt->setObjectName(u"secretPrompt"_s);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    if (m_store && m_store->memoryOnly())
        prompt->setMemoryOnly();
    else if (m_keychainUnavailable)
        prompt->setKeychainUnavailable(m_keychainMessage);
    m_prompt = prompt;
    connect(prompt, &QDialog::finished, this, [this, prompt, source, generation](int result) {
        if (generation != m_generation)
            return;
        if (result == QDialog::Accepted) {
            WorkspaceSecrets typed;
            if (prompt->apply(typed)) {
                overlay(m_pending.secrets, typed);
                rememberSecret(source, typed, !prompt->remember());
            }
        }
        askNext(generation);
    });
    prompt->open();
    Q_EMIT secretPromptShown(prompt);
}

void WorkspaceOpener::rememberSecret(SecretSource source, const WorkspaceSecrets &secrets, bool inMemoryOnly)
{
    if (!m_store)
        return;
    if (inMemoryOnly && !m_store->memoryOnly())
        return; // used for this run only: m_pending carries it
    const QString key = secretKeychainKey(m_pending.name, source);
    const QString value = encodeKeychainSecret(source, secrets);
    QPointer<WorkspaceOpener> self = this;
    m_store->write(key, value, [self, key, value](const SecretStore::Result &result) {
        if (!self || result.status == SecretStore::Result::Status::Found ||
            result.status == SecretStore::Result::Status::NotFound)
            return;
        if (result.status == SecretStore::Result::Status::KeychainUnavailable) {
            // Offer what there is: memory until Sightline quits.
            auto *box = new QMessageBox(QMessageBox::Question, tr("No keychain"),
                                        tr("There is no keychain to keep the secret in (%1).\n\nKeep "
                                           "secrets in memory only, until "
                                           "Sightline quits? This workspace uses it either way for now.")
                                            .arg(result.message),
                                        QMessageBox::Yes | QMessageBox::No, self->m_window);
            box->setObjectName(u"noKeychainBox"_s);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, self, [self, key, value](int answer) {
                if (!self || !self->m_store || answer != QMessageBox::Yes)
                    return;
                // The write that failed is done again, now to memory: the secret is kept until quit.
                self->m_store->setMemoryOnly(true);
                self->m_store->write(key, value, [key](const SecretStore::Result &again) {
                    if (again.status != SecretStore::Result::Status::Found)
                        qCWarning(lcWorkspace) << "memory did not take" << key << ":" << again.message;
                });
            });
            box->open();
            return;
        }
        qCWarning(lcWorkspace) << "the keychain did not take" << key << ":" << result.message;
    });
}

void WorkspaceOpener::finish(quint64 generation)
{
    if (generation != m_generation || !m_window)
        return;
    const WorkspaceProfile profile = m_pending;
    m_pending = {};
    Q_EMIT aboutToOpen(profile);
    qCInfo(lcWorkspace) << "opening workspace" << profile.name;
    m_window->setWorkspace(profile);
    m_window->showProfileWarnings(profile.warnings);
    if (m_keychainUnavailable && !configuredSecretSources(profile).isEmpty() && m_store &&
        !m_store->memoryOnly())
        m_window->showKeychainNote(
            tr("No keychain is available (%1): secrets come from the environment only. To enter one, use "
               "File → Edit Workspace…; it is then kept in memory until Sightline quits.")
                .arg(m_keychainMessage));
    if (!m_pendingRecent.isEmpty()) {
        RecentWorkspaces recent;
        recent.add(m_pendingRecent);
    }
    Q_EMIT opened(profile);
}

} // namespace Sightline
