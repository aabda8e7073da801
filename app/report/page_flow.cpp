#include "report/page_flow.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shuiheng::report {
namespace {

/// A figure's part of a page box that it may fill on one page: the rest is for its caption.
constexpr double figureShareOfPage = 0.82;
/// A figure is never drawn more than this much above its natural size.
constexpr double largestFigureScale = 1.5;

double lineHeightOf(const TextLine& line, double factor) {
    return (line.ascent + line.descent) * factor;
}

struct CellLayout {
    std::vector<TextLine> lines;
    double height = 0; ///< of the text, without padding
};

class Flow {
public:
    explicit Flow(const FlowOptions& options)
        : o_(options) {
        out_.pages.emplace_back();
    }

    void add(const TextBlock& b) {
        const std::vector<TextLine> lines = breakLines(b.runs, o_.body.width());
        begin(b.spacing);
        if (b.headingLevel > 0) {
            // A heading keeps its first lines of text with it: room for it and some more.
            double height = 0;
            for (const TextLine& l : lines)
                height += lineHeightOf(l, b.lineHeight);
            room(height + o_.body.height() * 0.08);
        }
        bool first = true;
        for (const TextLine& line : lines) {
            const double h = lineHeightOf(line, b.lineHeight);
            room(h);
            if (first && b.headingLevel > 0)
                out_.headings.push_back(
                    {b.headingLevel, b.plainText.trimmed(), static_cast<int>(out_.pages.size())});
            first = false;
            placeLine(line, 0, y_, o_.body.width(), h, b.align);
            y_ += h;
            hasContent_ = true;
        }
        pendingMargin_ = b.spacing.marginBottom;
    }

    void add(const TableBlock& t) {
        if (t.rows.empty())
            return;
        const std::vector<double> widths = columnWidths(t);
        std::vector<double> left(widths.size() + 1, 0);
        std::partial_sum(widths.begin(), widths.end(), left.begin() + 1);
        // Every cell laid out once; the row heights follow.
        std::vector<std::vector<CellLayout>> cells(t.rows.size());
        std::vector<double> rowHeight(t.rows.size(), 0);
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
                const TableCell& cell = t.rows[r][c];
                CellLayout layout;
                layout.lines = breakLines(cell.runs, widths[c] - cell.paddingLeft - cell.padding);
                for (const TextLine& l : layout.lines)
                    layout.height += lineHeightOf(l, cell.lineHeight);
                rowHeight[r] = std::max(rowHeight[r], layout.height + 2 * cell.padding);
                cells[r].push_back(std::move(layout));
            }
        const auto headerRows =
            static_cast<std::size_t>(std::clamp<int>(t.headerRows, 0, int(t.rows.size())));
        double headerHeight = 0;
        for (std::size_t r = 0; r < headerRows; ++r)
            headerHeight += rowHeight[r];

