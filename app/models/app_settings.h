#pragma once
// What the app remembers between runs: theme, language, recent projects, and where the user was
// (open project, step, scroll positions). Every change is written through at once, so that an app
// killed at any moment comes back where it was.

#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// "light", "dark" or "sunlight" (high contrast for glare).
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    /// UI language: "zh_CN" (the default) or "en".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// Project files opened lately, most recent first (at most maxRecent).
    Q_PROPERTY(QStringList recentProjects READ recentProjects NOTIFY recentProjectsChanged)
    /// The project open when the app last ran; empty when none was.
    Q_PROPERTY(QString lastProject READ lastProject WRITE setLastProject NOTIFY lastProjectChanged)
    /// The page shown: 0 the projects, 1 … 7 the steps of the guided test.
    Q_PROPERTY(int currentStep READ currentStep WRITE setCurrentStep NOTIFY currentStepChanged)

public:
    static constexpr int maxRecent = 10;

    /// Settings in the user's configuration folder (QSettings of the application).
    explicit AppSettings(QObject* parent = nullptr);
    /// Settings in the INI file at `file` (tests).
    explicit AppSettings(const QString& file, QObject* parent = nullptr);

    QString theme() const { return theme_; }
    void setTheme(const QString& theme);
    QString language() const { return language_; }
    void setLanguage(const QString& language);
    QStringList recentProjects() const { return recent_; }
    QString lastProject() const { return lastProject_; }
    void setLastProject(const QString& path);
    int currentStep() const { return currentStep_; }
    void setCurrentStep(int step);

    /// Puts `path` first in the recent list.
    Q_INVOKABLE void noteRecent(const QString& path);
    /// Takes `path` off the recent list (e.g. the file is gone).
    Q_INVOKABLE void forgetRecent(const QString& path);
    /// The remembered scroll position of a list (`key` names it); 0 when none.
    Q_INVOKABLE double scrollPosition(const QString& key) const;
    Q_INVOKABLE void setScrollPosition(const QString& key, double position);

signals:
    void themeChanged();
    void languageChanged();
    void recentProjectsChanged();
    void lastProjectChanged();
    void currentStepChanged();

private:
    void read();
    void write(const QString& key, const QVariant& value);

    QSettings settings_;
    QString theme_;
    QString language_;
    QStringList recent_;
    QString lastProject_;
    int currentStep_ = 0;
};
