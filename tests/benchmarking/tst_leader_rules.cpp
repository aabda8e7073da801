// Leader criteria as rule sets, evaluated on hand-made enterprises: the 2020 national set and its
// provincial variants (extends: replaced, added rules), each rule pass / fail / unknown with the
// missing inputs named, three years of facts, the quota's advanced value, three-valued logic.

#include "benchmarking/leaders/evaluate.h"

#include <QtTest>
#include <algorithm>

using namespace shuiheng;
using namespace shuiheng::benchmarking;

namespace {

const QuotaLibrary quotas = loadQuotaLibrary(SHUIHENG_DATA_DIR "/quotas", "/nonexistent");
const RuleSetLibrary rules = loadRuleSets(SHUIHENG_DATA_DIR "/rules");

const std::string goodFacts = R"("facts": {"abstractionPermit": true, "overPlanAbstraction": false,
    "majorAccident": false, "independentLegalEntity": true, "industryLeading": true, "bannedEquipment": false,
    "threeSimultaneous": true, "meteringCompliant": true})";

/// A steel works with three years of inline indicators; `intake` in m³/h, `upi` m³/t.
std::string steelWorks(const std::string& facts, double intake, double upi, double reuse,
                       const std::string& yearFacts2022 = "{}", int years = 3) {
    std::string text = R"({"format": "shuiheng-enterprise", "version": 1, "name": "某钢铁公司",
        "creditCode": "91630000TEST", "industry": "steel", "quota": "gbt-18916.2/integrated-with-coking-cold-rolling",
        )" + facts + R"(, "years": [)";
    for (int k = 0; k < years; ++k) {
        const int year = 2024 - k;
        text += (k ? "," : "") + std::string(R"({"year": )") + std::to_string(year) +
                R"(, "flowUnit": "m3/h", )" +
                (year == 2022 ? R"("facts": )" + yearFacts2022 + ", " : std::string()) + R"("indicators": [
            {"key": "intake", "value": )" +
                std::to_string(intake) + R"(, "sigma": 2, "unit": "m3/h"},
            {"key": "quotaUnitProductIntake", "value": )" +
                std::to_string(upi) + R"(, "sigma": 0.05, "unit": "m3/t"},
            {"key": "reuseRate", "value": )" +
                std::to_string(reuse) + R"(, "sigma": 0.001, "unit": "1"},
            {"key": "directCoolingCirculationRate", "value": 0.97, "sigma": 0.003, "unit": "1"},
            {"key": "wastewaterReuseRate", "value": 0.8, "sigma": 0.01, "unit": "1"},
            {"key": "leakageRate", "value": 0.03, "sigma": 0.01, "unit": "1"}]})";
    }
    return text + "]}";
}

Enterprise enterprise(const std::string& json) {
    const EnterpriseResult r = parseEnterprise(json, ".");
    if (!r.enterprise)
        qFatal("enterprise: %s", r.errors.empty() ? "?" : r.errors.front().c_str());
    return *r.enterprise;
}

const RuleResult& rule(const RuleSetResult& r, const std::string& id) {
    for (const RuleResult& x : r.rules)
        if (x.id == id)
            return x;
    qFatal("no rule %s", id.c_str());
}

RuleSetResult evaluateSet(const std::string& set, const std::string& json) {
    const RuleSet* s = rules.find(set);
    if (!s)
        qFatal("no rule set %s", set.c_str());
    return evaluate(*s, enterprise(json), quotas);
}

} // namespace

