#include "report/html_tree.h"

#include <QSet>

namespace shuiheng::report {
namespace {

bool isVoid(const QString& tag) {
    static const QSet<QString> tags{"br", "img", "meta", "hr", "link", "input", "col"};
    return tags.contains(tag);
}

/// `&amp;`, `&#39;`, `&#x4e2d;`, `&nbsp;` … in text and attribute values.
QString decodeReferences(QStringView text) {
    if (!text.contains(u'&'))
        return text.toString();
    static const QHash<QString, QChar> named{{"amp", u'&'},
                                             {"lt", u'<'},
                                             {"gt", u'>'},
                                             {"quot", u'"'},
                                             {"apos", u'\''},
                                             {"nbsp", QChar(0xA0)},
                                             {"mdash", QChar(0x2014)},
                                             {"ndash", QChar(0x2013)}};
    QString out;
    out.reserve(text.size());
    for (qsizetype k = 0; k < text.size(); ++k) {
        const qsizetype semicolon = text[k] == u'&' ? text.indexOf(u';', k) : -1;
        if (semicolon < 0 || semicolon - k > 10) {
            out.append(text[k]);
            continue;
        }
        const QStringView name = text.mid(k + 1, semicolon - k - 1);
        bool ok = false;
        if (name.startsWith(u'#')) {
            const uint code = name.startsWith(u"#x") || name.startsWith(u"#X") ? name.mid(2).toUInt(&ok, 16)
                                                                               : name.mid(1).toUInt(&ok, 10);
            if (ok) {
                const char32_t c = code;
                out.append(QString::fromUcs4(&c, 1));
            }
        } else if (named.contains(name.toString())) {
            out.append(named.value(name.toString()));
            ok = true;
        }
        if (ok)
            k = semicolon;
        else
            out.append(text[k]);
    }
    return out;
}

/// Attributes of a start tag's inside (after the name): name="value", name='value', name=value, name.
QHash<QString, QString> readAttributes(QStringView inside) {
    QHash<QString, QString> attributes;
    qsizetype k = 0;
    const auto skipSpace = [&] {
        while (k < inside.size() && inside[k].isSpace())
            ++k;
    };
    while (true) {
        skipSpace();
        if (k >= inside.size() || inside[k] == u'/')
            break;
        const qsizetype start = k;
        while (k < inside.size() && !inside[k].isSpace() && inside[k] != u'=' && inside[k] != u'/')
            ++k;
        const QString name = inside.mid(start, k - start).toString().toLower();
        skipSpace();
        QString value;
        if (k < inside.size() && inside[k] == u'=') {
            ++k;
            skipSpace();
            if (k < inside.size() && (inside[k] == u'"' || inside[k] == u'\'')) {
                const QChar quote = inside[k];
                const qsizetype end = inside.indexOf(quote, k + 1);
                const qsizetype stop = end < 0 ? inside.size() : end;
                value = decodeReferences(inside.mid(k + 1, stop - k - 1));
                k = stop + 1;
            } else {
                const qsizetype valueStart = k;
                while (k < inside.size() && !inside[k].isSpace())
                    ++k;
                value = decodeReferences(inside.mid(valueStart, k - valueStart));
            }
        }
        if (!name.isEmpty())
            attributes.insert(name, value);
    }
    return attributes;
}

} // namespace

bool HtmlNode::hasClass(const QString& name) const {
    const QString classes = attributes.value(QStringLiteral("class"));
    if (!classes.contains(name))
        return false;
    for (const QStringView c : QStringView(classes).split(u' ', Qt::SkipEmptyParts))
        if (c == name)
            return true;
    return false;
}

HtmlNode parseHtml(const QString& html) {
    HtmlNode root;
    root.tag = QStringLiteral("#document");
    std::vector<HtmlNode*> open{&root};
    qsizetype k = 0;
    const auto appendText = [&](QStringView text) {
        if (text.isEmpty())
            return;
        HtmlNode node;
        node.text = decodeReferences(text);
        open.back()->children.push_back(std::move(node));
    };
    while (k < html.size()) {
        const qsizetype lt = html.indexOf(u'<', k);
        if (lt < 0) {
            appendText(QStringView(html).mid(k));
            break;
        }
        appendText(QStringView(html).mid(k, lt - k));
        if (html.mid(lt, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), lt + 4);
            k = end < 0 ? html.size() : end + 3;
            continue;
        }
        const qsizetype gt = html.indexOf(u'>', lt);
        if (gt < 0) {
            appendText(QStringView(html).mid(lt));
            break;
        }
        const QStringView inside = QStringView(html).mid(lt + 1, gt - lt - 1);
        k = gt + 1;
        if (inside.startsWith(u'!') || inside.startsWith(u'?'))
            continue; // <!DOCTYPE …>, <?xml …?>
        if (inside.startsWith(u'/')) {
            const QString tag = inside.mid(1).trimmed().toString().toLower();
            for (auto it = open.size(); it > 1; --it)
                if (open[it - 1]->tag == tag) {
                    open.resize(it - 1);
                    break;
                }
            continue;
        }
        qsizetype nameEnd = 0;
        while (nameEnd < inside.size() && !inside[nameEnd].isSpace() && inside[nameEnd] != u'/')
            ++nameEnd;
        HtmlNode element;
        element.tag = inside.left(nameEnd).toString().toLower();
        element.attributes = readAttributes(inside.mid(nameEnd));
        open.back()->children.push_back(std::move(element));
        HtmlNode* added = &open.back()->children.back();
        if (added->tag == QLatin1String("style") || added->tag == QLatin1String("script")) {
            const qsizetype end = html.indexOf(QLatin1String("</") + added->tag, k, Qt::CaseInsensitive);
            const qsizetype stop = end < 0 ? html.size() : end;
            HtmlNode text;
            text.text = html.mid(k, stop - k);
            added->children.push_back(std::move(text));
            const qsizetype close = end < 0 ? html.size() : html.indexOf(u'>', end);
            k = close < 0 ? html.size() : close + 1;
            continue;
        }
        if (!isVoid(added->tag) && !inside.endsWith(u'/'))
            open.push_back(added);
    }
    return root;
}

const HtmlNode* findElement(const HtmlNode& root, const QString& tag) {
    if (root.tag == tag)
        return &root;
    for (const HtmlNode& child : root.children)
        if (const HtmlNode* found = findElement(child, tag))
            return found;
    return nullptr;
}

} // namespace shuiheng::report
