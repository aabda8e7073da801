#include "report_test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtGlobal>

QJsonObject cliJson(const QStringList& arguments) {
    const Run r = run(arguments);
    if (r.status != QProcess::NormalExit || r.exitCode != 0)
        qFatal("%s", describe(r).constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QByteArray tool(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        qFatal("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(' ')),
               process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

QString pdfText(const QString& pdf, int first, int last, bool layout, bool raw) {
    QStringList args;
    if (layout)
        args << "-layout";
    if (raw)
        args << "-raw";
    if (first > 0)
        args << "-f" << QString::number(first) << "-l" << QString::number(last > 0 ? last : first);
    args << pdf << "-";
    return QString::fromUtf8(tool("pdftotext", args));
}

QString squeezed(const QString& text) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString out = text;
    out.remove(space);
    out.remove(QChar(0x3000)); // the ideographic space of the headings
    return out;
}

QJsonObject siteIndicator(const QJsonObject& doc, const QString& key) {
    for (const QJsonValue& v : doc["indicators"].toArray())
        if (v["key"].toString() == key && v["scope"].toString() == "site")
            return v.toObject();
    return {};
}
