#include "data_dir.h"

#include <QCoreApplication>
#include <QDir>

QString shippedDataDir() {
    if (qEnvironmentVariableIsSet("SHUIHENG_DATA_DIR"))
        return qEnvironmentVariable("SHUIHENG_DATA_DIR");
    const QDir bin(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {bin.filePath("../share/shuiheng"), bin.filePath("../../data")})
        if (QDir(candidate).exists(QStringLiteral("quotas")))
            return QDir::cleanPath(candidate);
    return {};
}

QString userDataDir() {
    const QString xdg = qEnvironmentVariable("XDG_DATA_HOME");
    return (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : xdg) +
           QStringLiteral("/shuiheng");
}

QString userQuotaDir() {
    if (qEnvironmentVariableIsSet("SHUIHENG_QUOTA_LIBRARY"))
        return qEnvironmentVariable("SHUIHENG_QUOTA_LIBRARY");
    return userDataDir() + QStringLiteral("/quotas");
}
