#include "report/report_strings.h"

#include <QFile>
#include <QRegularExpression>
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
    return texts;
}

std::string word(const nlohmann::json& words, const std::string& group, const std::string& key) {
    const auto g = words.find(group);
    if (g == words.end() || !g->is_object())
        return key;
    const auto w = g->find(key);
    return w != g->end() && w->is_string() ? w->get<std::string>() : key;
}

std::string coreMessage(const nlohmann::json& words, const std::string& text) {
    const auto messages = words.find("messages");
    if (text.empty() || messages == words.end() || !messages->is_array())
        return text;
    const QString message = QString::fromStdString(text);
    for (const auto& pair : *messages) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
            continue;
        const QRegularExpression pattern(QString::fromStdString(pair[0].get<std::string>()));
        if (pattern.match(message).hasMatch())
            return QString(message)
                .replace(pattern, QString::fromStdString(pair[1].get<std::string>()))
                .toStdString();
    }
    return text;
}

} // namespace shuiheng::report
