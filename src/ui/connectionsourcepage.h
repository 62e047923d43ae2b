#pragma once

#include "core/workspacesecrets.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Sightline {

// One source's tab of the connection dialog: its profile fields (a "Browse…" button where a path
// goes), the secret it takes (masked, saying where the current one comes from), and "Test
// connection" with a busy bar and the result. Built from a table of fields rather than a form:
// eight pages of the same shape.
class ConnectionSourcePage final : public QWidget
{
    Q_OBJECT
public:
    enum class FieldKind { Text, File, Folder, Integer, Choice };
    struct Field
    {
        Field(QString key_, QString label_, FieldKind kind_ = FieldKind::Text, QString placeholder_ = {},
              QStringList choices_ = {}, int defaultValue_ = 0)
            : key(std::move(key_))
            , label(std::move(label_))
            , kind(kind_)
            , placeholder(std::move(placeholder_))
            , choices(std::move(choices_))
            , defaultValue(defaultValue_)
        {
        }
        QString key;   // in the profile: sources.<source>.<key>
        QString label; // with a mnemonic
        FieldKind kind = FieldKind::Text;
        QString placeholder;
        QStringList choices;  // Choice: the values; the first is the default
        int defaultValue = 0; // Integer
    };

    ConnectionSourcePage(const QString &source, const QList<Field> &fields,
                         std::optional<SecretSource> secret, QWidget *parent = nullptr);

    QString source() const { return m_source; }
    std::optional<SecretSource> secretSource() const { return m_secret; }

    void load(const QJsonObject &object); // the source's object from the document
    // `original` with the shown keys set from the fields (an empty field removes its key);
    // keys the page does not show are kept.
    QJsonObject apply(const QJsonObject &original) const;
    bool isConfigured() const; // any field filled in

    // Secret: what the user typed (empty: keep the current one), and where the current one is from.
    bool hasTypedSecret() const;
    void applyTypedSecret(WorkspaceSecrets &secrets) const;
    void setSecretOrigin(const QString &text, bool present);
    QString secretOriginText() const;

    // Test connection: busy (the button says Cancel) or a result.
    void setTesting(bool testing);
    void setTestResult(bool ok, const QString &text);
    QString testResultText() const;

    QLineEdit *lineEdit(const QString &key) const;
    QSpinBox *spinBox(const QString &key) const;
    QComboBox *comboBox(const QString &key) const;
    QLineEdit *secretEdit() const { return m_secretEdit; }
    QLineEdit *accessKeyEdit() const { return m_accessKeyEdit; }
    QPushButton *testButton() const { return m_testButton; }

Q_SIGNALS:
    void testRequested();
    void testCancelRequested();

private:
    QWidget *pathRow(QLineEdit *edit, FieldKind kind, const QString &title);

    QString m_source;
    QList<Field> m_fields;
    std::optional<SecretSource> m_secret;
    QHash<QString, QWidget *> m_editors;
    QLineEdit *m_secretEdit = nullptr;
    QLineEdit *m_accessKeyEdit = nullptr;
    QLabel *m_secretOrigin = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    bool m_testing = false;
};

} // namespace Sightline
