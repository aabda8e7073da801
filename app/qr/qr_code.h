#pragma once
// QR codes for meters: the code a meter's label carries (encodeQr, drawn by the label sheet) and
// the text read back from a picture of one (decodeQr: a photo taken with the tablet's camera, or
// any image file). ZXing does both; this is the one place that knows it.

#include <QString>
#include <optional>
#include <vector>

class QImage;

namespace shuiheng::qr {

/// The modules of a QR symbol, row by row, true for dark; no quiet zone around it.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// The QR symbol for `text` (UTF-8, error correction level M: a label survives scratches and dirt
/// on up to 15 % of it). nullopt with `error` when the text is empty or too long for a QR code.
std::optional<QrMatrix> encodeQr(const QString& text, QString& error);

/// The text of the QR code in the picture: any orientation, any size the code is legible at.
/// nullopt when there is none the decoder can read.
std::optional<QString> decodeQr(const QImage& image);

/// The same from an image file (a camera's JPEG: its EXIF orientation applied). nullopt with `error`
/// in plain words, naming the file, when it cannot be read or holds no legible code.
std::optional<QString> decodeQrFile(const QString& path, QString& error);

} // namespace shuiheng::qr
