#include "connectionsourcepage.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Sightline {

ConnectionSourcePage::ConnectionSourcePage(const QString &source, const QList<Field> &fields,
                                           std::optional<SecretSource> secret, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_fields(fields)
    , m_secret(secret)
{
    setObjectName(source + u"Page"_s);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(form);

    for (const Field &field : fields) {
        QWidget *editor = nullptr;
        QWidget *row = nullptr;
        switch (field.kind) {
        case FieldKind::Text:
        case FieldKind::File:
        case FieldKind::Folder: {
            auto *edit = new QLineEdit(this);
            edit->setPlaceholderText(field.placeholder);
            edit->setClearButtonEnabled(true);
            editor = edit;
            row = field.kind == FieldKind::Text ? edit : pathRow(edit, field.kind, field.label);
            break;
        }
        case FieldKind::Integer: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, 1000000);
            spin->setValue(field.defaultValue);
            editor = row = spin;
            break;
        }
        case FieldKind::Choice: {
            auto *combo = new QComboBox(this);
            combo->addItems(field.choices);
            editor = row = combo;
            break;
        }
        }
        editor->setObjectName(source + u'_' + field.key);
        m_editors.insert(field.key, editor);
        auto *label = new QLabel(field.label, this);
        label->setBuddy(editor);
        form->addRow(label, row);
    }

    if (secret) {
        const bool s3 = *secret == SecretSource::S3;
        const bool password = *secret == SecretSource::Postgres || *secret == SecretSource::Redis;
        if (s3) {
            m_accessKeyEdit = new QLineEdit(this);
            m_accessKeyEdit->setObjectName(source + u"_access_key_id"_s);
            m_accessKeyEdit->setEchoMode(QLineEdit::Password);
            auto *label = new QLabel(tr("Access &key ID:"), this);
            label->setBuddy(m_accessKeyEdit);
            form->addRow(label, m_accessKeyEdit);
        }
        m_secretEdit = new QLineEdit(this);
        m_secretEdit->setObjectName(source + u"_secret"_s);
        m_secretEdit->setEchoMode(QLineEdit::Password);
        auto *label = new QLabel(s3         ? tr("Secret access ke&y:")
                                 : password ? tr("Pass&word:")
                                            : tr("To&ken:"),
                                 this);
        label->setBuddy(m_secretEdit);
        form->addRow(label, m_secretEdit);
        m_secretOrigin = new QLabel(this);
        m_secretOrigin->setObjectName(source + u"_secretOrigin"_s);
        m_secretOrigin->setWordWrap(true);
        m_secretOrigin->setTextFormat(Qt::PlainText);
        m_secretOrigin->setForegroundRole(QPalette::PlaceholderText);
        m_secretOrigin->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        form->addRow(QString(), m_secretOrigin);
    }

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(source + u"_test"_s);
    m_testButton->setAutoDefault(false); // Enter saves the dialog, wherever the focus is
    m_testBusy = new QProgressBar(this);
    m_testBusy->setRange(0, 0);
    m_testBusy->setMaximumWidth(120);
    m_testBusy->setTextVisible(false);
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->hide();
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addStretch(1);
    layout->addLayout(testRow);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(source + u"_testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testResult->setMinimumHeight(m_testResult->fontMetrics().lineSpacing() * 3);
    m_testResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_testResult);
    layout->addStretch(1);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (m_testing)
            Q_EMIT testCancelRequested();
        else
            Q_EMIT testRequested();
    });
}

QWidget *ConnectionSourcePage::pathRow(QLineEdit *edit, FieldKind kind, const QString &title)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAutoDefault(false);
    browse->setAccessibleName(tr("Browse for %1").arg(QString(title).remove(u'&').remove(u':')));
    layout->addWidget(browse);
    edit->setMinimumWidth(320);
    row->setFocusProxy(edit);
    connect(browse, &QPushButton::clicked, this, [this, edit, kind, title] {
        const QString caption = QString(title).remove(u'&').remove(u':');
        const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
        const QString chosen = kind == FieldKind::Folder
                                   ? QFileDialog::getExistingDirectory(this, caption, edit->text())
                                   : QFileDialog::getOpenFileName(this, caption, start);
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return row;
}

void ConnectionSourcePage::load(const QJsonObject &object)
{
    for (const Field &field : std::as_const(m_fields)) {
        const QJsonValue value = object.value(field.key);
        QWidget *editor = m_editors.value(field.key);
        if (auto *edit = qobject_cast<QLineEdit *>(editor))
            edit->setText(value.isString()   ? value.toString()
                          : value.isDouble() ? QString::number(value.toDouble())
                                             : QString());
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(value.isDouble() ? value.toInt() : field.defaultValue);
        else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const int index = combo->findText(value.toString());
            combo->setCurrentIndex(index < 0 ? 0 : index);
        }
    }
}

