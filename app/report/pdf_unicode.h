#pragma once
// Makes the text of Qt's PDFs copy and search as written. Noto CJK draws a Kangxi radical (⽔ U+2F54)
// and its ideograph (水 U+6C34) with one glyph, and Qt's ToUnicode map gives each glyph the lowest code
// point that uses it, so the PDF's text says ⽔ where the report says 水. This rewrites, in the
// ToUnicode maps only, every radical (U+2E80–U+2FDF) to the ideograph that shares its glyph, and a
// control code (the space glyph's lowest code point is the tab) to a space and the em space to the
// ideographic space (they share a glyph). Same
// length in, same length out: the PDF's cross-reference offsets stay right.

#include <QByteArray>

namespace shuiheng::report {

/// The PDF with its ToUnicode maps corrected (needs a QGuiApplication for the font's cmap).
QByteArray fixCjkRadicalsInToUnicode(QByteArray pdf);

} // namespace shuiheng::report
