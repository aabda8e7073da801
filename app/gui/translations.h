#pragma once
// The app's languages: its own translations (compiled in from app/i18n) and Qt's for the standard
// dialogs. Simplified Chinese is the default; English is the source language (its file only
// carries the plural forms).

#include <QString>
#include <QTranslator>

class Translations {
public:
    Translations() = default;
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    /// Installs the translations of `language` ("zh_CN", "en"), replacing the previous ones, and
    /// makes it the default locale. False when the app's own file is missing.
    bool use(const QString& language);

private:
    void remove();

    QTranslator app_;
    QTranslator qt_;
    bool installed_ = false;
};