QJsonObject ConnectionSourcePage::apply(const QJsonObject &original) const
{
    QJsonObject object = original;
    const bool configured = isConfigured();
    for (const Field &field : std::as_const(m_fields)) {
        QWidget *editor = m_editors.value(field.key);
        if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                object.remove(field.key);
            else
                object.insert(field.key, text);
        } else if (!configured) {
            // A source with nothing filled in goes, its settings with it (the key it would need is
            // gone, so they could not be saved).
            object.remove(field.key);
        } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            // A default is only written when the file had the key or the source is in use.
            if (original.contains(field.key) || spin->value() != field.defaultValue)
                object.insert(field.key, spin->value());
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            if (original.contains(field.key) || combo->currentIndex() > 0)
                object.insert(field.key, combo->currentText());
        }
    }
    return object;
}

bool ConnectionSourcePage::isConfigured() const
{
    for (const Field &field : std::as_const(m_fields)) {
        if (auto *edit = qobject_cast<QLineEdit *>(m_editors.value(field.key));
            edit && !edit->text().trimmed().isEmpty())
            return true;
    }
    return false;
}

bool ConnectionSourcePage::hasTypedSecret() const
{
    return (m_secretEdit && !m_secretEdit->text().isEmpty()) ||
           (m_accessKeyEdit && !m_accessKeyEdit->text().isEmpty());
}

void ConnectionSourcePage::applyTypedSecret(WorkspaceSecrets &secrets) const
{
    if (!m_secret || !hasTypedSecret())
        return;
    const QString value = m_secretEdit->text();
    switch (*m_secret) {
    case SecretSource::Postgres:
        secrets.postgresPassword = value;
        break;
    case SecretSource::Redis:
        secrets.redisPassword = value;
        break;
    case SecretSource::S3:
        secrets.s3AccessKeyId = m_accessKeyEdit->text().trimmed();
        secrets.s3SecretAccessKey = value;
        secrets.s3SessionToken.clear();
        break;
    case SecretSource::Prometheus:
        secrets.prometheusToken = value;
        secrets.prometheusPassword.clear();
        break;
    case SecretSource::Grafana:
        secrets.grafanaToken = value;
        break;
    case SecretSource::Memory:
        secrets.memoryToken = value;
        break;
    }
}

void ConnectionSourcePage::setSecretOrigin(const QString &text, bool present)
{
    if (!m_secretOrigin)
        return;
    m_secretOrigin->setText(text);
    const QString placeholder = present ? tr("unchanged") : QString();
    m_secretEdit->setPlaceholderText(placeholder);
    if (m_accessKeyEdit)
        m_accessKeyEdit->setPlaceholderText(placeholder);
}

QString ConnectionSourcePage::secretOriginText() const
{
    return m_secretOrigin ? m_secretOrigin->text() : QString();
}

void ConnectionSourcePage::setTesting(bool testing)
{
    m_testing = testing;
    m_testBusy->setVisible(testing);
    m_testButton->setText(testing ? tr("Cancel &test") : tr("&Test connection"));
    if (testing) {
        m_testResult->setPalette(palette()); // not the last result's colour
        m_testResult->setText(tr("Connecting…"));
    }
}

void ConnectionSourcePage::setTestResult(bool ok, const QString &text)
{
    setTesting(false);
    QPalette palette = m_testResult->palette();
    palette.setColor(QPalette::WindowText, ok ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xb0, 0x20, 0x20));
    m_testResult->setPalette(palette);
    m_testResult->setText(text);
}

QString ConnectionSourcePage::testResultText() const
{
    return m_testResult->text();
}

QLineEdit *ConnectionSourcePage::lineEdit(const QString &key) const
{
    return qobject_cast<QLineEdit *>(m_editors.value(key));
}

QSpinBox *ConnectionSourcePage::spinBox(const QString &key) const
{
    return qobject_cast<QSpinBox *>(m_editors.value(key));
}

QComboBox *ConnectionSourcePage::comboBox(const QString &key) const
{
    return qobject_cast<QComboBox *>(m_editors.value(key));
}

} // namespace Sightline