class TestLeaderRules : public QObject {
    Q_OBJECT

private slots:
    void shippedRuleSetsLoad() {
        QVERIFY2(rules.errors.empty(), rules.errors.empty() ? "" : rules.errors.front().c_str());
        for (const char* id : {"leader-2020-national", "leader-provincial-advanced-quota",
                               "leader-provincial-100k", "leader-provincial-certified"}) {
            const RuleSet* s = rules.find(id);
            QVERIFY2(s, id);
            QVERIFY(!s->source.empty() && !s->verification.empty());
        }
        const RuleSet* national = rules.find("leader-2020-national");
        const RuleSet* variant = rules.find("leader-provincial-advanced-quota");
        QCOMPARE(variant->rules.size(), national->rules.size() + 1); // annual-intake replaced, quota added
        const auto intake = std::find_if(variant->rules.begin(), variant->rules.end(),
                                         [](const Rule& r) { return r.id == "annual-intake"; });
        QCOMPARE(intake->test.number, 30000.0);
        QCOMPARE(intake->test.op, std::string(">="));
    }

    void exemplaryEnterprisePasses() {
        const RuleSetResult r = evaluateSet("leader-2020-national", steelWorks(goodFacts, 250, 2.9, 0.98));
        for (const RuleResult& x : r.rules)
            QVERIFY2(x.verdict == Verdict::Pass, (x.id + ": " + x.reason).c_str());
        QVERIFY(r.verdict == Verdict::Pass);
        // 250 m³/h × 8760 h = 2.19 million m³/a, said in the reason.
        QVERIFY(rule(r, "annual-intake").reason.find("2.19e+06") != std::string::npos);
    }

    void overPlanTwoYearsAgoFails() {
        const RuleSetResult r =
            evaluateSet("leader-2020-national",
                        steelWorks(goodFacts, 250, 2.9, 0.98, R"({"overPlanAbstraction": true})"));
        const RuleResult& x = rule(r, "no-over-plan-abstraction");
        QVERIFY(x.verdict == Verdict::Fail);
        QVERIFY2(x.reason.find("overPlanAbstraction 2022: yes (must be no)") != std::string::npos,
                 x.reason.c_str());
        QVERIFY(r.verdict == Verdict::Fail);
    }

    void missingInputsAreNamed() {
        // Two years only, no facts at all.
        const RuleSetResult r =
            evaluateSet("leader-2020-national", steelWorks(R"("facts": {})", 250, 2.9, 0.98, "{}", 2));
        const RuleResult& x = rule(r, "no-over-plan-abstraction");
        QVERIFY(x.verdict == Verdict::Unknown);
        QVERIFY(std::find(x.missing.begin(), x.missing.end(), "fact overPlanAbstraction (2022)") !=
                x.missing.end());
        QVERIFY(std::find(x.missing.begin(), x.missing.end(), "fact overPlanAbstraction (2024)") !=
                x.missing.end());
        QCOMPARE(rule(r, "abstraction-permit").missing,
                 std::vector<std::string>{"fact abstractionPermit (2024)"});
        QVERIFY(rule(r, "annual-intake").verdict == Verdict::Pass); // the balance decides this one
        QVERIFY(r.verdict == Verdict::Unknown);
    }

    void smallIntakeAndMissedThresholds() {
        // 15 m³/h = 131,400 m³/a: below the national 150,000, above the provincial 100,000.
        const std::string small = steelWorks(goodFacts, 15, 2.9, 0.96);
        const RuleSetResult national = evaluateSet("leader-2020-national", small);
        QVERIFY(rule(national, "annual-intake").verdict == Verdict::Fail);
        // reuse 96 % < 97 %
        QVERIFY(rule(national, "water-saving-enterprise-standard").verdict == Verdict::Fail);
        QVERIFY(rule(national, "water-saving-enterprise-standard").reason.find("reuseRate 96 misses 97") !=
                std::string::npos);
        const RuleSetResult province = evaluateSet("leader-provincial-100k", small);
        QVERIFY(rule(province, "annual-intake").verdict == Verdict::Pass);
    }

