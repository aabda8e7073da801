#include "report/pdf_pages.h"

#include "report/page_flow.h"
#include "report/pdf_unicode.h"
#include "report/report_blocks.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>

namespace shuiheng::report {
namespace {

constexpr int dpi = 600;
// A4 margins in millimetres: the header and the footer sit inside the top and bottom ones.
constexpr double marginLeft = 22, marginRight = 18, marginTop = 24, marginBottom = 20;
constexpr double pageWidth = 210, pageHeight = 297;

double mm(double millimetres) {
    return millimetres / 25.4 * dpi;
}

QSizeF bodySize() {
    return {mm(pageWidth - marginLeft - marginRight), mm(pageHeight - marginTop - marginBottom)};
}

double elapsedMs(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void setUpWriter(QPdfWriter& writer, const QString& title) {
    writer.setResolution(dpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Shuiheng 水衡"));
}

void drawText(QPainter& painter, TextFace& face, const QPointF& origin, const QString& text, QColor colour) {
    painter.setPen(colour);
    face.draw(painter, origin, text);
}

void decorate(QPainter& painter, FontBook& fonts, const PageDecoration& d, int index, int count) {
    TextFace& face = fonts.face(d.fontFamily, false, 8);
    const QColor grey(0x55, 0x55, 0x55);
    const double left = mm(marginLeft), right = mm(pageWidth - marginRight);
    const double rule = mm(marginTop) - mm(6);
    const double headerBaseline = rule - mm(1.2) - face.descent();
    drawText(painter, face, QPointF(left, headerBaseline), d.headerLeft, grey);
    drawText(painter, face, QPointF(right - face.width(d.headerRight), headerBaseline), d.headerRight, grey);
    painter.setPen(QPen(grey, mm(0.2)));
    painter.drawLine(QPointF(left, rule), QPointF(right, rule));
    const QString footer = d.footer.arg(index).arg(count);
    const double footerBaseline = mm(pageHeight - marginBottom) + mm(6) + face.ascent();
    drawText(painter, face, QPointF((left + right - face.width(footer)) / 2, footerBaseline), footer, grey);
}

void paintFigure(QPainter& painter, FontBook& fonts, const Typesetter::Figure& figure, const FigureItem& f) {
    QSvgRenderer& renderer = *figure.renderer;
    painter.save();
    painter.setClipRect(f.clip);
    // SVG user units onto the target box.
    QTransform toPage;
    const QRectF box = f.target;
    const QRectF view = renderer.viewBoxF();
    toPage.translate(box.left(), box.top());
    toPage.scale(box.width() / view.width(), box.height() / view.height());
    toPage.translate(-view.left(), -view.top());
    painter.setTransform(toPage, true);
    if (f.clip.contains(f.target.adjusted(1, 1, -1, -1)) || figure.elements.empty()) {
        renderer.render(&painter, view);
    } else {
        // A tile: only what it shows, or every tile's page would hold the whole figure.
        const QRectF shown = toPage.inverted().mapRect(f.clip).adjusted(-12, -12, 12, 12);
        for (const auto& [id, bounds] : figure.elements)
            if (bounds.intersects(shown))
                renderer.render(&painter, id, bounds);
    }
    painter.restore();
    // The labels as text, at the size they have on the page.
    painter.save();
    painter.setClipRect(f.clip);
    const double unitsToPoints = toPage.m11() * 72.0 / fonts.dpi();
    const QRectF shown = toPage.inverted().mapRect(f.clip);
    QColor pen;
    for (const SvgLabel& label : figure.labels) {
        if (!shown.adjusted(-label.size * 20, -label.size, label.size * 20, label.size).contains(label.at))
            continue;
        TextFace& face =
            fonts.face(QStringLiteral("Noto Sans CJK SC"), label.bold, label.size * unitsToPoints);
        const double width = face.width(label.text);
        const QPointF at = toPage.map(label.at);
        const double x = label.anchor & Qt::AlignHCenter ? at.x() - width / 2
                         : label.anchor & Qt::AlignRight ? at.x() - width
                                                         : at.x();
        if (label.color != pen) {
            pen = label.color;
            painter.setPen(pen);
        }
        face.draw(painter, QPointF(x, at.y()), label.text);
    }
    painter.restore();
}

} // namespace

Typesetter::Typesetter(const QMap<QString, QByteArray>& svgImages)
    : fonts_(dpi) {
    static const QRegularExpression element(QStringLiteral("<g id=\"([^\"]+)\""));
    for (auto it = svgImages.begin(); it != svgImages.end(); ++it) {
        SplitSvg split = splitSvgLabels(it.value());
        Figure figure{std::make_shared<QSvgRenderer>(split.shapes), {}, std::move(split.labels)};
        for (auto m = element.globalMatch(QString::fromUtf8(split.shapes)); m.hasNext();) {
            const QString id = m.next().captured(1);
            figure.elements.emplace_back(id, figure.renderer->boundsOnElement(id));
        }
        figures_.insert(it.key(), std::move(figure));
    }
}

Typesetter::~Typesetter() = default;

namespace {

PageFlow flowOf(const QString& html, FontBook& fonts, const QMap<QString, Typesetter::Figure>& figures,
                TypesetTimings& timings) {
    QElapsedTimer timer;
    timer.start();
    const std::vector<Block> blocks = blocksOfHtml(html, fonts);
    timings.read += elapsedMs(timer);
    timer.restart();
    FlowOptions options;
    options.body = bodySize();
    for (auto it = figures.begin(); it != figures.end(); ++it)
        if (it.value().renderer->isValid()) // SVG user units are points
            options.figureSizes.insert(it.key(), QSizeF(it.value().renderer->defaultSize()) * (dpi / 72.0));
    options.tileLabelFace = &fonts.face(QStringLiteral("Noto Sans CJK SC"), false, 8);
    PageFlow flow = flowPages(blocks, options);
    timings.flow += elapsedMs(timer);
    return flow;
}

PageLayout pageLayoutOf(const PageFlow& flow) {
    PageLayout layout;
    layout.pageCount = static_cast<int>(flow.pages.size());
    for (const HeadingOnPage& h : flow.headings)
        layout.headings.push_back({h.level, h.text, h.page});
    return layout;
}

} // namespace

PageLayout Typesetter::layout(const QString& html) {
    return pageLayoutOf(flowOf(html, fonts_, figures_, timings_));
}

QByteArray Typesetter::render(const QString& html, const PageDecoration& decoration, const QString& title,
                              PageLayout* layout) {
    const PageFlow flow = flowOf(html, fonts_, figures_, timings_);
    if (layout)
        *layout = pageLayoutOf(flow);
    QElapsedTimer timer;
    timer.start();
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        setUpWriter(writer, title);
        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        const int count = static_cast<int>(flow.pages.size());
        const QPen rulePen(QColor(0x80, 0x80, 0x80), mm(0.15));
        for (int index = 1; index <= count; ++index) {
            if (index > 1)
                writer.newPage();
            const LaidOutPage& page = flow.pages[static_cast<std::size_t>(index - 1)];
            painter.save();
            painter.translate(mm(marginLeft), mm(marginTop));
            for (const FillItem& f : page.fills)
                painter.fillRect(f.rect, f.color);
            for (const FigureItem& f : page.figures)
                if (const auto figure = figures_.find(f.name); figure != figures_.end())
                    paintFigure(painter, fonts_, *figure, f);
            QColor pen;
            for (const TextItem& t : page.texts) {
                if (t.color != pen) {
                    painter.setPen(t.color);
                    pen = t.color;
                }
                t.face->draw(painter, t.origin, t.text);
            }
            if (!page.rules.empty()) {
                painter.setPen(rulePen);
                painter.drawLines(page.rules.data(), static_cast<int>(page.rules.size()));
            }
            painter.restore();
            if (index > 1 || decoration.decorateFirstPage)
                decorate(painter, fonts_, decoration, index, count);
        }
        painter.end();
    } // the writer finishes the file when it goes
    bytes = fixCjkRadicalsInToUnicode(std::move(bytes));
    timings_.paint += elapsedMs(timer);
    return bytes;
}

} // namespace shuiheng::report
