#pragma once
// What the Qt Quick tests check in the project file behind a page, read through the store itself
// (not through the models under test): the photo stored with a meter's latest reading, and the
// SHA-256 of a file, both computed here from the bytes.

#include "project_session.h"
#include "store/project_store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QString>
#include <algorithm>

namespace shuiheng::test {

class StoreProbe : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// The SHA-256 (hex) of the photo bytes stored with `meter`'s latest reading in `session`'s
    /// project; "" when it has no photo or no reading.
    Q_INVOKABLE QString latestPhotoSha256(ProjectSession* session, const QString& meter) const {
        if (!session || !session->store())
            return {};
        store::ReadingFilter filter;
        filter.meter = meter.toStdString();
        auto readings = session->store()->readings(filter);
        if (!readings || readings->empty())
            return {};
        const auto latest =
            std::max_element(readings->begin(), readings->end(),
                             [](const auto& a, const auto& b) { return a.entered < b.entered; });
        if (latest->reading.photo.empty())
            return {};
        auto bytes = session->store()->attachment(latest->reading.photo);
        return bytes ? sha256(*bytes) : QString();
    }

    /// The SHA-256 (hex) of the file at `path`; "" when it cannot be read.
    Q_INVOKABLE QString fileSha256(const QString& path) const {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? sha256(file.readAll()) : QString();
    }

    Q_INVOKABLE bool fileExists(const QString& path) const { return QFile::exists(path); }

private:
    static QString sha256(const QByteArray& bytes) {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }
};

} // namespace shuiheng::test
