#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

Translations::~Translations() {
    remove();
}

void Translations::remove() {
    if (!installed_)
        return;
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
    installed_ = false;
}

bool Translations::use(const QString& language) {
    remove();
    QLocale::setDefault(QLocale(language));
    const bool ok = app_.load(QStringLiteral(":/i18n/shuiheng_%1.qm").arg(language));
    if (ok)
        QCoreApplication::installTranslator(&app_);
    // Qt's own strings (file dialogs, standard buttons), where Debian ships them.
    if (qt_.load(QStringLiteral("qt_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt_);
    installed_ = true;
    return ok;
}
