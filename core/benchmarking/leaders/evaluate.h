#pragma once
// A rule set applied to an enterprise (docs/benchmarking.md, "Rule sets"): every rule answers
// pass, fail, or unknown — and then names the inputs that are missing — with its reason in words.
// Three-valued logic: `all` fails when one child fails, is unknown when none fails but one is
// unknown; `any` dually; `not` swaps pass and fail.

#include "benchmarking/grades/benchmark.h"
#include "benchmarking/leaders/enterprise.h"
#include "benchmarking/leaders/rule_set.h"
#include "text/message.h"

#include <string>
#include <vector>

namespace shuiheng::benchmarking {

enum class Verdict { Pass, Fail, Unknown };

struct RuleResult {
    std::string id;
    std::string title;
    Verdict verdict = Verdict::Unknown;
    std::string reason;               ///< why, with the values compared
    std::vector<std::string> missing; ///< inputs that would decide it: "fact abstractionPermit (2024)"
    text::Message reasonMessage;      ///< `reason` as a message (docs/messages.md)
    std::vector<text::Message> missingMessages; ///< `missing` as messages, one for one
};

struct RuleSetResult {
    std::string ruleSet;
    std::string title;
    Verdict verdict = Verdict::Unknown; ///< all rules pass / one fails / otherwise unknown
    std::vector<RuleResult> rules;
};

/// Evaluates the rule set for the enterprise's most recent year (rules with "years": N look at the
/// N most recent calendar years). Quota and water-saving conditions use `library`.
RuleSetResult evaluate(const RuleSet& rules, const Enterprise& enterprise, const QuotaLibrary& library);

std::string_view toString(Verdict verdict);

} // namespace shuiheng::benchmarking
