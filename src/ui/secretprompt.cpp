#include "secretprompt.h"

#include "ui_secretprompt.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Sightline {

QString secretKindName(SecretSource source)
{
    switch (source) {
    case SecretSource::Postgres:
    case SecretSource::Redis:
        return SecretPrompt::tr("password");
    case SecretSource::S3:
        return SecretPrompt::tr("access key");
    case SecretSource::Prometheus:
    case SecretSource::Grafana:
    case SecretSource::Memory:
        return SecretPrompt::tr("token");
    }
    return SecretPrompt::tr("secret");
}

SecretPrompt::SecretPrompt(const QString &workspaceName, SecretSource source, Reason reason, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SecretPrompt>())
    , m_source(source)
{
    m_ui->setupUi(this);
    const QString sourceName = secretSourceName(source);
    const QString kind = secretKindName(source);
    setWindowTitle(tr("%1 for %2").arg(kind.left(1).toUpper() + kind.mid(1), sourceName));
    if (reason == Reason::Gone) {
        m_ui->messageLabel->setText(tr("The %1 for %2 of workspace %3 is no longer in the keychain.\n\n"
                                       "Enter it to connect, or skip: %2 is then opened without it.")
                                        .arg(kind, sourceName, workspaceName));
    } else {
        m_ui->messageLabel->setText(
            tr("Enter the %1 for %2 of workspace %3.").arg(kind, sourceName, workspaceName));
    }
    const bool s3 = source == SecretSource::S3;
    m_ui->form->setRowVisible(0, s3); // the access key ID is S3's alone
    if (s3)
        m_ui->secretLabel->setText(tr("&Secret access key:"));
    else if (source == SecretSource::Postgres || source == SecretSource::Redis)
        m_ui->secretLabel->setText(tr("&Password:"));
    else
        m_ui->secretLabel->setText(tr("&Token:"));
    m_ui->keychainNote->hide();
    useButton()->setText(tr("&Use"));
    m_skip = m_ui->buttonBox->addButton(tr("S&kip"), QDialogButtonBox::RejectRole);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (s3 ? m_ui->accessKeyEdit : m_ui->secretEdit)->setFocus();
}

SecretPrompt::~SecretPrompt() = default;

QPushButton *SecretPrompt::useButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

bool SecretPrompt::apply(WorkspaceSecrets &secrets) const
{
    const QString secret = m_ui->secretEdit->text();
    switch (m_source) {
    case SecretSource::Postgres:
        secrets.postgresPassword = secret;
        break;
    case SecretSource::Redis:
        secrets.redisPassword = secret;
        break;
    case SecretSource::S3:
        secrets.s3AccessKeyId = m_ui->accessKeyEdit->text().trimmed();
        secrets.s3SecretAccessKey = secret;
        return !secret.isEmpty() || !secrets.s3AccessKeyId.isEmpty();
    case SecretSource::Prometheus:
        secrets.prometheusToken = secret;
        break;
    case SecretSource::Grafana:
        secrets.grafanaToken = secret;
        break;
    case SecretSource::Memory:
        secrets.memoryToken = secret;
        break;
    }
    return !secret.isEmpty();
}

bool SecretPrompt::remember() const
{
    return m_ui->rememberCheck->isEnabled() && m_ui->rememberCheck->isChecked();
}

void SecretPrompt::setKeychainUnavailable(const QString &message)
{
    m_ui->rememberCheck->setChecked(false);
    m_ui->rememberCheck->setEnabled(false);
    m_ui->keychainNote->setText(
        tr("No keychain is available (%1). The secret is kept in memory only, until Sightline quits.")
            .arg(message));
    m_ui->keychainNote->show();
}

void SecretPrompt::setMemoryOnly()
{
    m_ui->rememberCheck->setChecked(false);
    m_ui->rememberCheck->setEnabled(false);
    m_ui->keychainNote->setText(tr("As you chose, secrets are kept in memory only, until Sightline quits."));
    m_ui->keychainNote->show();
}

QString SecretPrompt::message() const
{
    return m_ui->messageLabel->text();
}

void SecretPrompt::setSecretText(const QString &text, const QString &accessKeyId)
{
    m_ui->secretEdit->setText(text);
    m_ui->accessKeyEdit->setText(accessKeyId);
}

} // namespace Sightline
