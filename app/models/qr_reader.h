#pragma once
// Reads the QR code on a meter's label from a picture: the camera's still (or any image file) to the
// text the reading entry's find field matches. QML: `QrReader { id: qr }`, `qr.read(url)`.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QrReader : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// Why the last read gave no text ("no QR code found in …", "cannot open …"); empty after a success.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    using QObject::QObject;

    /// The text of the QR code in the image file (path or file URL); empty, with `error` set, when
    /// the file cannot be read or holds no legible code.
    Q_INVOKABLE QString read(const QString& imageFileOrUrl);

    QString error() const { return error_; }

signals:
    void errorChanged();

private:
    QString error_;
    void setError(const QString& error);
};
