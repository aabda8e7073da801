#include "report/text_faces.h"

#include <QFont>
#include <QGlyphRun>
#include <QList>
#include <QPainter>
#include <QPointF>
#include <cmath>

namespace shuiheng::report {
TextFace::TextFace(QRawFont primary, QRawFont fallback)
    : primary_(std::move(primary))
    , fallback_(std::move(fallback))
    , ascent_(primary_.ascent())
    , descent_(primary_.descent()) {}

/// Calls visit(font, glyphs, advances) for each stretch of the text drawn by one font.
template <typename Visit>
void TextFace::forEachRun(const QString& text, Visit&& visit) const {
    QList<quint32> glyphs = primary_.glyphIndexesForString(text);
    bool anyMissing = false;
    for (quint32 g : glyphs)
        anyMissing = anyMissing || g == 0;
    if (!anyMissing || !fallback_.isValid()) {
        const QList<QPointF> advances = primary_.advancesForGlyphIndexes(glyphs, QRawFont::UseDesignMetrics);
        visit(primary_, glyphs, advances);
        return;
    }
    // Glyph indexes are one per code point: walk the code points alongside.
    const QList<uint> codes = text.toUcs4();
    qsizetype start = 0;
    while (start < glyphs.size()) {
        const bool missing = glyphs[start] == 0;
        qsizetype end = start;
        while (end < glyphs.size() && (glyphs[end] == 0) == missing)
            ++end;
        if (!missing) {
            const QList<quint32> part = glyphs.mid(start, end - start);
            visit(primary_, part, primary_.advancesForGlyphIndexes(part, QRawFont::UseDesignMetrics));
        } else {
            QString missingText;
            for (qsizetype k = start; k < end && k < codes.size(); ++k) {
                const char32_t c = codes[k];
                missingText += QString::fromUcs4(&c, 1);
            }
            const QList<quint32> part = fallback_.glyphIndexesForString(missingText);
            visit(fallback_, part, fallback_.advancesForGlyphIndexes(part, QRawFont::UseDesignMetrics));
        }
        start = end;
    }
}

double TextFace::width(const QString& text) {
    const auto cached = widths_.constFind(text);
    if (cached != widths_.constEnd())
        return *cached;
    double total = 0;
    forEachRun(text, [&](const QRawFont&, const QList<quint32>&, const QList<QPointF>& advances) {
        for (const QPointF& a : advances)
            total += a.x();
    });
    widths_.insert(text, total);
    return total;
}

void TextFace::draw(QPainter& painter, const QPointF& origin, const QString& text) const {
    double x = 0;
    forEachRun(text, [&](const QRawFont& font, const QList<quint32>& glyphs, const QList<QPointF>& advances) {
        QList<QPointF> positions;
        positions.reserve(glyphs.size());
        for (const QPointF& a : advances) {
            positions.push_back(QPointF(x, 0));
            x += a.x();
        }
        QGlyphRun run;
        run.setRawFont(font);
        run.setGlyphIndexes(glyphs);
        run.setPositions(positions);
        painter.drawGlyphRun(origin, run);
    });
}

QRawFont FontBook::rawFont(const QString& family, bool bold) {
    const auto key = std::make_pair(family, bold);
    const auto found = rawFonts_.find(key);
    if (found != rawFonts_.end())
        return found->second;
    QFont font(family);
    font.setPixelSize(100);
    font.setBold(bold);
    const QRawFont raw = QRawFont::fromFont(font);
    rawFonts_.emplace(key, raw);
    return raw;
}

TextFace& FontBook::face(const QString& family, bool bold, double pointSize) {
    const auto key = std::make_tuple(family, bold, static_cast<int>(std::lround(pointSize * 100)));
    auto found = faces_.find(key);
    if (found != faces_.end())
        return *found->second;
    const double pixels = pointSize * dpi_ / 72.0;
    QRawFont primary = rawFont(family, bold);
    primary.setPixelSize(pixels);
    QRawFont fallback = rawFont(QStringLiteral("DejaVu Sans"), bold);
    fallback.setPixelSize(pixels);
    auto face = std::make_unique<TextFace>(primary, fallback);
    return *faces_.emplace(key, std::move(face)).first->second;
}

} // namespace shuiheng::report
