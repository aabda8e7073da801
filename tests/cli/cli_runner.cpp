#include "cli_runner.h"

Run run(const QStringList& arguments) {
    QProcess process;
    process.setProgram(cli);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitCode();
    result.status = process.exitStatus();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray describe(const Run& r) {
    return QString("exit %1 (%2)\n--- stdout:\n%3--- stderr:\n%4")
        .arg(r.exitCode)
        .arg(r.status == QProcess::NormalExit ? "normal" : "crash")
        .arg(r.out, r.err)
        .toUtf8();
}
