#pragma once
// Runs shuiheng-cli as a process, as scripts and bureau tools run it, for the CLI tests.

#include <QProcess>
#include <QString>
#include <QStringList>

const QString cli = SHUIHENG_BIN_DIR "/shuiheng-cli";
const QString sample = SHUIHENG_DATA_DIR "/plants/sample-plant.json";
const QString testData = SHUIHENG_TEST_DATA_DIR;

struct Run {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};

/// Runs shuiheng-cli with `arguments` and no standard input; gives up after 30 s.
Run run(const QStringList& arguments);

/// Exit status and both outputs, for a failure message.
QByteArray describe(const Run& r);
