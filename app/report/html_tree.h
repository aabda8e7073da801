#pragma once
// The report's HTML read into a tree of elements and text: enough HTML for what the report templates
// write (tags with attributes, void elements, character references, a <style> sheet), not a browser's
// error recovery. The page typesetter (page_flow.h) works from this tree.

#include <QHash>
#include <QString>
#include <vector>

namespace shuiheng::report {

struct HtmlNode {
    QString tag;  ///< lower case; empty for a text node
    QString text; ///< a text node's characters, references resolved, white space as written
    QHash<QString, QString> attributes;
    std::vector<HtmlNode> children;

    QString attribute(const QString& name) const { return attributes.value(name); }
    bool isText() const { return tag.isEmpty(); }
    /// Whether its class attribute lists `name`.
    bool hasClass(const QString& name) const;
};

/// The document's root (tag "#document"). Unclosed elements close with their parent; a stray end
/// tag is ignored; <style> and <script> keep their content as one text node.
HtmlNode parseHtml(const QString& html);

/// The first element with this tag, depth first; nullptr when there is none.
const HtmlNode* findElement(const HtmlNode& root, const QString& tag);

} // namespace shuiheng::report
