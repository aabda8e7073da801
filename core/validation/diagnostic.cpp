#include "validation/diagnostic.h"

#include <algorithm>

namespace shuiheng {

std::string_view toString(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "?";
}

std::string Diagnostic::toString() const {
    std::string text{shuiheng::toString(severity)};
    text += ": ";
    if (!subject.empty()) {
        text += subject;
        if (!location.empty())
            text += " (" + location + ")";
    } else {
        text += location;
    }
    if (!field.empty())
        text += " field '" + field + "'";
    if (!subject.empty() || !location.empty() || !field.empty())
        text += ": ";
    text += message;
    return text;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace shuiheng
