#pragma once
// For the Qt Quick tests of scanning: writes what the camera would leave at its file, a photo of a
// meter's QR label (the code encoded here, drawn small on a grey background, saved as JPEG).

#include "qr/qr_code.h"

#include <QImage>
#include <QObject>
#include <QPainter>
#include <QString>

namespace shuiheng::test {

class QrPicture : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// A 1280 × 960 JPEG at `path` showing the QR code of `text`; false when it cannot be written.
    Q_INVOKABLE bool write(const QString& path, const QString& text) const {
        QString error;
        const auto code = qr::encodeQr(text, error);
        if (!code)
            return false;
        QImage photo(1280, 960, QImage::Format_RGB32);
        photo.fill(QColor(110, 115, 120));
        QPainter p(&photo);
        const int module = 7, left = 420, top = 260;
        p.fillRect(left, top, (code->size + 8) * module, (code->size + 8) * module, Qt::white);
        for (int y = 0; y < code->size; ++y)
            for (int x = 0; x < code->size; ++x)
                if (code->at(x, y))
                    p.fillRect(left + (x + 4) * module, top + (y + 4) * module, module, module, Qt::black);
        p.end();
        return photo.save(path, "JPEG", 85);
    }
};

} // namespace shuiheng::test
