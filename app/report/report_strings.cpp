#include "report/report_strings.h"

#include "report/core_messages.h"

#include <QFile>
#include <QString>

namespace shuiheng::report {
namespace {

std::optional<std::string> readText(const QString& path, std::string& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path.toStdString() + ": " + file.errorString().toStdString();
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

/// The report's language (words["lang"]), English where the words do not say.
std::string languageOf(const nlohmann::json& words) {
    const auto lang = words.find("lang");
    return lang != words.end() && lang->is_string() ? lang->get<std::string>() : "en";
}

} // namespace

std::optional<ReportTexts> loadReportTexts(const std::string& lang, const std::string& dir,
                                           std::string& error) {
    if (lang != "zh" && lang != "en") {
        error = "language '" + lang + "' is not one of zh, en";
        return std::nullopt;
    }
    const QString base = dir.empty() ? QStringLiteral(":/shuiheng/templates") : QString::fromStdString(dir);
    auto html = readText(base + QStringLiteral("/report.html.mustache"), error);
    if (!html)
        return std::nullopt;
    auto words = readText(
        base + QStringLiteral("/report.") + QString::fromStdString(lang) + QStringLiteral(".json"), error);
    if (!words)
        return std::nullopt;
    ReportTexts texts{std::move(*html), nlohmann::json::parse(*words, nullptr, false)};
    if (!texts.words.is_object()) {
        error = (base + QStringLiteral("/report.") + QString::fromStdString(lang)).toStdString() +
                ".json: not a JSON object";
        return std::nullopt;
    }
    // The names of indicators (and the other terms of core's messages) are the message catalogue's
    // unless the words name them (the English report does: its catalogue says keys).
    if (!texts.words.contains("indicators"))
        texts.words["indicators"] = messageCatalogue(lang).terms;
    return texts;
}

std::string word(const nlohmann::json& words, const std::string& group, const std::string& key) {
    const auto g = words.find(group);
    if (g == words.end() || !g->is_object())
        return key;
    const auto w = g->find(key);
    return w != g->end() && w->is_string() ? w->get<std::string>() : key;
}

std::string coreMessage(const nlohmann::json& words, const text::Message& message,
                        const std::string& english) {
    return sayMessage(message, english, languageOf(words));
}

std::string coreTerm(const nlohmann::json& words, const std::string& term) {
    return messageCatalogue(languageOf(words)).term(term);
}

std::string indicatorRemark(const nlohmann::json& words, const indicators::Indicator& i) {
    if (!i.reason.empty())
        return coreMessage(words, i.reasonMessage, i.reason);
    const auto formulas = words.find("formulas");
    return formulas != words.end() && formulas->contains(i.key) ? word(words, "formulas", i.key) : i.formula;
}

} // namespace shuiheng::report
