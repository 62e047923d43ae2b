#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace Sightline {

// Edit → Preferences…: the language (ui/language, read at start, so a change takes effect when
// Sightline restarts; "Restart Now" does that) and the theme (ui/theme, applied at once).
// Every change is saved as it is made.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    bool restartNoteShown() const;

private:
    void languageChosen();
    void themeChosen();
    void restartNow();

    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_restartNote;
    QPushButton *m_restart;
    QString m_startLanguage;
};

} // namespace Sightline
