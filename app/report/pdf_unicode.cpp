#include "report/pdf_unicode.h"

#include <QFont>
#include <QHash>
#include <QRawFont>
#include <QString>
#include <QVector>

namespace shuiheng::report {
namespace {

constexpr char32_t radicalsFirst = 0x2E80, radicalsLast = 0x2FDF;

/// Radical → the unified ideograph drawn with the same glyph in Noto Sans CJK SC (the Kangxi
/// radicals' compatibility decomposition when the font does not say).
const QHash<ushort, ushort>& radicalMap() {
    static const QHash<ushort, ushort> map = [] {
        QHash<ushort, ushort> m;
        const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        QHash<quint32, ushort> ideographOfGlyph;
        if (font.isValid()) {
            QString ideographs;
            for (char32_t c = 0x4E00; c <= 0x9FFF; ++c)
                ideographs.append(QChar(static_cast<ushort>(c)));
            const QList<quint32> glyphs = font.glyphIndexesForString(ideographs);
            for (qsizetype k = 0; k < glyphs.size(); ++k)
                if (glyphs[k] != 0 && !ideographOfGlyph.contains(glyphs[k]))
                    ideographOfGlyph.insert(glyphs[k], static_cast<ushort>(0x4E00 + k));
        }
        for (char32_t r = radicalsFirst; r <= radicalsLast; ++r) {
            const QString radical(QChar(static_cast<ushort>(r)));
            ushort target = 0;
            if (font.isValid()) {
                const QList<quint32> g = font.glyphIndexesForString(radical);
                if (!g.isEmpty() && g.front() != 0)
                    target = ideographOfGlyph.value(g.front(), 0);
            }
            if (!target) {
                const QString folded = radical.normalized(QString::NormalizationForm_KC);
                if (folded.size() == 1 && folded != radical)
                    target = folded.at(0).unicode();
            }
            if (target)
                m.insert(static_cast<ushort>(r), target);
        }
        return m;
    }();
    return map;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// Rewrites the <XXXX> token at `at` (a destination code) when it is a radical.
void rewriteToken(QByteArray& pdf, qsizetype at) {
    if (at + 5 >= pdf.size() || pdf[at] != '<' || pdf[at + 5] != '>')
        return;
    int code = 0;
    for (int k = 1; k <= 4; ++k) {
        const int v = hexValue(pdf[at + k]);
        if (v < 0)
            return;
        code = code * 16 + v;
    }
    // The space glyph's lowest code point is the tab, which a text extractor reads as a column
    // break; the ideographic space's is the em space, which splits "目　录" in two words.
    const bool control = code > 0 && code < 0x20;
    const bool emSpace = code == 0x2003;
    if (!control && !emSpace &&
        (code < static_cast<int>(radicalsFirst) || code > static_cast<int>(radicalsLast)))
        return;
    const ushort target = control   ? ushort(0x20)
                          : emSpace ? ushort(0x3000)
                                    : radicalMap().value(static_cast<ushort>(code), 0);
    if (!target)
        return;
    const QByteArray hex = QByteArray::number(target, 16).toUpper().rightJustified(4, '0');
    for (int k = 0; k < 4; ++k)
        pdf[at + 1 + k] = hex[k];
}

/// Destination tokens of one section's lines: `<src> <dst>` (bfchar), `<lo> <hi> <dst>` with lo = hi,
/// and every element of `<lo> <hi> [<dst> ...]` (bfrange).
void fixSection(QByteArray& pdf, qsizetype begin, qsizetype end, bool range) {
    qsizetype line = begin;
    while (line < end) {
        qsizetype next = pdf.indexOf('\n', line);
        if (next < 0 || next > end)
            next = end;
        const QByteArray text = pdf.mid(line, next - line);
        QList<qsizetype> tokens;
        for (qsizetype k = text.indexOf('<'); k >= 0; k = text.indexOf('<', k + 1))
            tokens.push_back(line + k);
        if (!range && tokens.size() == 2)
            rewriteToken(pdf, tokens[1]);
        else if (range && text.contains('['))
            for (qsizetype k = 2; k < tokens.size(); ++k)
                rewriteToken(pdf, tokens[k]);
        else if (range && tokens.size() == 3 && text.mid(0, 6) == text.mid(7, 6))
            rewriteToken(pdf, tokens[2]);
        line = next + 1;
    }
}

} // namespace

QByteArray fixCjkRadicalsInToUnicode(QByteArray pdf) {
    for (const auto& [open, close, range] :
         {std::tuple{"beginbfrange", "endbfrange", true}, std::tuple{"beginbfchar", "endbfchar", false}}) {
        for (qsizetype at = pdf.indexOf(open); at >= 0; at = pdf.indexOf(open, at + 1)) {
            const qsizetype end = pdf.indexOf(close, at);
            if (end < 0)
                break;
            fixSection(pdf, at + qstrlen(open), end, range);
        }
    }
    return pdf;
}

} // namespace shuiheng::report
