#include "report/css_style.h"

#include <QRegularExpression>

namespace shuiheng::report {
namespace {

/// "8.5pt" → 8.5; other units are not used by the templates and read as points too.
double length(const QString& value) {
    static const QRegularExpression number(QStringLiteral("^\\s*(-?[0-9.]+)"));
    const auto m = number.match(value);
    return m.hasMatch() ? m.captured(1).toDouble() : 0;
}

} // namespace

void applyDeclarations(const QString& declarations, CssStyle& style) {
    for (const QString& declaration : declarations.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        const QString name = declaration.left(colon).trimmed().toLower();
        const QString value = declaration.mid(colon + 1).trimmed();
        if (name == QLatin1String("font-family")) {
            QString first = value.section(u',', 0, 0).trimmed();
            first.remove(u'\'');
            first.remove(u'"');
            style.fontFamily = first;
        } else if (name == QLatin1String("font-size")) {
            style.fontSize = length(value);
        } else if (name == QLatin1String("font-weight")) {
            style.bold = value == QLatin1String("bold") || length(value) >= 600;
        } else if (name == QLatin1String("color")) {
            style.color = QColor(value);
        } else if (name == QLatin1String("background-color") || name == QLatin1String("background")) {
            style.background = QColor(value);
        } else if (name == QLatin1String("margin-top")) {
            style.marginTop = length(value);
        } else if (name == QLatin1String("margin-bottom")) {
            style.marginBottom = length(value);
        } else if (name == QLatin1String("padding")) {
            style.padding = length(value);
        } else if (name == QLatin1String("padding-left")) {
            style.paddingLeft = length(value);
        } else if (name == QLatin1String("line-height")) {
            style.lineHeight = value.endsWith(u'%') ? length(value) / 100 : length(value);
        } else if (name == QLatin1String("text-align")) {
            style.align = value == QLatin1String("right")    ? Qt::AlignRight
                          : value == QLatin1String("center") ? Qt::AlignHCenter
                                                             : Qt::AlignLeft;
        } else if (name == QLatin1String("page-break-before")) {
            style.pageBreakBefore = value == QLatin1String("always");
        }
    }
}

StyleSheet::StyleSheet(const QString& css) {
    QString text = css;
    static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/"),
                                            QRegularExpression::DotMatchesEverythingOption);
    text.remove(comment);
    static const QRegularExpression rule(QStringLiteral("([^{}]+)\\{([^}]*)\\}"));
    for (auto it = rule.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (const QString& selector : m.captured(1).split(u',', Qt::SkipEmptyParts)) {
            Rule r;
            r.declarations = m.captured(2);
            static const QRegularExpression space(QStringLiteral("\\s+"));
            for (const QString& part : selector.split(space, Qt::SkipEmptyParts)) {
                const qsizetype dot = part.indexOf(u'.');
                r.selector.push_back(dot < 0 ? Compound{part.toLower(), {}}
                                             : Compound{part.left(dot).toLower(), part.mid(dot + 1)});
            }
            if (!r.selector.empty())
                rules_.push_back(std::move(r));
        }
    }
}

bool StyleSheet::matches(const Compound& c, const HtmlNode& element) {
    return (c.tag.isEmpty() || c.tag == element.tag) && (c.cls.isEmpty() || element.hasClass(c.cls));
}

bool StyleSheet::matches(const Rule& rule, const HtmlNode& element,
                         const std::vector<const HtmlNode*>& ancestors) {
    if (!matches(rule.selector.back(), element))
        return false;
    // Each earlier compound matches some ancestor, innermost last, in order.
    auto ancestor = ancestors.rbegin();
    for (auto c = rule.selector.rbegin() + 1; c != rule.selector.rend(); ++c) {
        while (ancestor != ancestors.rend() && !matches(*c, **ancestor))
            ++ancestor;
        if (ancestor == ancestors.rend())
            return false;
        ++ancestor;
    }
    return true;
}

CssStyle StyleSheet::styleOf(const HtmlNode& element, const std::vector<const HtmlNode*>& ancestors,
                             const CssStyle& parent) const {
    CssStyle style;
    style.fontFamily = parent.fontFamily;
    style.fontSize = parent.fontSize;
    style.bold = parent.bold;
    style.color = parent.color;
    style.lineHeight = parent.lineHeight;
    style.align = parent.align;
    // What a browser's own style sheet gives these elements.
    const QString& tag = element.tag;
    if (tag == QLatin1String("b") || tag == QLatin1String("strong") || tag == QLatin1String("th") ||
        tag == QLatin1String("h1") || tag == QLatin1String("h2"))
        style.bold = true;
    if (tag == QLatin1String("th"))
        style.align = Qt::AlignHCenter;
    if (tag == QLatin1String("td"))
        style.align = Qt::AlignLeft;
    // The align attribute is a presentational hint: the style sheet's rules override it.
    const QString align = element.attribute(QStringLiteral("align"));
    if (!align.isEmpty())
        applyDeclarations(QStringLiteral("text-align: ") + align, style);
    for (const Rule& rule : rules_)
        if (matches(rule, element, ancestors))
            applyDeclarations(rule.declarations, style);
    const QString inlineStyle = element.attribute(QStringLiteral("style"));
    if (!inlineStyle.isEmpty())
        applyDeclarations(inlineStyle, style);
    return style;
}

} // namespace shuiheng::report
