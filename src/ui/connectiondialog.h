#pragma once

#include "core/workspaceprofile.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

#include <atomic>
#include <memory>

namespace Sightline {

class ConnectionSourcePage;
class SecretStore;

namespace Ui {
class ConnectionDialog;
}

// File → New Workspace… / Edit Workspace…: a workspace profile's name, timeout and sources, one
// tab per source with its secret and "Test connection". Save validates the document as
// parseWorkspaceProfile does (the message names the key), writes it (saveWorkspaceProfile, keys
// the dialog does not show kept as they were) and puts typed secrets in the keychain, never in
// the file.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    // `filePath` empty: a new workspace (Save asks where). `store` may be null: no keychain.
    ConnectionDialog(const QJsonObject &document, const QString &filePath, SecretStore *store,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path); // where Save writes, without asking
    // The document as the fields say now.
    QJsonObject document() const;
    // The secrets the dialog knows (environment, keychain) with what was typed on top.
    WorkspaceSecrets secrets() const;

    ConnectionSourcePage *page(const QString &source) const;
    QStringList sources() const;
    QString errorText() const;
    void save(); // what the Save button does

    static QJsonObject newWorkspaceDocument();

Q_SIGNALS:
    // The profile is written (and its secrets handed to the keychain): open it.
    void saved(const QString &filePath);
    // Every secret origin line is filled in (environment, keychain or none).
    void secretOriginsKnown();
    void testFinished(const QString &source);

private:
    void buildPages();
    void lookUpSecretOrigins();
    void startTest(ConnectionSourcePage *page);
    void cancelTest(ConnectionSourcePage *page);
    void storeSecrets(const QString &filePath);
    void finishSave(const QString &filePath, const QStringList &problems);
    void showError(const QString &message);
    QString workspaceName() const;
    // A password in a postgres or redis URL goes to the page's secret field; true when one did.
    bool moveUrlPasswordToSecret(ConnectionSourcePage *page);

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    QJsonObject m_original;
    QString m_filePath;
    SecretStore *m_store;
    WorkspaceSecrets m_known; // environment and keychain, as looked up when the dialog opened
    QList<ConnectionSourcePage *> m_pages;
    QStringList m_movedFromUrl; // sources whose password was in the loaded URL
    QString m_keychainName;     // the name the secrets are filed under in the keychain now
    struct Test
    {
        quint64 generation = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    QHash<QString, Test> m_tests;
    int m_pendingOrigins = 0;
    bool m_saving = false;
};

} // namespace Sightline
