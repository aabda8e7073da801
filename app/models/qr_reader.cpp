#include "qr_reader.h"

#include "qr/qr_code.h"

#include <QFileInfo>
#include <QImageReader>
#include <QUrl>

QString QrReader::read(const QString& imageFileOrUrl) {
    const QUrl url(imageFileOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : imageFileOrUrl;
    QImageReader reader(path);
    reader.setAutoTransform(true); // a camera's EXIF orientation
    const QImage image = reader.read();
    if (image.isNull()) {
        setError(tr("Cannot open the picture %1: %2").arg(QFileInfo(path).fileName(), reader.errorString()));
        return {};
    }
    const auto text = shuiheng::qr::decodeQr(image);
    if (!text) {
        setError(tr("No QR code could be read in the picture. Hold the camera closer to the label."));
        return {};
    }
    setError({});
    return *text;
}

void QrReader::setError(const QString& error) {
    if (error_ == error)
        return;
    error_ = error;
    emit errorChanged();
}
