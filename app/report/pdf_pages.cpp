#include "report/pdf_pages.h"

#include "io/atomic_file.h"
#include "report/pdf_unicode.h"
#include "report/svg_text_object.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <memory>

namespace shuiheng::report {
namespace {

constexpr int dpi = 600;
// A4 margins in millimetres: the header and the footer sit inside the top and bottom ones.
constexpr double marginLeft = 22, marginRight = 18, marginTop = 24, marginBottom = 20;

double mm(double millimetres) {
    return millimetres / 25.4 * dpi;
}

void setUpWriter(QPdfWriter& writer, const QString& title) {
    writer.setResolution(dpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Shuiheng 水衡"));
}

/// The HTML laid out on the writer's pages; the body's size in device pixels in `body`.
struct PagedDocument {
    QTextDocument document;
    std::unique_ptr<SvgTextObject> svg;
    QSizeF body;

    PagedDocument(QPdfWriter& writer, const QString& html, const QMap<QString, QByteArray>& images) {
        const QSizeF page = writer.pageLayout().fullRectPixels(dpi).size();
        body = QSizeF(page.width() - mm(marginLeft) - mm(marginRight),
                      page.height() - mm(marginTop) - mm(marginBottom));
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setDefaultFont(QFont(QStringLiteral("Noto Serif CJK SC"), 10));
        document.setHtml(html);
        svg = std::make_unique<SvgTextObject>(QSizeF(body.width(), body.height() * 0.8), dpi / 72.0);
        svg->install(document, images);
        document.setPageSize(body);
    }

    PageLayout pages() {
        PageLayout result;
        result.pageCount = document.pageCount();
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            const int level = block.blockFormat().headingLevel();
            if (level <= 0)
                continue;
            // A block after a page break starts exactly on the page's top edge: a device pixel
            // below it keeps rounding from putting it on the page before.
            const QTextLayout* lines = block.layout();
            const double top =
                lines->position().y() + (lines->lineCount() > 0 ? lines->lineAt(0).y() : 0) + 1;
            result.headings.push_back(
                {level, block.text().trimmed(), static_cast<int>(top / body.height()) + 1});
        }
        return result;
    }
};

void decorate(QPainter& painter, const QRectF& page, const PageDecoration& d, int index, int count) {
    QFont font(d.fontFamily, 8);
    painter.setFont(font);
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), mm(0.2)));
    const double left = mm(marginLeft), right = page.width() - mm(marginRight);
    const double headerBase = mm(marginTop) - mm(6);
    const QRectF header(left, headerBase - mm(6), right - left, mm(5.5));
    painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, d.headerLeft);
    painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, d.headerRight);
    painter.drawLine(QPointF(left, headerBase), QPointF(right, headerBase));
    const QRectF footer(left, page.height() - mm(marginBottom) + mm(6), right - left, mm(6));
    painter.drawText(footer, Qt::AlignHCenter | Qt::AlignTop, d.footer.arg(index).arg(count));
}

QString paint(QPdfWriter& writer, PagedDocument& paged, const PageDecoration& decoration,
              PageLayout* layout) {
    if (layout)
        *layout = paged.pages();
    QPainter painter;
    if (!painter.begin(&writer))
        return QStringLiteral("the PDF could not be started");
    const QRectF page = writer.pageLayout().fullRectPixels(dpi);
    const int count = paged.document.pageCount();
    QAbstractTextDocumentLayout* documentLayout = paged.document.documentLayout();
    for (int index = 1; index <= count; ++index) {
        if (index > 1)
            writer.newPage();
        painter.save();
        painter.translate(mm(marginLeft), mm(marginTop) - (index - 1) * paged.body.height());
        const QRectF view(0, (index - 1) * paged.body.height(), paged.body.width(), paged.body.height());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        context.palette.setColor(QPalette::Text, Qt::black);
        documentLayout->draw(&painter, context);
        painter.restore();
        if (index > 1 || decoration.decorateFirstPage)
            decorate(painter, page, decoration, index, count);
    }
    painter.end();
    return {};
}

} // namespace

PageLayout layoutPages(const QString& html, const QMap<QString, QByteArray>& svgImages) {
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QPdfWriter writer(&sink);
    setUpWriter(writer, {});
    PagedDocument paged(writer, html, svgImages);
    return paged.pages();
}

QByteArray renderPdf(const QString& html, const QMap<QString, QByteArray>& svgImages,
                     const PageDecoration& decoration, const QString& title, PageLayout* layout) {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        setUpWriter(writer, title);
        PagedDocument paged(writer, html, svgImages);
        if (!paint(writer, paged, decoration, layout).isEmpty())
            return {};
    } // the writer finishes the file when it goes
    return fixCjkRadicalsInToUnicode(std::move(bytes));
}

QString writePdf(const QString& path, const QString& html, const QMap<QString, QByteArray>& svgImages,
                 const PageDecoration& decoration, const QString& title, PageLayout* layout) {
    const QByteArray bytes = renderPdf(html, svgImages, decoration, title, layout);
    if (bytes.isEmpty())
        return QStringLiteral("the PDF could not be made");
    const std::string error = writeFileAtomically(
        path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return QString::fromStdString(error);
}

} // namespace shuiheng::report
