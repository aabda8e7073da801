#pragma once
// A file named by QML: a path, or a file: URL as FileDialog and the camera give it.

#include <QString>
#include <QUrl>

/// The local path of `pathOrUrl`: a file: URL converted, anything else as it is.
inline QString localPath(const QString& pathOrUrl) {
    return pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl;
}