        begin(t.spacing);
        // The header goes with the first row.
        room(headerHeight + (headerRows < t.rows.size() ? rowHeight[headerRows] : 0));
        double segmentTop = y_;
        const auto closeSegment = [&] {
            if (!t.borders || y_ <= segmentTop)
                return;
            page().rules.emplace_back(0, y_, left.back(), y_);
            for (double x : left)
                page().rules.emplace_back(x, segmentTop, x, y_);
        };
        const auto drawRow = [&](std::size_t r) {
            if (t.borders)
                page().rules.emplace_back(0, y_, left.back(), y_);
            for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
                const TableCell& cell = t.rows[r][c];
                const QRectF box(left[c], y_, widths[c], rowHeight[r]);
                if (cell.background.isValid())
                    page().fills.push_back({box, cell.background});
                double lineTop = y_ + (rowHeight[r] - cells[r][c].height) / 2; // middle, as HTML's cells
                for (const TextLine& line : cells[r][c].lines) {
                    const double h = lineHeightOf(line, cell.lineHeight);
                    placeLine(line, box.left() + cell.paddingLeft, lineTop,
                              box.width() - cell.paddingLeft - cell.padding, h, cell.align);
                    lineTop += h;
                }
            }
            y_ += rowHeight[r];
            hasContent_ = true;
        };
        for (std::size_t r = 0; r < headerRows; ++r)
            drawRow(r);
        for (std::size_t r = headerRows; r < t.rows.size(); ++r) {
            if (y_ + rowHeight[r] > o_.body.height() && y_ > segmentTop + headerHeight) {
                closeSegment();
                newPage();
                segmentTop = y_;
                for (std::size_t h = 0; h < headerRows; ++h)
                    drawRow(h);
            }
            drawRow(r);
        }
        closeSegment();
        pendingMargin_ = t.spacing.marginBottom;
    }

    void add(const FigureBlock& f) {
        const QSizeF natural = o_.figureSizes.value(f.name);
        if (natural.isEmpty())
            return;
        begin(f.spacing);
        // Upright always: Qt's PDF writer draws turned text as shapes (not searchable, and slow).
        const QSizeF box(o_.body.width(), o_.body.height() * figureShareOfPage);
        const double scale =
            std::min({box.width() / natural.width(), box.height() / natural.height(), largestFigureScale});
        if (scale >= o_.minFigureScale) {
            const QSizeF size = natural * scale;
            room(size.height());
            const QRectF target((o_.body.width() - size.width()) / 2, y_, size.width(), size.height());
            page().figures.push_back({f.name, target, target});
            y_ += size.height();
            hasContent_ = true;
        } else {
            tiles(f.name, natural);
        }
        pendingMargin_ = f.spacing.marginBottom;
    }

    PageFlow take() { return std::move(out_); }

