#pragma once
// Blocks put on pages: paragraphs line by line, tables row by row with their header rows repeated on
// every page they run over (column widths from the cells' measured text, once), figures scaled to the
// page — or, when that would make their text smaller than `minFigureText`, kept larger and cut into
// tiles that follow each other on whole pages. The result is what to draw on each page, in the body's
// coordinates (device units, top left of the text area), and the page of every heading.

#include "report/report_blocks.h"

#include <QLineF>
#include <QMap>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace shuiheng::report {

struct TextItem {
    QPointF origin; ///< the baseline's start
    QString text;
    TextFace* face = nullptr;
    QColor color;
};

struct FillItem {
    QRectF rect;
    QColor color;
};

struct FigureItem {
    QString name;
    QRectF clip;   ///< the part of the page it shows
    QRectF target; ///< where the whole figure is drawn
};

struct LaidOutPage {
    std::vector<FillItem> fills;
    std::vector<TextItem> texts;
    std::vector<QLineF> rules; ///< table borders
    std::vector<FigureItem> figures;
};

struct HeadingOnPage {
    int level = 0;
    QString text;
    int page = 0; ///< 1-based
};

struct FlowOptions {
    QSizeF body;                       ///< the text area of a page, device units
    QMap<QString, QSizeF> figureSizes; ///< natural size of each figure, device units
    double minFigureScale = 0.625;     ///< below this a figure is tiled over pages instead of shrunk
    TextFace* tileLabelFace = nullptr; ///< writes "part k of n" under a tile
};

struct PageFlow {
    std::vector<LaidOutPage> pages;
    std::vector<HeadingOnPage> headings;
};

PageFlow flowPages(const std::vector<Block>& blocks, const FlowOptions& options);

} // namespace shuiheng::report
