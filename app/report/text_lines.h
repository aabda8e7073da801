#pragma once
// Styled text broken into lines of a given width: break opportunities by Unicode's line breaking rules
// (between Chinese characters, at spaces in Latin text), filled greedily; a word wider than the line
// is broken between characters.

#include "report/text_faces.h"

#include <QColor>
#include <QString>
#include <vector>

namespace shuiheng::report {

struct StyledText {
    QString text;
    TextFace* face = nullptr;
    QColor color = Qt::black;
};

struct LinePiece {
    QString text;
    TextFace* face = nullptr;
    QColor color;
    double x = 0; ///< from the line's start
};

struct TextLine {
    std::vector<LinePiece> pieces;
    double width = 0; ///< without the trailing spaces
    double ascent = 0, descent = 0;
};

/// The runs broken into lines no wider than `width` (device units).
std::vector<TextLine> breakLines(const std::vector<StyledText>& runs, double width);

/// The width of the runs on one line (no breaking).
double naturalWidth(const std::vector<StyledText>& runs);

/// The widest piece that cannot be broken (the narrowest a column holding the runs can be).
double widestUnbreakable(const std::vector<StyledText>& runs);

} // namespace shuiheng::report
