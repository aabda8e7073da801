#pragma once
// HTML laid out on A4 pages of a PDF: QTextDocument paginates the HTML with the PDF writer's own
// metrics, and every page is painted with QPainter — its slice of the document, a header (title on the
// left, enterprise on the right, a rule) and a footer with "page n of N". SVG images come through
// SvgTextObject as vector graphics. A first pass gives the page of every heading, for the table of
// contents.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <vector>

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

/// The pages the HTML takes and where its headings fall, as writePdf would lay them out.
PageLayout layoutPages(const QString& html, const QMap<QString, QByteArray>& svgImages);

/// Writes the PDF atomically; empty on success, else the reason.
QString writePdf(const QString& path, const QString& html, const QMap<QString, QByteArray>& svgImages,
                 const PageDecoration& decoration, const QString& title, PageLayout* layout = nullptr);

/// The PDF as bytes (for a package, or a preview).
QByteArray renderPdf(const QString& html, const QMap<QString, QByteArray>& svgImages,
                     const PageDecoration& decoration, const QString& title, PageLayout* layout = nullptr);

} // namespace shuiheng::report
