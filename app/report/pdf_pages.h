#pragma once
// The report's HTML typeset on A4 pages of a PDF: its blocks (report_blocks.h) flowed onto pages
// (page_flow.h) and painted with QPainter — text as glyph runs, table rules and fills, SVG figures as
// vector graphics through QSvgRenderer — with a header (title on the left, enterprise on the right,
// a rule) and a footer with "page n of N". A typesetter keeps its fonts and measured text between
// the contents pass (page numbers of the headings) and the final pass.

#include "report/svg_labels.h"
#include "report/text_faces.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <memory>
#include <vector>

class QSvgRenderer;

namespace shuiheng::report {

struct PageDecoration {
    QString headerLeft;
    QString headerRight;
    QString footer = QStringLiteral("%1 / %2"); ///< %1 the page, %2 the page count
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
    bool decorateFirstPage = false; ///< a cover page goes without header and footer
};

struct HeadingPage {
    int level = 0; ///< 1 for <h1>, 2 for <h2>
    QString text;
    int page = 0; ///< 1-based
};

struct PageLayout {
    int pageCount = 0;
    std::vector<HeadingPage> headings; ///< in document order
};

/// Milliseconds spent in each step of typesetting, added up over calls.
struct TypesetTimings {
    double read = 0;  ///< HTML and style sheet into blocks
    double flow = 0;  ///< measuring, breaking lines, placing on pages
    double paint = 0; ///< drawing on the PDF's pages and finishing the file
};

class Typesetter {
public:
    /// `svgImages`: the figures <img src="svg:NAME"> names, each SVG parsed once.
    explicit Typesetter(const QMap<QString, QByteArray>& svgImages);
    ~Typesetter();

    /// The pages the HTML takes and where its headings fall, as render() lays them out.
    PageLayout layout(const QString& html);
    /// The PDF as bytes; empty when it could not be made.
    QByteArray render(const QString& html, const PageDecoration& decoration, const QString& title,
                      PageLayout* layout = nullptr);

    const TypesetTimings& timings() const { return timings_; }

    /// A figure's SVG, parsed once, and its top-level elements (groups with an id) with their bounds:
    /// a tile of a large figure draws only the elements it shows.
    /// Its text is drawn by the report (svg_labels.h).
    struct Figure {
        std::shared_ptr<QSvgRenderer> renderer;
        std::vector<std::pair<QString, QRectF>> elements;
        std::vector<SvgLabel> labels;
    };

private:
    FontBook fonts_;
    QMap<QString, Figure> figures_;
    TypesetTimings timings_;
};

} // namespace shuiheng::report
