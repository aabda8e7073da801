#include "qr/qr_code.h"

#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>
#include <exception>

namespace shuiheng::qr {

std::optional<QrMatrix> encodeQr(const QString& text, QString& error) {
    if (text.isEmpty()) {
        error = QStringLiteral("no text to encode");
        return std::nullopt;
    }
    try {
        // Level M (ZXing grades 0–8: 3 and 4 give M); UTF-8 so that Chinese names read back as written.
        // A width and height of 0 and no margin: one element per module.
        const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                          .setEncoding(ZXing::CharacterSet::UTF8)
                                          .setEccLevel(4)
                                          .setMargin(0)
                                          .encode(text.toStdString(), 0, 0);
        QrMatrix m;
        m.size = bits.width();
        m.dark.resize(static_cast<std::size_t>(m.size * m.size));
        for (int y = 0; y < m.size; ++y)
            for (int x = 0; x < m.size; ++x)
                m.dark[static_cast<std::size_t>(y * m.size + x)] = bits.get(x, y);
        return m;
    } catch (const std::exception& e) {
        error = QStringLiteral("the text cannot be put in a QR code: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

std::optional<QString> decodeQr(const QImage& image) {
    if (image.isNull())
        return std::nullopt;
    // ZXing reads 8-bit grey; a camera's picture converts once. Transparent pixels (a PNG, a PDF page
    // rendered without a background) are paper: put on white first, or they would turn black.
    QImage opaque = image;
    if (image.hasAlphaChannel()) {
        opaque = QImage(image.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter(&opaque).drawImage(0, 0, image);
    }
    const QImage grey = opaque.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(grey.bytesPerLine()));
    const auto hints = ZXing::DecodeHints()
                           .setFormats(ZXing::BarcodeFormat::QRCode)
                           .setTryHarder(true)
                           .setTryRotate(true)
                           .setTryDownscale(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

std::optional<QString> decodeQrFile(const QString& path, QString& error) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        error = QStringLiteral("cannot open the picture %1: %2")
                    .arg(QFileInfo(path).fileName(), reader.errorString());
        return std::nullopt;
    }
    auto text = decodeQr(image);
    if (!text)
        error = QStringLiteral("no QR code could be read in the picture %1").arg(QFileInfo(path).fileName());
    return text;
}

} // namespace shuiheng::qr
