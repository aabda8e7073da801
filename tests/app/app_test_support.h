#pragma once
// What the app's tests share.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtGlobal>

/// A file in `dir` with `text` as its content; its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// The app's environment for a test run: its own configuration folder `config` and, beside it, its
/// own data folder (`data`, where the sample project is made), offscreen.
inline QProcessEnvironment appEnvironment(const QString& config) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir::cleanPath(config + QStringLiteral("/../data")));
    env.remove(QStringLiteral("SHUIHENG_SAMPLE_DIR"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    return env;
}

/// Runs `shuiheng ARGUMENTS --startup-report` with the configuration folder `config` and returns
/// its report (empty when it failed).
inline QJsonObject startupReport(const QStringList& arguments, const QString& config) {
    QProcess process;
    process.setProcessEnvironment(appEnvironment(config));
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(SHUIHENG_BIN_DIR "/shuiheng"),
                  arguments + QStringList{QStringLiteral("--startup-report")});
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        return {};
    const QByteArray out = process.readAllStandardOutput().trimmed();
    return QJsonDocument::fromJson(out.mid(out.lastIndexOf('\n') + 1)).object();
}
