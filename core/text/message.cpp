#include "text/message.h"

#include "text/message_codes.h"

#include <algorithm>
#include <array>

namespace shuiheng::text {
namespace {

constexpr std::array allCodes{
#define SHUIHENG_LIST_CODE(name, id, english) code::name,
    SHUIHENG_MESSAGE_CODES(SHUIHENG_LIST_CODE)
#undef SHUIHENG_LIST_CODE
};

} // namespace

Message::Message(const Code& c, std::vector<Arg> arguments)
    : code(c.id)
    , args(std::move(arguments)) {}

const Arg* Message::arg(std::string_view name) const {
    const auto it = std::find_if(args.begin(), args.end(), [&](const Arg& a) { return a.name == name; });
    return it == args.end() ? nullptr : &*it;
}

Arg verbatim(std::string name, std::string value) {
    Arg a;
    a.name = std::move(name);
    a.text = std::move(value);
    return a;
}

Arg number(std::string name, double value, std::string format) {
    Arg a;
    a.name = std::move(name);
    a.kind = Arg::Kind::Number;
    a.number = value;
    a.format = std::move(format);
    return a;
}

Arg term(std::string name, std::string key) {
    Arg a;
    a.name = std::move(name);
    a.kind = Arg::Kind::Term;
    a.text = std::move(key);
    return a;
}

Arg nested(std::string name, Message message) {
    Arg a;
    a.name = std::move(name);
    a.kind = Arg::Kind::Nested;
    a.nested.push_back(std::move(message));
    return a;
}

Arg list(std::string name, std::vector<Arg> items, const Code& joiner) {
    Arg a;
    a.name = std::move(name);
    a.kind = Arg::Kind::List;
    a.text = std::string(joiner.id);
    a.items = std::move(items);
    return a;
}

Arg idList(std::string name, const std::vector<std::string>& ids) {
    std::vector<Arg> items;
    for (const std::string& id : ids)
        items.push_back(verbatim({}, id));
    return list(std::move(name), std::move(items), code::joinComma);
}

Message verbatimMessage(std::string text) {
    return Message(code::verbatim, {verbatim("text", std::move(text))});
}

Message joined(std::vector<Message> items) {
    std::vector<Arg> args;
    for (Message& m : items)
        args.push_back(nested({}, std::move(m)));
    return Message(code::items, {list("items", std::move(args), code::joinSemicolon)});
}

Message orVerbatim(const Message& message, const std::string& english) {
    return message.empty() ? verbatimMessage(english) : message;
}

std::span<const Code> registry() {
    return allCodes;
}

const Code* findCode(std::string_view id) {
    const auto it = std::find_if(allCodes.begin(), allCodes.end(), [&](const Code& c) { return c.id == id; });
    return it == allCodes.end() ? nullptr : &*it;
}

std::vector<std::string> placeholders(std::string_view pattern) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while ((at = pattern.find('{', at)) != std::string_view::npos) {
        const std::size_t end = pattern.find('}', at);
        if (end == std::string_view::npos)
            break;
        names.emplace_back(pattern.substr(at + 1, end - at - 1));
        at = end + 1;
    }
    return names;
}

} // namespace shuiheng::text
