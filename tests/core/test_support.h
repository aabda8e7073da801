#pragma once
// Helpers shared by the core tests: plant files from text, diagnostics in failure messages.

#include "io/plant_file.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>

namespace shuiheng::test {

/// Loads (reads, parses and validates) a plant file holding `text`, as `shuiheng-cli validate` does.
inline PlantFileResult loadText(const QByteArray& text) {
    QTemporaryDir dir;
    const QString path = dir.filePath("plant.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    return loadPlantFile(path.toStdString());
}

inline QByteArray readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// The file spelling of a kind, type or severity, for QCOMPARE.
template <typename Enum>
QString name(Enum value) {
    const std::string_view text = toString(value);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline int errorCount(const Diagnostics& diagnostics) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

/// Every diagnostic, one a line, for a failure message.
inline QByteArray listing(const Diagnostics& diagnostics) {
    QByteArray text;
    for (const Diagnostic& d : diagnostics)
        text += "\n    " + QByteArray::fromStdString(d.toString());
    return text.isEmpty() ? QByteArray("(none)") : text;
}

} // namespace shuiheng::test