private:
    const FlowOptions& o_;
    PageFlow out_;
    double y_ = 0;
    double pendingMargin_ = 0;
    bool hasContent_ = false;

    LaidOutPage& page() { return out_.pages.back(); }

    void newPage() {
        out_.pages.emplace_back();
        y_ = 0;
        pendingMargin_ = 0;
        hasContent_ = false;
    }

    /// A new page unless `height` more fits on this one (or this one is still empty).
    void room(double height) {
        if (hasContent_ && y_ + height > o_.body.height())
            newPage();
    }

    void begin(const BlockSpacing& s) {
        if (s.pageBreakBefore && hasContent_)
            newPage();
        y_ += hasContent_ ? std::max(pendingMargin_, s.marginTop) : s.marginTop;
    }

    void placeLine(const TextLine& line, double x, double top, double width, double height,
                   Qt::Alignment align) {
        const double shift = align & Qt::AlignRight     ? width - line.width
                             : align & Qt::AlignHCenter ? (width - line.width) / 2
                                                        : 0;
        const double baseline = top + (height - line.ascent - line.descent) / 2 + line.ascent;
        for (const LinePiece& p : line.pieces)
            if (!p.text.isEmpty())
                page().texts.push_back({QPointF(x + shift + p.x, baseline), p.text, p.face, p.color});
    }

    /// HTML's automatic table layout: columns with a width keep it, the others share the rest by
    /// their content — each its widest text when all fit, else its longest word plus a share of
    /// the rest in proportion to what it lacks.
    std::vector<double> columnWidths(const TableBlock& t) const {
        std::size_t columns = 0;
        for (const auto& row : t.rows)
            columns = std::max(columns, row.size());
        const double tableWidth = o_.body.width() * t.widthFraction;
        std::vector<double> fixed(columns, 0), widest(columns, 0), narrowest(columns, 0);
        for (const auto& row : t.rows)
            for (std::size_t c = 0; c < row.size(); ++c) {
                const TableCell& cell = row[c];
                const double pad = cell.paddingLeft + cell.padding;
                fixed[c] = std::max(fixed[c], cell.widthFraction * tableWidth);
                widest[c] = std::max(widest[c], naturalWidth(cell.runs) + pad + 1);
                narrowest[c] = std::max(narrowest[c], widestUnbreakable(cell.runs) + pad + 1);
            }
        double fixedSum = 0, widestSum = 0, narrowestSum = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            if (fixed[c] > 0) {
                fixedSum += fixed[c];
            } else {
                widestSum += widest[c];
                narrowestSum += narrowest[c];
            }
        }
        std::vector<double> widths(columns, 0);
        if (widestSum == 0) { // every column has its width: stretched to the table's
            for (std::size_t c = 0; c < columns; ++c)
                widths[c] = fixedSum > 0 ? fixed[c] * tableWidth / fixedSum : tableWidth / double(columns);
            return widths;
        }
        const double free = std::max(tableWidth - fixedSum, 0.0);
        for (std::size_t c = 0; c < columns; ++c) {
            if (fixed[c] > 0)
                widths[c] = fixed[c];
            else if (widestSum <= free)
                widths[c] = widest[c] + (free - widestSum) * widest[c] / widestSum;
            else if (narrowestSum <= free)
                widths[c] = narrowest[c] + (free - narrowestSum) * (widest[c] - narrowest[c]) /
                                               std::max(widestSum - narrowestSum, 1e-9);
            else
                widths[c] = narrowest[c] * free / narrowestSum;
        }
        return widths;
    }

    /// A figure too large for a page at a readable size: drawn at that size (or as wide as the page
    /// when that is larger) and cut into tiles in reading order: the first in what is left of this
    /// page when that is most of it, the others on pages of their own, each with "k / n" under it.
    void tiles(const QString& name, QSizeF natural) {
        const double labelHeight = o_.tileLabelFace ? o_.tileLabelFace->lineHeight() * 1.5 : 0;
        const QSizeF area(o_.body.width(), o_.body.height() - labelHeight);
        double scale = std::clamp(area.width() / natural.width(), o_.minFigureScale, 1.0);
        int columns = int(std::ceil(natural.width() * scale / area.width() - 1e-6));
        // A last column of a sliver: a little smaller instead, when that does without it.
        const double oneColumnLess = area.width() * (columns - 1) / natural.width();
        if (columns > 1 && oneColumnLess >= o_.minFigureScale * 0.85) {
            scale = oneColumnLess;
            --columns;
        }
        const QSizeF size = natural * scale;
        const double offsetX = columns == 1 ? (area.width() - size.width()) / 2 : 0;
        // The height of each row of tiles: the first one here when most of this page is left.
        const double left = area.height() - y_;
        const bool startHere = !hasContent_ || left >= area.height() * 0.6;
        std::vector<double> rows;
        for (double covered = 0; covered < size.height() - 1e-6;) {
            const double h =
                std::min(rows.empty() && startHere ? left : area.height(), size.height() - covered);
            rows.push_back(h);
            covered += h;
        }
        const int count = columns * static_cast<int>(rows.size());
        double rowTop = 0; // in the figure
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < columns; ++c) {
                if (hasContent_ && !(r == 0 && c == 0 && startHere))
                    newPage();
                const double top = y_;
                const QRectF clip(0, top, std::min(area.width(), size.width() - c * area.width() + offsetX),
                                  rows[r]);
                const QRectF target(offsetX - c * area.width(), top - rowTop, size.width(), size.height());
                page().figures.push_back({name, clip, target});
                y_ = top + rows[r];
                if (o_.tileLabelFace) {
                    const QString label = QStringLiteral("%1 / %2").arg(int(r) * columns + c + 1).arg(count);
                    page().texts.push_back({QPointF(area.width() - o_.tileLabelFace->width(label),
                                                    y_ + o_.tileLabelFace->ascent() * 1.2),
                                            label, o_.tileLabelFace, QColor(0x55, 0x55, 0x55)});
                    y_ += labelHeight;
                }
                hasContent_ = true;
            }
            rowTop += rows[r];
        }
    }
};

} // namespace

PageFlow flowPages(const std::vector<Block>& blocks, const FlowOptions& options) {
    Flow flow(options);
    for (const Block& block : blocks)
        std::visit([&](const auto& b) { flow.add(b); }, block);
    return flow.take();
}

} // namespace shuiheng::report
