#include "text/catalogue.h"

#include "text/message_codes.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace shuiheng::text {
namespace {

std::string coreNumber(double value, std::string_view spec) {
    return fmt::format(fmt::runtime("{:" + std::string(spec) + "}"), value);
}

} // namespace

std::string plainNumber(double value, std::string_view spec) {
    const std::string core = coreNumber(value, spec);
    const double magnitude = std::abs(value);
    if (core.find_first_of("eE") == std::string::npos || !(magnitude >= 1e-4 && magnitude < 1e15) ||
        spec.empty() || (spec.back() != 'g' && spec.back() != 'G'))
        return core;
    // The precision of a "g" spec (6 when none is given): that many significant digits.
    int precision = 6;
    if (const auto dot = spec.find('.'); dot != std::string_view::npos)
        precision = std::max(1, std::atoi(std::string(spec.substr(dot + 1)).c_str()));
    const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    const int decimals = std::max(0, precision - 1 - exponent);
    const double unit = std::pow(10.0, std::max(0, exponent + 1 - precision));
    std::string fixed = fmt::format("{:.{}f}", std::round(value / unit) * unit, decimals);
    if (fixed.find('.') != std::string::npos) {
        fixed.erase(fixed.find_last_not_of('0') + 1);
        if (fixed.back() == '.')
            fixed.pop_back();
    }
    return fixed;
}

namespace {

class Renderer {
public:
    Renderer(const Catalogue& catalogue, const NumberFormat& numbers)
        : catalogue_(catalogue)
        , numbers_(numbers) {}

    std::string message(const Message& m) const {
        if (m.empty())
            return {};
        const std::string* pattern = catalogue_.pattern(m.code);
        if (!pattern)
            return m.code; // not a registered code: a test keeps this from happening
        std::string out;
        std::size_t at = 0;
        while (at < pattern->size()) {
            const std::size_t open = pattern->find('{', at);
            const std::size_t close = open == std::string::npos ? open : pattern->find('}', open);
            if (close == std::string::npos) {
                out.append(*pattern, at);
                break;
            }
            out.append(*pattern, at, open - at);
            const std::string_view name(pattern->data() + open + 1, close - open - 1);
            if (const Arg* a = m.arg(name))
                out += arg(*a);
            else
                out.append(*pattern, open, close - open + 1);
            at = close + 1;
        }
        return out;
    }

    std::string arg(const Arg& a) const {
        switch (a.kind) {
        case Arg::Kind::Verbatim:
            return a.text;
        case Arg::Kind::Number:
            return numbers_ ? numbers_(a.number, a.format) : coreNumber(a.number, a.format);
        case Arg::Kind::Term:
            return catalogue_.term(a.text);
        case Arg::Kind::Nested:
            return a.nested.empty() ? std::string() : message(a.nested.front());
        case Arg::Kind::List: {
            const std::string* joiner = catalogue_.pattern(a.text);
            std::string out;
            for (std::size_t i = 0; i < a.items.size(); ++i) {
                if (i > 0 && joiner)
                    out += *joiner;
                out += arg(a.items[i]);
            }
            return out;
        }
        }
        return {};
    }

private:
    const Catalogue& catalogue_;
    const NumberFormat& numbers_;
};

Catalogue makeEnglish() {
    Catalogue c;
    c.language = "en";
    for (const Code& code : registry())
        c.messages.emplace(std::string(code.id), std::string(code.english));
    return c;
}

} // namespace

const std::string* Catalogue::pattern(std::string_view code) const {
    if (const auto it = messages.find(code); it != messages.end())
        return &it->second;
    if (this == &text::english())
        return nullptr;
    return text::english().pattern(code);
}

std::string Catalogue::term(std::string_view key) const {
    const auto it = terms.find(key);
    return it == terms.end() ? std::string(key) : it->second;
}

const Catalogue& english() {
    static const Catalogue catalogue = makeEnglish();
    return catalogue;
}

CatalogueResult parseCatalogue(std::string_view input) {
    using Json = nlohmann::json;
    CatalogueResult result;
    const Json doc = Json::parse(input, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        result.errors.push_back("not a JSON object");
        return result;
    }
    Catalogue c;
    if (!doc.contains("language") || !doc["language"].is_string() ||
        doc["language"].get<std::string>().empty()) {
        result.errors.push_back("missing \"language\"");
        return result;
    }
    c.language = doc["language"].get<std::string>();
    if (doc.contains("messages") && doc["messages"].is_object())
        for (const auto& [id, value] : doc["messages"].items()) {
            const Code* code = findCode(id);
            if (!code) {
                result.errors.push_back(fmt::format("messages.{}: not a code of core's", id));
                continue;
            }
            if (!value.is_string()) {
                result.errors.push_back(fmt::format("messages.{}: not a string", id));
                continue;
            }
            const std::string pattern = value.get<std::string>();
            const std::vector<std::string> known = placeholders(code->english);
            std::vector<std::string> unknown;
            for (const std::string& name : placeholders(pattern))
                if (std::find(known.begin(), known.end(), name) == known.end())
                    unknown.push_back("{" + name + "}");
            if (!unknown.empty()) {
                result.errors.push_back(fmt::format(
                    "messages.{}: {} is not an argument of the code (it has {})", id,
                    fmt::join(unknown, ", "),
                    known.empty() ? std::string("none") : fmt::format("{}", fmt::join(known, ", "))));
                continue;
            }
            c.messages.emplace(id, pattern);
        }
    else
        result.errors.push_back("missing \"messages\" (an object: code → template)");
    if (doc.contains("terms") && doc["terms"].is_object())
        for (const auto& [key, value] : doc["terms"].items()) {
            if (value.is_string())
                c.terms.emplace(key, value.get<std::string>());
            else
                result.errors.push_back(fmt::format("terms.{}: not a string", key));
        }
    result.catalogue = std::move(c);
    return result;
}

std::string render(const Message& message, const Catalogue& catalogue, const NumberFormat& numbers) {
    return Renderer(catalogue, numbers).message(message);
}

std::string english(const Message& message) {
    return render(message, english());
}

} // namespace shuiheng::text
