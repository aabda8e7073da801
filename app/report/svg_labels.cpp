#include "report/svg_labels.h"

#include "report/html_tree.h"

#include <QRegularExpression>

namespace shuiheng::report {

SplitSvg splitSvgLabels(const QByteArray& svg) {
    const QString text = QString::fromUtf8(svg);
    static const QRegularExpression rootSize(QStringLiteral("<svg[^>]*\\sfont-size=\"([0-9.]+)\""));
    const auto root = rootSize.match(text);
    const double defaultSize = root.hasMatch() ? root.captured(1).toDouble() : 12;
    static const QRegularExpression label(QStringLiteral("<text(\\s[^>]*)?>([^<]*)</text>"));
    SplitSvg out;
    QString shapes;
    qsizetype copied = 0;
    for (auto it = label.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        shapes += QStringView(text).mid(copied, m.capturedStart() - copied);
        copied = m.capturedEnd();
        // The attributes read as an HTML start tag's; the content's references resolved the same way.
        const HtmlNode element = parseHtml(QStringLiteral("<text") + m.captured(1) + QStringLiteral(">") +
                                           m.captured(2) + QStringLiteral("</text>"))
                                     .children.front();
        SvgLabel l;
        l.at = QPointF(element.attribute(QStringLiteral("x")).toDouble(),
                       element.attribute(QStringLiteral("y")).toDouble());
        for (const HtmlNode& t : element.children)
            l.text += t.text;
        const QString size = element.attribute(QStringLiteral("font-size"));
        l.size = size.isEmpty() ? defaultSize : size.toDouble();
        l.bold = element.attribute(QStringLiteral("font-weight")) == QLatin1String("bold");
        const QString fill = element.attribute(QStringLiteral("fill"));
        if (!fill.isEmpty())
            l.color = QColor(fill);
        const QString anchor = element.attribute(QStringLiteral("text-anchor"));
        l.anchor = anchor == QLatin1String("middle") ? Qt::AlignHCenter
                   : anchor == QLatin1String("end")  ? Qt::AlignRight
                                                     : Qt::AlignLeft;
        if (!l.text.trimmed().isEmpty())
            out.labels.push_back(std::move(l));
    }
    shapes += QStringView(text).mid(copied);
    out.shapes = shapes.toUtf8();
    return out;
}

} // namespace shuiheng::report
