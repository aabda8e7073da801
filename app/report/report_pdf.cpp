#include "report/report_pdf.h"

#include "report/mustache_json.h"
#include "report/report_data.h"
#include "report/report_figures.h"
#include "report/report_strings.h"

#include <QDate>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTextDocumentFragment>

namespace shuiheng::report {
namespace {

using Json = nlohmann::json;

/// The <h1>/<h2> headings of the HTML in order, as the table of contents lists them.
Json headingsOf(const std::string& html) {
    static const QRegularExpression heading(QStringLiteral("<h([12])[^>]*>(.*?)</h\\1>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    Json toc = Json::array();
    auto it = heading.globalMatch(QString::fromStdString(html));
    while (it.hasNext()) {
        const auto m = it.next();
        const QString text = QTextDocumentFragment::fromHtml(m.captured(2)).toPlainText().trimmed();
        toc.push_back(
            {{"title", text.toStdString()}, {"sub", m.captured(1) == QLatin1String("2")}, {"page", "00"}});
    }
    return toc;
}

double elapsedMs(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

ReportOutput makeReport(const PreparedReport& prepared, const std::string& requestedDate) {
    ReportOutput out;
    QElapsedTimer timer;
    timer.start();
    const ReportSource& source = prepared.source;
    const ReportResults& results = prepared.results;
    const ReportTexts* texts = &prepared.texts;
    const std::string date =
        requestedDate.empty() ? QDate::currentDate().toString(Qt::ISODate).toStdString() : requestedDate;
    Json data = reportData(source, results, texts->words, date);
    out.timings.data += elapsedMs(timer);

    timer.restart();
    QMap<QString, QByteArray> svgs;
    const layout::DiagramLayout diagram = layout::layoutPlant(source.plant);
    svgs.insert(QStringLiteral("balance-diagram"),
                QByteArray::fromStdString(balanceDiagramSvg(source.plant, diagram, results, texts->words)));
    svgs.insert(QStringLiteral("meter-network"),
                QByteArray::fromStdString(meterNetworkSvg(source.plant, diagram, texts->words)));
    svgs.insert(QStringLiteral("sankey"),
                QByteArray::fromStdString(siteSankeyOf(source.plant, results, {}).svg));
    Typesetter typesetter(svgs);
    out.timings.figures += elapsedMs(timer);

    // Pass 1: the contents with placeholder page numbers, so the pages fall where they will.
    timer.restart();
    data["toc"] = Json::array();
    std::string html = renderMustache(texts->html, data, out.error);
    if (html.empty())
        return out;
    data["toc"] = headingsOf(html);
    html = renderMustache(texts->html, data, out.error);
    out.timings.data += elapsedMs(timer);
    const PageLayout first = typesetter.layout(QString::fromStdString(html));
    // Pass 2: the real page numbers (same text length: the layout does not move).
    timer.restart();
    for (std::size_t k = 0; k < data["toc"].size() && k < first.headings.size(); ++k)
        data["toc"][k]["page"] = std::to_string(first.headings[k].page);
    html = renderMustache(texts->html, data, out.error);
    out.timings.data += elapsedMs(timer);

    PageDecoration decoration;
    decoration.headerLeft = QString::fromStdString(word(texts->words, "report", "title"));
    decoration.headerRight = QString::fromStdString(source.enterprise);
    decoration.footer = QString::fromStdString(word(texts->words, "report", "footer"));
    out.pdf = typesetter.render(
        QString::fromStdString(html), decoration,
        QString::fromStdString(word(texts->words, "report", "title") + " — " + source.enterprise),
        &out.pages);
    out.timings.typeset = typesetter.timings();
    if (out.pdf.isEmpty())
        out.error = "the PDF could not be made";
    out.html = std::move(html);
    return out;
}

} // namespace shuiheng::report
