#pragma once
// The report's HTML as blocks to typeset: paragraphs and headings (styled text), tables (cells of
// styled text, header rows) and figures (SVG by name), with the template's style sheet applied and
// lengths in device units. page_flow.h puts them on pages.

#include "report/text_lines.h"

#include <QColor>
#include <QString>
#include <variant>
#include <vector>

namespace shuiheng::report {

class FontBook;

struct BlockSpacing {
    double marginTop = 0, marginBottom = 0; ///< device units
    bool pageBreakBefore = false;
};

struct TextBlock {
    std::vector<StyledText> runs;
    Qt::Alignment align = Qt::AlignLeft;
    double lineHeight = 1.0; ///< times the line's natural height
    BlockSpacing spacing;
    int headingLevel = 0; ///< 1 for <h1>, 2 for <h2>, 0 for a paragraph
    QString plainText;    ///< a heading's text
};

struct TableCell {
    std::vector<StyledText> runs;
    Qt::Alignment align = Qt::AlignLeft;
    double lineHeight = 1.0;
    QColor background; ///< invalid: none
    double padding = 0, paddingLeft = 0;
    double widthFraction = 0; ///< of the table's width; 0: sized by its content
};

struct TableBlock {
    std::vector<std::vector<TableCell>> rows;
    int headerRows = 0; ///< the <thead> rows, repeated on every page the table runs over
    bool borders = false;
    double widthFraction = 1.0;
    BlockSpacing spacing;
};

struct FigureBlock {
    QString name; ///< of <img src="svg:NAME">
    BlockSpacing spacing;
};

using Block = std::variant<TextBlock, TableBlock, FigureBlock>;

/// The blocks of the HTML's body, styled by its <style> sheet; faces come from `fonts`.
std::vector<Block> blocksOfHtml(const QString& html, FontBook& fonts);

} // namespace shuiheng::report
