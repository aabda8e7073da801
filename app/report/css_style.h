#pragma once
// The report template's style sheet applied to its elements: the few CSS properties the report uses
// (font family, size and weight, colour, background, margins, padding, line height, text alignment,
// page-break-before), selectors of the forms `tag`, `.class`, `tag.class` and descendants
// (`table.grid td`), later rules winning. Lengths in pt.

#include "report/html_tree.h"

#include <QColor>
#include <QString>
#include <vector>

namespace shuiheng::report {

struct CssStyle {
    // inherited
    QString fontFamily = QStringLiteral("Noto Serif CJK SC");
    double fontSize = 10; ///< pt
    bool bold = false;
    QColor color = Qt::black;
    double lineHeight = 1.0; ///< times the font's own line spacing
    Qt::Alignment align = Qt::AlignLeft;
    // not inherited
    double marginTop = 0, marginBottom = 0;
    double padding = -1, paddingLeft = -1; ///< -1: not set (the table's cellpadding)
    QColor background;                     ///< invalid: none
    bool pageBreakBefore = false;
};

class StyleSheet {
public:
    explicit StyleSheet(const QString& css = {});

    /// The style of `element` inside `ancestors` (outermost first) whose own style is `parent`.
    CssStyle styleOf(const HtmlNode& element, const std::vector<const HtmlNode*>& ancestors,
                     const CssStyle& parent) const;

private:
    struct Compound {
        QString tag; ///< empty: any
        QString cls; ///< empty: any
    };
    struct Rule {
        std::vector<Compound> selector; ///< outermost first; the last one is the element
        QString declarations;
    };
    std::vector<Rule> rules_;

    static bool matches(const Compound& c, const HtmlNode& element);
    static bool matches(const Rule& rule, const HtmlNode& element,
                        const std::vector<const HtmlNode*>& ancestors);
};

/// Declarations `name: value; …` applied to a style.
void applyDeclarations(const QString& declarations, CssStyle& style);

} // namespace shuiheng::report
