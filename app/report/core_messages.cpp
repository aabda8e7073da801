#include "report/core_messages.h"

#include <QFile>
#include <QString>
#include <map>
#include <mutex>

namespace shuiheng::report {
namespace {

text::Catalogue load(const std::string& lang) {
    QFile file(QStringLiteral(":/shuiheng/messages/%1.json").arg(QString::fromStdString(lang)));
    if (!file.open(QIODevice::ReadOnly))
        return text::english();
    text::CatalogueResult result = text::parseCatalogue(file.readAll().toStdString());
    for (const std::string& error : result.errors)
        qWarning("data/messages/%s.json: %s", lang.c_str(), error.c_str());
    return result.catalogue ? std::move(*result.catalogue) : text::english();
}

} // namespace

const text::Catalogue& messageCatalogue(const std::string& lang) {
    if (lang == "en")
        return text::english();
    static std::mutex mutex;
    static std::map<std::string, text::Catalogue> loaded;
    const std::lock_guard lock(mutex);
    auto it = loaded.find(lang);
    if (it == loaded.end())
        it = loaded.emplace(lang, load(lang)).first;
    return it->second; // std::map never moves its elements
}

std::string messageLanguage(const QLocale& locale) {
    return locale.language() == QLocale::Chinese ? "zh" : "en";
}

std::string sayMessage(const text::Message& message, const std::string& english, const std::string& lang) {
    return message.empty() ? english : text::render(message, messageCatalogue(lang), text::plainNumber);
}

} // namespace shuiheng::report
