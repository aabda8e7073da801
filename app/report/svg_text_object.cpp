#include "report/svg_text_object.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <utility>
#include <vector>

namespace shuiheng::report {
namespace {

constexpr int svgNameProperty = QTextFormat::UserProperty + 1;

/// A wide figure that would shrink to less than this on the page is turned a quarter (landscape).
constexpr double landscapeBelow = 0.75;

/// Whether the figure is drawn turned, and its size on the page (turned when it is).
std::pair<bool, QSizeF> placement(QSizeF natural, QSizeF box) {
    QSizeF upright = natural.scaled(box, Qt::KeepAspectRatio);
    const bool wide = natural.width() > natural.height() * 1.25;
    if (!wide || upright.width() / natural.width() >= landscapeBelow)
        return {false, upright};
    return {true, QSizeF(natural.height(), natural.width()).scaled(box, Qt::KeepAspectRatio)};
}

} // namespace

SvgTextObject::SvgTextObject(QSizeF maxSize, double unitsPerSvgUnit, QObject* parent)
    : QObject(parent)
    , maxSize_(maxSize)
    , unitsPerSvgUnit_(unitsPerSvgUnit) {}

SvgTextObject::~SvgTextObject() = default;

QSizeF SvgTextObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format) {
    const auto renderer = renderers_.value(format.property(svgNameProperty).toString());
    if (!renderer)
        return {1, 1};
    const QSizeF size = QSizeF(renderer->defaultSize()) * unitsPerSvgUnit_;
    if (size.isEmpty())
        return {1, 1};
    // As large as the text area allows, aspect kept; a wide diagram turned to run up the page.
    return placement(size, maxSize_).second;
}

void SvgTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                               const QTextFormat& format) {
    const auto renderer = renderers_.value(format.property(svgNameProperty).toString());
    if (!renderer)
        return;
    if (!placement(QSizeF(renderer->defaultSize()) * unitsPerSvgUnit_, maxSize_).first) {
        renderer->render(painter, rect);
        return;
    }
    painter->save(); // turned counter-clockwise: the figure's top at the binding edge
    painter->translate(rect.left(), rect.bottom());
    painter->rotate(-90);
    renderer->render(painter, QRectF(0, 0, rect.height(), rect.width()));
    painter->restore();
}

void SvgTextObject::install(QTextDocument& document, const QMap<QString, QByteArray>& images) {
    document.documentLayout()->registerHandler(objectType, this);
    struct Found {
        int position;
        QString name;
    };
    std::vector<Found> found;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            const QString name = format.toImageFormat().name();
            if (name.startsWith(QLatin1String("svg:")) && images.contains(name.mid(4)))
                for (int k = 0; k < fragment.length(); ++k)
                    found.push_back({fragment.position() + k, name.mid(4)});
        }
    for (auto it = images.begin(); it != images.end(); ++it)
        renderers_.insert(it.key(), std::make_shared<QSvgRenderer>(it.value()));
    QTextCursor cursor(&document);
    for (const Found& f : found) {
        QTextCharFormat format;
        format.setObjectType(objectType);
        format.setProperty(svgNameProperty, f.name);
        cursor.setPosition(f.position);
        cursor.setPosition(f.position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
}

} // namespace shuiheng::report