    void provincialAdvancedQuota() {
        const RuleSetResult pass =
            evaluateSet("leader-provincial-advanced-quota", steelWorks(goodFacts, 250, 3.0, 0.98));
        QVERIFY(rule(pass, "quota-advanced").verdict == Verdict::Pass);
        QVERIFY(rule(pass, "quota-advanced").reason.find("先进值 3.1") != std::string::npos);
        QVERIFY(pass.verdict == Verdict::Pass);
        const RuleSetResult fail =
            evaluateSet("leader-provincial-advanced-quota", steelWorks(goodFacts, 250, 3.5, 0.98));
        QVERIFY(rule(fail, "quota-advanced").verdict == Verdict::Fail);
        // No industry quota: unknown, with what is missing.
        std::string noQuota = steelWorks(goodFacts, 250, 3.0, 0.98);
        noQuota.replace(noQuota.find(R"("industry": "steel")"), 19, R"("industry": "glass")");
        noQuota.replace(noQuota.find("gbt-18916.2/"), 12, "none/");
        const RuleSetResult unknown = evaluateSet("leader-provincial-advanced-quota", noQuota);
        QVERIFY(rule(unknown, "quota-advanced").verdict == Verdict::Unknown);
        QVERIFY(!rule(unknown, "quota-advanced").missing.empty());
    }

    void certifiedVariant() {
        const std::string facts =
            goodFacts.substr(0, goodFacts.size() - 1) + R"(, "certifiedWaterSavingEnterprise": false})";
        const RuleSetResult r = evaluateSet("leader-provincial-certified", steelWorks(facts, 250, 2.9, 0.98));
        QVERIFY(rule(r, "certified-water-saving-enterprise").verdict == Verdict::Fail);
        QVERIFY(r.verdict == Verdict::Fail);
    }

    void threeValuedLogic() {
        std::vector<std::string> errors;
        const auto set =
            parseRuleSet(R"({"format": "shuiheng-rule-set", "version": 1, "id": "logic", "source": "test",
            "rules": [
              {"id": "any", "test": {"any": [{"fact": "a", "equals": true}, {"fact": "missing", "equals": true}]}},
              {"id": "all", "test": {"all": [{"fact": "a", "equals": true}, {"fact": "missing", "equals": true}]}},
              {"id": "allFails", "test": {"all": [{"fact": "b", "equals": true}, {"fact": "missing", "equals": true}]}},
              {"id": "not", "test": {"not": {"fact": "b", "equals": true}}},
              {"id": "reuse", "test": {"value": "reuseRate", ">=": 97, "unit": "%"}}]})",
                         errors);
        QVERIFY(set);
        Enterprise e = enterprise(steelWorks(R"("facts": {"a": true, "b": false})", 250, 2.9, 0.975));
        const RuleSetResult r = evaluate(*set, e, quotas);
        QVERIFY(rule(r, "any").verdict == Verdict::Pass);
        QVERIFY(rule(r, "all").verdict == Verdict::Unknown);
        QCOMPARE(rule(r, "all").missing, std::vector<std::string>{"fact missing (2024)"});
        QVERIFY(rule(r, "allFails").verdict == Verdict::Fail);
        QVERIFY(rule(r, "not").verdict == Verdict::Pass);
        QVERIFY(rule(r, "reuse").verdict == Verdict::Pass); // 0.975 → 97.5 %
    }

    void badRuleSetsAndEnterprisesAreNamed() {
        std::vector<std::string> errors;
        QVERIFY(!parseRuleSet(R"({"format": "shuiheng-rule-set", "version": 1, "id": "x", "source": "s",
            "rules": [{"id": "r1", "test": {"guess": 1}}]})",
                              errors));
        QVERIFY(!errors.empty() && errors.front().find("rule 1 (r1)") != std::string::npos);
        const EnterpriseResult e = parseEnterprise(R"({"format": "shuiheng-enterprise", "version": 1,
            "years": [{"year": 2024, "indicators": []}, {"year": 2024, "indicators": []}]})",
                                                   ".");
        QVERIFY(!e.enterprise);
        QVERIFY(e.errors.front().find("years[1] (2024): the year appears twice") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLeaderRules)
#include "tst_leader_rules.moc"
