#pragma once
// Fonts resolved once and text drawn as glyph runs straight from the font's character map. Not
// shaping the text is what keeps every character extractable from the PDF: shaping a Latin run in
// Noto CJK applies its `locl` feature, which swaps the digits for glyphs outside the character map,
// and Qt's PDF writer then has no Unicode value for them ("Page of" instead of "Page 3 of 17").
// Chinese and Latin text need no shaping otherwise. Characters the font lacks come from a fallback
// font. Widths are measured once per distinct string.

#include <QColor>
#include <QHash>
#include <QRawFont>
#include <QString>
#include <map>
#include <memory>
#include <tuple>

class QPainter;
class QPointF;

namespace shuiheng::report {

class TextFace {
public:
    TextFace(QRawFont primary, QRawFont fallback);

    double ascent() const { return ascent_; }
    double descent() const { return descent_; }
    /// Ascent plus descent: the height of one line at line-height 100 %.
    double lineHeight() const { return ascent_ + descent_; }

    /// The advance of the text on one line, in device units.
    double width(const QString& text);
    /// Draws the text on one line with its baseline starting at `origin`, in the painter's pen colour.
    void draw(QPainter& painter, const QPointF& origin, const QString& text) const;

private:
    QRawFont primary_, fallback_;
    double ascent_ = 0, descent_ = 0;
    QHash<QString, double> widths_;

    template <typename Visit>
    void forEachRun(const QString& text, Visit&& visit) const;
};

/// The faces a document uses, each made once: (family, bold, size in pt) at the device's resolution.
class FontBook {
public:
    explicit FontBook(double dpi)
        : dpi_(dpi) {}
    TextFace& face(const QString& family, bool bold, double pointSize);
    double dpi() const { return dpi_; }

private:
    double dpi_;
    std::map<std::tuple<QString, bool, int>, std::unique_ptr<TextFace>> faces_;
    std::map<std::pair<QString, bool>, QRawFont> rawFonts_;
    QRawFont rawFont(const QString& family, bool bold);
};

} // namespace shuiheng::report
