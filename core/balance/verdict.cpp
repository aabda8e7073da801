#include "balance/verdict.h"

#include <cmath>
#include <fmt/format.h>

namespace shuiheng::balance {

std::vector<std::string> verdictSentences(const Plant& plant, const PlantBalance& balance) {
    const auto& r = balance.reconciliation;
    std::vector<std::string> out;
    if (!r.failure.empty()) {
        out.push_back("The balance could not be computed: " + r.failure + ".");
        return out;
    }
    const auto& g = r.global;
    if (g.dof == 0) {
        out.push_back(
            "Nothing can be checked: no measurement is redundant, so the balance is taken as measured.");
        return out;
    }
    if (g.passed) {
        out.push_back(
            fmt::format("The balance closes within the meters' accuracy (chi-square {:.3g} <= {:.3g} with {} "
                        "degrees of freedom at alpha {}).",
                        g.statistic, g.critical, g.dof, g.alpha));
        return out;
    }
    out.push_back(
        fmt::format("The balance does not close within the meters' accuracy (chi-square {:.3g} > {:.3g} "
                    "with {} degrees of freedom at alpha {}).",
                    g.statistic, g.critical, g.dof, g.alpha));
    bool first = true;
    for (const GrossError& e : balance.grossErrors.found) {
        const char* lead = first ? "Most likely" : "Then";
        first = false;
        if (e.kind == GrossError::Kind::MeterBias) {
            const Stream& s = plant.streams[e.edge];
            const double read = s.measurement ? s.measurement->value : 0;
            const double truth = read - e.estimate;
            const std::string share =
                truth > 0 ? fmt::format(" (about {:.0f} %)", 100 * std::abs(e.estimate) / truth)
                          : std::string();
            std::string alternatives;
            for (std::size_t k : e.equivalentEdges)
                alternatives += (alternatives.empty() ? "" : ", ") + plant.streams[k].id;
            if (!alternatives.empty())
                alternatives = " - or, equally, the meter on " + alternatives +
                               ": the balances cannot tell these apart, check them on site";
            out.push_back(fmt::format("{}: the meter on stream {} ({} -> {}) reads {:.3g} {} too {}{}{}.",
                                      lead, s.id, s.from, s.to, std::abs(e.estimate), plant.flowUnit,
                                      e.estimate > 0 ? "high" : "low", share, alternatives));
        } else {
            std::string where;
            for (int n : e.nodes)
                where += (where.empty() ? "" : ", ") + plant.nodes[static_cast<std::size_t>(n)].id;
            out.push_back(
                fmt::format("{}: about {:.3g} {} of water is lost unmetered at {} (a leak or an unknown "
                            "outlet).",
                            lead, e.estimate, plant.flowUnit, where));
        }
    }
    if (!balance.grossErrors.passed)
        out.push_back(
            balance.grossErrors.found.empty()
                ? "No single meter or leak explains the imbalance; check the readings and the plant model."
                : "Even so the balance does not close; check the readings and the plant model.");
    return out;
}

} // namespace shuiheng::balance
