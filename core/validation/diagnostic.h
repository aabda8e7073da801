#pragma once
// A problem found in a plant or a plant file, named precisely enough to find and fix it.

#include <string>
#include <vector>

namespace shuiheng {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string location; ///< where in the file: "streams[3]", "nodes[0].parent", "line 4, column 7"
    std::string subject;  ///< the id of the node, stream, meter... concerned; may be empty
    std::string field;    ///< the offending field, e.g. "measurement.sigma"; may be empty
    std::string message;  ///< what is wrong, in plain words

    /// "error: stream S4 (streams[3]) field 'measurement.sigma': must not be negative, got -0.1"
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);
std::string_view toString(Severity severity);

} // namespace shuiheng
