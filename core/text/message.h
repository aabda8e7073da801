#pragma once
// A sentence of core's as data (docs/messages.md): a code from the registry (message_codes.h) and
// named arguments, so that the app and the report can say it in the user's language through a
// catalogue (catalogue.h) while core's English rendering stays the one the CLI and the JSON
// documents print. An argument is verbatim text (an id, a unit, a bureau's own words), a number
// with its format, a term (a name a catalogue may translate: an indicator key, a fact, a
// category), another message, or a list of arguments joined by a joiner that is itself a code.

#include <string>
#include <string_view>
#include <vector>

namespace shuiheng::text {

/// A registered message: its stable id and its English template ("{name}" placeholders).
struct Code {
    std::string_view id;
    std::string_view english;
};

struct Message;

struct Arg {
    enum class Kind { Verbatim, Number, Term, Nested, List };
    std::string name;
    Kind kind = Kind::Verbatim;
    std::string text;            ///< Verbatim: the text; Term: the key; List: the joiner's code
    double number = 0;           ///< Number: the value
    std::string format;          ///< Number: a fmt format spec without braces (".4g")
    std::vector<Message> nested; ///< Nested: exactly one message
    std::vector<Arg> items;      ///< List: the items (their names are unused)
};

struct Message {
    std::string code; ///< empty: no message
    std::vector<Arg> args;

    Message() = default;
    Message(const Code& c, std::vector<Arg> arguments = {});

    bool empty() const { return code.empty(); }
    /// The argument of that name, or nullptr.
    const Arg* arg(std::string_view name) const;
};

Arg verbatim(std::string name, std::string value);
Arg number(std::string name, double value, std::string format = "g");
Arg term(std::string name, std::string key);
Arg nested(std::string name, Message message);
/// Items joined by `joiner` (code::joinComma or code::joinSemicolon).
Arg list(std::string name, std::vector<Arg> items, const Code& joiner);
/// Identifiers (stream or unit ids) joined by commas.
Arg idList(std::string name, const std::vector<std::string>& ids);

/// Text that has no code (a string read from a file): said as it is in every language.
Message verbatimMessage(std::string text);
/// Messages joined by "; " (in English), as one message.
Message joined(std::vector<Message> items);

/// `message`, or the verbatim text when the message is empty (a field read without its code).
Message orVerbatim(const Message& message, const std::string& english);

} // namespace shuiheng::text
