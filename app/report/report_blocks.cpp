#include "report/report_blocks.h"

#include "report/css_style.h"
#include "report/html_tree.h"

#include <QRegularExpression>

namespace shuiheng::report {
namespace {

bool isOneOf(const QString& tag, std::initializer_list<const char*> tags) {
    for (const char* t : tags)
        if (tag == QLatin1String(t))
            return true;
    return false;
}

class BlockBuilder {
public:
    BlockBuilder(const StyleSheet& sheet, FontBook& fonts)
        : sheet_(sheet)
        , fonts_(fonts) {}

    void walk(const HtmlNode& node, const CssStyle& parent) {
        for (const HtmlNode& child : node.children) {
            if (child.isText() || isOneOf(child.tag, {"head", "style", "script", "title"}))
                continue; // text between blocks is the template's line breaks
            const CssStyle style = sheet_.styleOf(child, ancestors_, parent);
            ancestors_.push_back(&child);
            if (isOneOf(child.tag, {"p", "h1", "h2", "h3", "div"}) && !hasBlockChild(child))
                paragraph(child, style);
            else if (child.tag == QLatin1String("table"))
                table(child, style);
            else
                walk(child, style);
            ancestors_.pop_back();
        }
    }

    std::vector<Block> take() { return std::move(blocks_); }

private:
    const StyleSheet& sheet_;
    FontBook& fonts_;
    std::vector<const HtmlNode*> ancestors_;
    std::vector<Block> blocks_;

    double units(double points) const { return points * fonts_.dpi() / 72.0; }

    BlockSpacing spacingOf(const CssStyle& style) const {
        return {units(style.marginTop), units(style.marginBottom), style.pageBreakBefore};
    }

    static bool hasBlockChild(const HtmlNode& node) {
        for (const HtmlNode& c : node.children)
            if (isOneOf(c.tag, {"p", "h1", "h2", "h3", "div", "table"}))
                return true;
        return false;
    }

    static const HtmlNode* svgImage(const HtmlNode& node) {
        for (const HtmlNode& c : node.children) {
            if (c.tag == QLatin1String("img") &&
                c.attribute(QStringLiteral("src")).startsWith(QLatin1String("svg:")))
                return &c;
            if (const HtmlNode* found = svgImage(c))
                return found;
        }
        return nullptr;
    }

    /// The inline content as styled runs, white space collapsed as HTML does.
    void inlineRuns(const HtmlNode& node, const CssStyle& style, std::vector<StyledText>& runs) {
        for (const HtmlNode& child : node.children) {
            if (child.isText()) {
                static const QRegularExpression space(QStringLiteral("[ \\t\\r\\n]+"));
                QString text = child.text;
                text.replace(space, QStringLiteral(" "));
                TextFace* face = &fonts_.face(style.fontFamily, style.bold, style.fontSize);
                if (!runs.empty() && runs.back().face == face && runs.back().color == style.color)
                    runs.back().text += text;
                else
                    runs.push_back({text, face, style.color});
                continue;
            }
            const CssStyle childStyle = sheet_.styleOf(child, ancestors_, style);
            ancestors_.push_back(&child);
            inlineRuns(child, childStyle, runs);
            ancestors_.pop_back();
        }
    }

    /// Runs with the block's leading and trailing white space removed, and a space after a space dropped.
    static std::vector<StyledText> trimmed(std::vector<StyledText> runs) {
        bool lastWasSpace = true; // at the start: drop leading space
        std::vector<StyledText> out;
        for (StyledText& r : runs) {
            QString text;
            for (const QChar c : r.text) {
                if (c == u' ' && lastWasSpace)
                    continue;
                lastWasSpace = c == u' ';
                text += c;
            }
            if (!text.isEmpty()) {
                r.text = text;
                out.push_back(std::move(r));
            }
        }
        while (!out.empty() && out.back().text.endsWith(u' ')) {
            out.back().text.chop(1);
            if (out.back().text.isEmpty())
                out.pop_back();
        }
        return out;
    }

