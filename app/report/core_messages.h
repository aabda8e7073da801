#pragma once
// Core's messages (core/text, docs/messages.md) in the user's language, for the report and the
// app's models alike: the catalogues data/messages/<lang>.json are built in as Qt resources and
// read once; English is core's own.

#include "text/catalogue.h"

#include <QLocale>
#include <string>

namespace shuiheng::report {

/// The catalogue of `lang` ("zh", "en"); core's English for "en" or a language without a file.
/// Read once and kept for the program's life (safe from any thread).
const text::Catalogue& messageCatalogue(const std::string& lang);

/// The catalogue language for a Qt locale: "zh" for Chinese, else "en".
std::string messageLanguage(const QLocale& locale = QLocale());

/// `message` in `lang`, its numbers as people read them (text::plainNumber); when the message is empty (a
/// text read without its code), `english` as it is.
std::string sayMessage(const text::Message& message, const std::string& english, const std::string& lang);

} // namespace shuiheng::report
