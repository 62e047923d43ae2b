#pragma once

#include "core/workspacesecrets.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Sightline {

namespace Ui {
class SecretPrompt;
}

// Asks for one source's secret while a workspace opens: its keychain entry has gone, or it is
// asked for again (a failed login). Masked; "Remember in keychain" writes it there, otherwise it
// is used until Sightline quits. Skip (Esc) opens the workspace without it.
class SecretPrompt final : public QDialog
{
    Q_OBJECT
public:
    enum class Reason { Gone, Needed };

    SecretPrompt(const QString &workspaceName, SecretSource source, Reason reason, QWidget *parent = nullptr);
    ~SecretPrompt() override;

    SecretSource source() const { return m_source; }
    // Sets the source's fields of `secrets` from what was typed; false when nothing was.
    bool apply(WorkspaceSecrets &secrets) const;
    bool remember() const;
    // The keychain is not there: the box says so, and that the secret stays in memory only.
    void setKeychainUnavailable(const QString &message);
    // Memory-only mode was chosen earlier this run: the box says where the secret goes.
    void setMemoryOnly();

    // For tests and screenshots.
    QString message() const;
    void setSecretText(const QString &text, const QString &accessKeyId = {});
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *useButton() const;

private:
    std::unique_ptr<Ui::SecretPrompt> m_ui;
    SecretSource m_source;
    QPushButton *m_skip = nullptr;
};

// What a secret is called in the GUI: "password", "token", "access key".
QString secretKindName(SecretSource source);

} // namespace Sightline