    void paragraph(const HtmlNode& node, const CssStyle& style) {
        if (const HtmlNode* image = svgImage(node)) {
            blocks_.push_back(FigureBlock{image->attribute(QStringLiteral("src")).mid(4), spacingOf(style)});
            return;
        }
        TextBlock block;
        inlineRuns(node, style, block.runs);
        block.runs = trimmed(std::move(block.runs));
        block.align = style.align;
        block.lineHeight = style.lineHeight;
        block.spacing = spacingOf(style);
        if (node.tag.size() == 2 && node.tag[0] == u'h')
            block.headingLevel = node.tag[1].digitValue();
        for (const StyledText& r : block.runs)
            block.plainText += r.text;
        if (block.runs.empty())
            block.runs.push_back(
                {QString(), &fonts_.face(style.fontFamily, style.bold, style.fontSize), style.color});
        blocks_.push_back(std::move(block));
    }

    void table(const HtmlNode& node, const CssStyle& style) {
        TableBlock block;
        block.spacing = spacingOf(style);
        block.borders = node.attribute(QStringLiteral("border")).toInt() > 0;
        const QString width = node.attribute(QStringLiteral("width"));
        block.widthFraction = width.endsWith(u'%') ? width.chopped(1).toDouble() / 100 : 1.0;
        const double cellPadding = node.attributes.contains(QStringLiteral("cellpadding"))
                                       ? node.attribute(QStringLiteral("cellpadding")).toDouble()
                                       : 1.0;
        rows(node, style, block, cellPadding, false);
        blocks_.push_back(std::move(block));
    }

    void rows(const HtmlNode& node, const CssStyle& style, TableBlock& block, double cellPadding,
              bool inHead) {
        for (const HtmlNode& child : node.children) {
            if (child.isText())
                continue;
            const CssStyle childStyle = sheet_.styleOf(child, ancestors_, style);
            ancestors_.push_back(&child);
            if (child.tag == QLatin1String("tr")) {
                block.rows.push_back(cells(child, childStyle, cellPadding));
                if (inHead && block.headerRows == static_cast<int>(block.rows.size()) - 1)
                    ++block.headerRows;
            } else {
                rows(child, childStyle, block, cellPadding, inHead || child.tag == QLatin1String("thead"));
            }
            ancestors_.pop_back();
        }
    }

    std::vector<TableCell> cells(const HtmlNode& row, const CssStyle& rowStyle, double cellPadding) {
        std::vector<TableCell> out;
        for (const HtmlNode& c : row.children) {
            if (c.tag != QLatin1String("td") && c.tag != QLatin1String("th"))
                continue;
            const CssStyle style = sheet_.styleOf(c, ancestors_, rowStyle);
            ancestors_.push_back(&c);
            TableCell cell;
            inlineRuns(c, style, cell.runs);
            cell.runs = trimmed(std::move(cell.runs));
            if (cell.runs.empty())
                cell.runs.push_back(
                    {QString(), &fonts_.face(style.fontFamily, style.bold, style.fontSize), style.color});
            cell.align = style.align;
            cell.lineHeight = style.lineHeight;
            cell.background = style.background;
            cell.padding = units(style.padding >= 0 ? style.padding : cellPadding);
            cell.paddingLeft = style.paddingLeft >= 0 ? units(style.paddingLeft) : cell.padding;
            const QString width = c.attribute(QStringLiteral("width"));
            if (width.endsWith(u'%'))
                cell.widthFraction = width.chopped(1).toDouble() / 100;
            out.push_back(std::move(cell));
            ancestors_.pop_back();
        }
        return out;
    }
};

} // namespace

std::vector<Block> blocksOfHtml(const QString& html, FontBook& fonts) {
    const HtmlNode root = parseHtml(html);
    QString css;
    if (const HtmlNode* style = findElement(root, QStringLiteral("style")))
        for (const HtmlNode& t : style->children)
            css += t.text;
    const StyleSheet sheet(css);
    BlockBuilder builder(sheet, fonts);
    builder.walk(root, CssStyle{});
    return builder.take();
}

} // namespace shuiheng::report
