#pragma once
// SVG images inside a QTextDocument, drawn as vector graphics: the HTML names them
// <img src="svg:NAME">, and after setHtml() replaceSvgImages() turns each such image into a custom
// text object that QSvgRenderer paints straight onto the page's painter (on a QPdfWriter: PDF paths
// and text, not pixels).

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>
#include <memory>

class QSvgRenderer;

class QTextDocument;

namespace shuiheng::report {

class SvgTextObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int objectType = QTextFormat::UserObject + 1;

    /// `maxSize`: the largest box an image may take (the page's text area), in layout units;
    /// `unitsPerSvgUnit`: layout units of one SVG user unit at natural size (one point).
    SvgTextObject(QSizeF maxSize, double unitsPerSvgUnit, QObject* parent = nullptr);
    ~SvgTextObject() override;

    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;

    /// Registers this handler on the document's layout and swaps every <img src="svg:NAME"> whose
    /// NAME is in `images` for an SVG object. Names not in `images` stay (as broken images).
    void install(QTextDocument& document, const QMap<QString, QByteArray>& images);

private:
    QSizeF maxSize_;
    double unitsPerSvgUnit_;
    /// Parsed once per image: layout asks for sizes more than once.
    QMap<QString, std::shared_ptr<QSvgRenderer>> renderers_;
};

} // namespace shuiheng::report
