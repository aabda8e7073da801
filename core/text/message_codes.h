#pragma once
// The registry of core's message codes (docs/messages.md): every sentence core says about
// indicators, quota comparisons and leader rules, with its English template. This list is the one
// place a code is declared: the constants below (text::code::noIndicator, ...) and registry() are
// both made from it, so a test can check every catalogue against every code and nothing can be
// forgotten. A placeholder "{name}" names an argument the code's messages carry.

#include "text/message.h"

#include <span>

// clang-format off
#define SHUIHENG_MESSAGE_CODES(X)                                                                                  \
    /* composition */                                                                                          \
    X(verbatim, "text", "{text}")                                                                               \
    X(items, "list", "{items}")                                                                                 \
    X(joinComma, "join.comma", ", ")                                                                            \
    X(joinSemicolon, "join.semicolon", "; ")                                                                    \
    X(valueWithUnit, "value.withUnit", "{value} {unit}")                                                        \
    X(yes, "value.yes", "yes")                                                                                  \
    X(no, "value.no", "no")                                                                                     \
    /* indicators: why a value is absent */                                                                    \
    X(unobservable, "indicator.unobservable", "needs the unobservable stream(s) {streams}")                    \
    X(unobservableMeasure, "indicator.unobservableMeasure",                                                     \
      "needs the unobservable stream(s) {streams}; measure {measure} to determine them")                       \
    X(balanceFailed, "indicator.balanceFailed", "the balance could not be computed: {failure}")                \
    X(isZero, "indicator.isZero", "{quantity} is 0")                                                            \
    X(noUnitOfCategory, "indicator.noUnitOfCategory", "no unit of category {category}")                        \
    X(needsStaff, "indicator.needsStaff", "needs the staff count (production field \"staff\")")                \
    /* the reconciliation: why it could not be computed */                                                   \
    X(notFactorised, "balance.notFactorised", "the balance matrix could not be factorised")                   \
    X(notPositiveDefinite, "balance.notPositiveDefinite",                                                       \
      "the balance matrix is not positive definite (a balance with no uncertain flow in it?)")                 \
    X(sigmaSpread, "balance.sigmaSpread",                                                                       \
      "the uncertainties differ by too many orders of magnitude for a reliable result (estimated relative "    \
      "error {error}); give the flows known far better than the others sigma 0, or review the largest sigma")  \
    /* indicators: the quantities a rate divides by */                                                         \
    X(totalUse, "quantity.totalUse", "totalUse")                                                                \
    X(intake, "quantity.intake", "intake")                                                                      \
    X(coolingInflow, "quantity.coolingInflow", "the inflow of the cooling units")                              \
    X(theirInflow, "quantity.theirInflow", "their inflow")                                                      \
    X(theirTotalUse, "quantity.theirTotalUse", "their total use")                                               \
    X(makeUpMinusEvaporation, "quantity.makeUpMinusEvaporation", "make-up − evaporation")                       \
    X(treatedReusePlusDischarge, "quantity.treatedReusePlusDischarge", "treated reuse + discharge")             \
    X(steamFlow, "quantity.steamFlow", "the steam flow")                                                        \
    X(waterEnteringThem, "quantity.waterEnteringThem", "the water entering them")                               \
    /* indicators: notes */                                                                                    \
    X(treatmentShare, "indicator.treatmentShare",                                                               \
      "treatment unit {unit} passes on the used share {share} of its inflow")                                  \
    X(boundaryEveryUnit, "indicator.boundaryEveryUnit", "quota boundary: every unit")                           \
    X(boundaryExcludes, "indicator.boundaryExcludes", "quota boundary excludes {units}")                        \
    X(production, "indicator.production", "production {quantity} {unit} per {period}")                          \
    X(productionOf, "indicator.productionOf", "production {quantity} {unit} per {period} of {product}")         \
    X(siteIntakeEveryUnit, "indicator.siteIntakeEveryUnit", "site intake: every unit, whatever the quota boundary") \
    X(streamsMeasured, "indicator.streamsMeasured", "{measured} of {total} streams measured")                   \
    /* quota and threshold comparisons */                                                                      \
    X(levelsAdjusted, "benchmark.levelsAdjusted", "levels × {factor} ({condition})")                            \
    X(levelsAdjustedNote, "benchmark.levelsAdjustedNote", "levels × {factor} ({condition}: {note})")            \
    X(noIndicator, "benchmark.noIndicator", "the enterprise has no indicator {indicator}")                      \
    X(noIndicatorNeedsProduction, "benchmark.noIndicatorNeedsProduction",                                       \
      "the enterprise has no indicator {indicator} (it needs \"production\")")                                 \
    X(notKnown, "benchmark.notKnown", "{indicator} is not known: {reason}")                                     \
    X(rowUnitsDiffer, "benchmark.unitsDiffer",                                                                  \
      "{indicator} is in {unit}, the row in {rowUnit}: the units do not compare")                              \
    X(convertedFrom, "benchmark.convertedFrom", "converted from {value} {unit}")                                \
    X(quotaNotInLibrary, "benchmark.quotaNotInLibrary",                                                         \
      "the quota row '{quota}' named by the plant (benchmark.quota) is not in the library")                    \
    X(noIndustry, "benchmark.noIndustry",                                                                       \
      "no industry given (benchmark.industry): quota rows and water-saving-enterprise thresholds cannot be chosen") \
    X(severalRows, "benchmark.severalRows",                                                                     \
      "several rows of {table} apply to industry {industry}: {rows}; name the one that applies (benchmark.quota)") \
    X(noSingleRow, "benchmark.noSingleRow", "no single quota row applies to industry {industry}")               \
    /* leader rules: reasons */                                                                                \
    X(factNotNumber, "leader.factNotNumber", "{name} is {value} in {year}, not a number")                       \
    X(annualIntakeUnit, "leader.annualIntakeUnit", "annualIntake is in m3/a, the rule asks for {unit}")         \
    X(basisYear, "leader.basisYear", "× 8760 h")                                                                \
    X(basisOperatingHours, "leader.basisOperatingHours", "× {hours} operating hours")                           \
    X(annualIntakeFrom, "leader.annualIntakeFrom", "annualIntake {year} from the balance's intake {value} {unit} {basis}") \
    X(ruleUnitsDiffer, "leader.unitsDiffer", "{name} is in {unit}, the rule in {ruleUnit}: the units do not compare") \
    X(fact, "leader.fact", "{name} {year}: {value}")                                                            \
    X(factMustBe, "leader.factMustBe", "{name} {year}: {value} (must be {expected})")                           \
    X(valueHolds, "leader.valueHolds", "{name} {year} = {value} {op} {limit}")                                  \
    X(valueFails, "leader.valueFails", "{name} {year} = {value} is not {op} {limit}")                           \
    X(withBasis, "leader.withBasis", "{statement} ({basis})")                                                   \
    X(quotaNotCompared, "leader.quotaNotCompared", "{table}/{row}: {reason}")                                   \
    X(quotaCompared, "leader.quotaCompared",                                                                    \
      "{table}/{row}: {value} ± {sigma} {unit} against {level} {limit} (P = {probability})")                  \
    X(quotaYear, "leader.quotaYear", "{year} {comparisons}")                                                    \
    X(thresholdMeets, "leader.thresholdMeets", "{indicator} {value} meets {limit}")                             \
    X(thresholdMisses, "leader.thresholdMisses", "{indicator} {value} misses {limit}")                          \
    X(thresholdsYear, "leader.thresholdsYear", "{year}: {comparisons}")                                         \
    /* leader rules: what is missing to decide */                                                              \
    X(missingAnnualIntake, "leader.missingAnnualIntake", "fact annualIntake or the intake indicator ({year})")  \
    X(missingValue, "leader.missingValue", "{name} ({year})")                                                   \
    X(missingValueBecause, "leader.missingValueBecause", "{name} ({year}): {reason}")                           \
    X(missingYears, "leader.missingYears", "the indicators of at least one year")                               \
    X(missingFact, "leader.missingFact", "fact {name} ({year})")                                                \
    X(missingIndicatorsOf, "leader.missingIndicatorsOf", "the indicators of {year}")                            \
    X(missingQuotaLevel, "leader.missingQuotaLevel",                                                            \
      "a quota row with a level '{level}' for {year} (benchmark.industry and benchmark.quota)")                \
    X(missingThresholds, "leader.missingThresholds", "water-saving-enterprise thresholds for industry '{industry}'") \
    X(missingThresholdValues, "leader.missingThresholdValues", "{indicators} ({year})")
// clang-format on

namespace shuiheng::text {

namespace code {
#define SHUIHENG_DECLARE_CODE(name, id, english) inline constexpr Code name{id, english};
SHUIHENG_MESSAGE_CODES(SHUIHENG_DECLARE_CODE)
#undef SHUIHENG_DECLARE_CODE
} // namespace code

/// Every code, in the order above.
std::span<const Code> registry();

/// The registered code with that id, or nullptr.
const Code* findCode(std::string_view id);

/// The placeholder names of a template, in order ("{a} and {b}" → a, b).
std::vector<std::string> placeholders(std::string_view pattern);

} // namespace shuiheng::text
