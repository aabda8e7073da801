#include "app_settings.h"

#include <algorithm>

namespace {

const QStringList themes = {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("sunlight")};
const QStringList languages = {QStringLiteral("zh_CN"), QStringLiteral("en")};
constexpr int stepCount = 8; // the projects page and the seven steps

} // namespace

AppSettings::AppSettings(QObject* parent)
    : QObject(parent) {
    read();
}

AppSettings::AppSettings(const QString& file, QObject* parent)
    : QObject(parent)
    , settings_(file, QSettings::IniFormat) {
    read();
}

void AppSettings::read() {
    theme_ = settings_.value(QStringLiteral("ui/theme")).toString();
    if (!themes.contains(theme_))
        theme_ = themes.first();
    language_ = settings_.value(QStringLiteral("ui/language")).toString();
    if (!languages.contains(language_))
        language_ = languages.first();
    recent_ = settings_.value(QStringLiteral("projects/recent")).toStringList().mid(0, maxRecent);
    lastProject_ = settings_.value(QStringLiteral("state/project")).toString();
    currentStep_ = std::clamp(settings_.value(QStringLiteral("state/step"), 0).toInt(), 0, stepCount - 1);
}

void AppSettings::write(const QString& key, const QVariant& value) {
    settings_.setValue(key, value);
    // Written through now: the tablet's app may be killed before Qt would flush on its own.
    settings_.sync();
}

void AppSettings::setTheme(const QString& theme) {
    if (theme == theme_ || !themes.contains(theme))
        return;
    theme_ = theme;
    write(QStringLiteral("ui/theme"), theme_);
    emit themeChanged();
}

void AppSettings::setLanguage(const QString& language) {
    if (language == language_ || !languages.contains(language))
        return;
    language_ = language;
    write(QStringLiteral("ui/language"), language_);
    emit languageChanged();
}

void AppSettings::setLastProject(const QString& path) {
    if (path == lastProject_)
        return;
    lastProject_ = path;
    write(QStringLiteral("state/project"), lastProject_);
    emit lastProjectChanged();
}

void AppSettings::setCurrentStep(int step) {
    step = std::clamp(step, 0, stepCount - 1);
    if (step == currentStep_)
        return;
    currentStep_ = step;
    write(QStringLiteral("state/step"), currentStep_);
    emit currentStepChanged();
}

void AppSettings::noteRecent(const QString& path) {
    if (path.isEmpty() || (!recent_.isEmpty() && recent_.first() == path))
        return;
    recent_.removeAll(path);
    recent_.prepend(path);
    recent_ = recent_.mid(0, maxRecent);
    write(QStringLiteral("projects/recent"), recent_);
    emit recentProjectsChanged();
}

void AppSettings::forgetRecent(const QString& path) {
    if (recent_.removeAll(path) == 0)
        return;
    write(QStringLiteral("projects/recent"), recent_);
    emit recentProjectsChanged();
}

double AppSettings::scrollPosition(const QString& key) const {
    return settings_.value(QStringLiteral("scroll/") + key, 0.0).toDouble();
}

void AppSettings::setScrollPosition(const QString& key, double position) {
    if (qFuzzyCompare(1.0 + scrollPosition(key), 1.0 + position))
        return;
    write(QStringLiteral("scroll/") + key, position);
}
