// Core's messages (docs/messages.md): the registry against every catalogue in data/messages
// (every code present, no placeholder its code does not carry), every message core actually says
// for the sample plants and enterprises (registered code, arguments = the code's placeholders, the
// English field beside it = its English rendering), and the Chinese rendering of all of them free
// of English sentences.

#include "balance/reconciliation.h"
#include "benchmarking/grades/benchmark.h"
#include "benchmarking/leaders/evaluate.h"
#include "indicators/plant_indicators.h"
#include "io/plant_file.h"
#include "text/catalogue.h"
#include "text/message_codes.h"

#include <QtTest>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

using namespace shuiheng;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> catalogueFiles() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(SHUIHENG_DATA_DIR) / "messages"))
        if (e.path().extension() == ".json")
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

text::Catalogue catalogue(const std::string& lang) {
    const text::CatalogueResult r =
        text::parseCatalogue(readFile(fs::path(SHUIHENG_DATA_DIR) / "messages" / (lang + ".json")));
    if (!r.catalogue)
        qFatal("no catalogue %s", lang.c_str());
    return *r.catalogue;
}

/// A message and the English core put beside it.
struct Said {
    text::Message message;
    std::string english;
    std::string where;
};

class Collector {
public:
    std::vector<Said> said;

    void add(const text::Message& m, const std::string& english, const std::string& where) {
        said.push_back({m, english, where});
    }
    void indicators(const indicators::IndicatorReport& r, const std::string& where) {
        if (!r.failure.empty())
            add(r.failureMessage, r.failure, where + " failure");
        for (const indicators::Indicator& i : r.indicators) {
            const std::string at = where + " " + i.scope + "/" + i.key;
            if (!i.reason.empty() || !i.reasonMessage.empty())
                add(i.reasonMessage, i.reason, at + " reason");
            QCOMPARE(i.noteMessages.size(), i.notes.size());
            for (std::size_t k = 0; k < i.notes.size(); ++k)
                add(i.noteMessages[k], i.notes[k], at + " note");
        }
    }
    void comparison(const benchmarking::Comparison& c, const std::string& where) {
        const std::string at = where + " " + c.table + "/" + c.row;
        if (!c.reason.empty() || !c.reasonMessage.empty())
            add(c.reasonMessage, c.reason, at + " reason");
        QCOMPARE(c.noteMessages.size(), c.notes.size());
        for (std::size_t k = 0; k < c.notes.size(); ++k)
            add(c.noteMessages[k], c.notes[k], at + " note");
    }
    void benchmark(const benchmarking::BenchmarkReport& b, const std::string& where) {
        for (const auto& c : b.quotas)
            comparison(c, where);
        for (const auto& c : b.thresholds)
            comparison(c, where);
        QCOMPARE(b.noteMessages.size(), b.notes.size());
        for (std::size_t k = 0; k < b.notes.size(); ++k)
            add(b.noteMessages[k], b.notes[k], where + " note");
    }
    void rules(const benchmarking::RuleSetResult& r, const std::string& where) {
        for (const auto& rule : r.rules) {
            add(rule.reasonMessage, rule.reason, where + " " + rule.id + " reason");
            QCOMPARE(rule.missingMessages.size(), rule.missing.size());
            for (std::size_t k = 0; k < rule.missing.size(); ++k)
                add(rule.missingMessages[k], rule.missing[k], where + " " + rule.id + " missing");
        }
    }
};

/// Every message of `m`, nested ones and list items included.
void walk(const text::Message& m, const std::function<void(const text::Message&)>& visit) {
    visit(m);
    std::function<void(const text::Arg&)> arg = [&](const text::Arg& a) {
        for (const text::Message& n : a.nested)
            walk(n, visit);
        for (const text::Arg& i : a.items)
            arg(i);
    };
    for (const text::Arg& a : m.args)
        arg(a);
}

/// Two Latin words in a row, the second in lower case: an English sentence (ids such as M18,
/// GB/T 18916 or units such as m3/t do not match).
const std::regex latinSentence(R"([A-Za-z]{2,}[ ,']+[a-z]{2,})");

} // namespace

class TestMessages : public QObject {
    Q_OBJECT

    Collector all_;

private slots:
    void initTestCase();
    void registryIsUnique();
    void everyCatalogueHasEveryCode();
    void badCataloguesAreNamed();
    void renderingComposes();
    void messagesCarryTheirCodesArguments();
    void englishFieldsAreTheEnglishRendering();
    void chineseHasNoEnglishSentence();
    void numbersForPeople();
};

void TestMessages::initTestCase() {
    const auto library = benchmarking::loadQuotaLibrary(SHUIHENG_DATA_DIR "/quotas", "/nonexistent");
    const auto rules = benchmarking::loadRuleSets(SHUIHENG_DATA_DIR "/rules");
    std::set<std::string> industries{"", "potash", "nothing"};
    for (const auto& t : library.inForce)
        for (const auto& r : t.rows)
            industries.insert(r.industry);

    // The sample plants, and the sample plant with half its meters gone (unobservable streams),
    // without production and categories, with no intake, and with a product and a quota boundary.
    std::vector<std::pair<std::string, std::string>> plants;
    for (const char* file : {"sample-plant.json", "sample-campaign.json"})
        plants.push_back({file, readFile(fs::path(SHUIHENG_DATA_DIR) / "plants" / file)});
    const nlohmann::json sample = nlohmann::json::parse(plants.front().second);
    nlohmann::json halfMetered = sample, bare = sample, dry = sample, product = sample;
    for (std::size_t k = 0; k < halfMetered["streams"].size(); k += 2)
        halfMetered["streams"][k].erase("measurement");
    bare.erase("production");
    for (auto& n : bare["nodes"])
        n.erase("category");
    for (auto& st : dry["streams"])
        if (st.contains("measurement"))
            st["measurement"]["value"] = 0.0;
    product["production"]["product"] = "氯化钾";
    product["nodes"][0]["quotaBoundary"] = false;
    for (const auto& [name, doc] : {std::pair{"half metered", halfMetered}, std::pair{"bare", bare},
                                    std::pair{"dry", dry}, std::pair{"product", product}})
        plants.push_back({name, doc.dump()});
    for (const auto& [file, json] : plants) {
        PlantFileResult parsed = parsePlantJson(json);
        QVERIFY(parsed.plant);
        indicators::IndicatorReport report = indicators::computeIndicators(*parsed.plant, {});
        all_.indicators(report, file);
        for (const std::string& industry : industries) {
            report.benchmark.industry = industry;
            report.benchmark.conditions = {"reclaimed-water"};
            all_.benchmark(benchmarking::benchmark(report, library), file + " " + industry);
        }
        report.benchmark.quota = "no-such/row";
        all_.benchmark(benchmarking::benchmark(report, library), file + " bad quota");
    }

    // The example enterprise, then the same in every industry, with facts that are missing, wrong
    // or of the wrong type, and with operating hours.
    const fs::path example =
        fs::path(SHUIHENG_SOURCE_DIR) / "tests/benchmarking/data/enterprise-example.json";
    nlohmann::json doc = nlohmann::json::parse(readFile(example));
    std::vector<nlohmann::json> variants{doc};
    for (const std::string& industry : industries) {
        nlohmann::json v = doc;
        v["industry"] = industry;
        v["facts"]["abstractionPermit"] = false;
        v["facts"].erase("majorAccident");
        v["years"][1]["facts"]["annualIntake"] = "a lot";
        v["years"][0]["facts"]["operatingHours"] = 7200;
        variants.push_back(v);
    }
    // Indicators in other units, or without a value, and no yearly intake to be had.
    for (const std::string unit : {"m3/kt", "m3/h", "1"}) {
        nlohmann::json v = doc;
        v["industry"] = "steel";
        v["quota"] = "gbt-18916.2/integrated-with-coking-cold-rolling";
        v["years"][1]["facts"].erase("annualIntake");
        for (auto& i : v["years"][1]["indicators"]) {
            if (i["key"] == "quotaUnitProductIntake")
                i["unit"] = unit;
            if (i["key"] == "intake" && unit == "1") {
                i.erase("value");
                i["reason"] = "needs the unobservable stream(s) S3";
            }
        }
        v["years"][0] = v["years"][1]; // the rules look at the latest year
        v["years"][0]["year"] = 2025;
        if (unit == "m3/h")
            v["years"][0]["facts"]["annualIntake"] = "a lot";
        variants.push_back(v);
    }
    for (std::size_t k = 0; k < variants.size(); ++k) {
        const auto e = benchmarking::parseEnterprise(variants[k].dump(), example.parent_path().string());
        QVERIFY2(e.enterprise, e.errors.empty() ? "?" : e.errors.front().c_str());
        for (const auto& set : rules.sets)
            all_.rules(benchmarking::evaluate(set, *e.enterprise, library),
                       "enterprise variant " + std::to_string(k) + " " + set.id);
    }

    // The reconciliation refusing its numbers: a balance between two meters known to 10⁻⁷ or 10⁻⁸
    // (of 100) with a meter of σ 1 between them makes its matrix near singular; and the indicators
    // of such a plant, which then have none.
    for (const double sigma : {1e-7, 1e-8}) {
        balance::FlowNetwork net;
        net.nodeCount = 2;
        net.edges = {{balance::environment, 0, 100.0, sigma},
                     {0, 1, 100.0, 1.0},
                     {1, balance::environment, 100.0, sigma}};
        const balance::ReconciliationResult r = balance::reconcile(net);
        QVERIFY2(!r.failure.empty(), qPrintable(QString::number(sigma)));
        all_.add(r.failureMessage, r.failure, fmt::format("reconciliation with sigma {}", sigma));
        nlohmann::json doc = {
            {"format", "shuiheng-plant"}, {"version", 1}, {"name", "spread"}, {"flowUnit", "m3/h"}};
        doc["nodes"] = {{{"id", "W"}, {"kind", "source"}},
                        {{"id", "U1"}, {"kind", "unit"}},
                        {{"id", "U2"}, {"kind", "unit"}},
                        {{"id", "D"}, {"kind", "discharge"}}};
        doc["streams"] = nlohmann::json::array();
        for (const auto& [id, from, to, s] :
             {std::tuple{"S1", "W", "U1", sigma}, std::tuple{"S2", "U1", "U2", 1.0},
              std::tuple{"S3", "U2", "D", sigma}})
            doc["streams"].push_back(
                {{"id", id}, {"from", from}, {"to", to}, {"measurement", {{"value", 100.0}, {"sigma", s}}}});
        const PlantFileResult parsed = parsePlantJson(doc.dump());
        QVERIFY(parsed.plant);
        const indicators::IndicatorReport report = indicators::computeIndicators(*parsed.plant, {});
        QVERIFY(!report.failure.empty());
        all_.indicators(report, fmt::format("indicators with sigma {}", sigma));
    }
    std::set<std::string> failures;
    for (const Said& s : all_.said)
        walk(s.message, [&](const text::Message& m) {
            if (m.code.rfind("balance.", 0) == 0)
                failures.insert(m.code);
        });
    QCOMPARE(failures, (std::set<std::string>{"balance.notFactorised", "balance.sigmaSpread"}));
    QVERIFY(all_.said.size() > 100);
}

void TestMessages::registryIsUnique() {
    std::set<std::string_view> ids;
    for (const text::Code& c : text::registry()) {
        QVERIFY2(ids.insert(c.id).second, std::string(c.id).c_str());
        QVERIFY(text::findCode(c.id) == &c);
    }
    QCOMPARE(text::placeholders("{a} and {b}, {a}"), (std::vector<std::string>{"a", "b", "a"}));
}

void TestMessages::everyCatalogueHasEveryCode() {
    const auto files = catalogueFiles();
    QVERIFY(!files.empty());
    for (const fs::path& path : files) {
        const text::CatalogueResult r = text::parseCatalogue(readFile(path));
        QVERIFY2(r.errors.empty(),
                 (path.filename().string() + ": " + (r.errors.empty() ? "" : r.errors.front())).c_str());
        QVERIFY(r.catalogue);
        QCOMPARE(r.catalogue->language + ".json", path.filename().string());
        for (const text::Code& c : text::registry())
            QVERIFY2(r.catalogue->messages.count(c.id),
                     (path.filename().string() + " lacks " + std::string(c.id)).c_str());
    }
}

void TestMessages::badCataloguesAreNamed() {
    QCOMPARE(text::parseCatalogue("[").errors, std::vector<std::string>{"not a JSON object"});
    const auto r = text::parseCatalogue(R"({"language": "xx", "messages": {"no.such": "a",
        "benchmark.noIndicator": "{indicator} {year}", "value.yes": "ja"}})");
    QVERIFY(r.catalogue);
    QCOMPARE(r.errors.size(), std::size_t(2));
    // Read in the order of the codes (a JSON object has none of its own).
    QCOMPARE(r.errors[0],
             std::string(
                 "messages.benchmark.noIndicator: {year} is not an argument of the code (it has indicator)"));
    QCOMPARE(r.errors[1], std::string("messages.no.such: not a code of core's"));
    QCOMPARE(r.catalogue->messages.size(), std::size_t(1));
    // A code the catalogue lacks is said in English.
    QCOMPARE(
        text::render(text::Message(text::code::noIndicator, {text::term("indicator", "x")}), *r.catalogue),
        std::string("the enterprise has no indicator x"));
}

void TestMessages::renderingComposes() {
    const text::Catalogue zh = catalogue("zh");
    const text::Message m(
        text::code::missingThresholdValues,
        {text::list("indicators", {text::term({}, "reuseRate"), text::term({}, "leakageRate")},
                    text::code::joinComma),
         text::verbatim("year", "2024")});
    QCOMPARE(text::english(m), std::string("reuseRate, leakageRate (2024)"));
    QCOMPARE(text::render(m, zh), std::string("2024 年的重复利用率、漏失率"));
    const text::Message n =
        text::joined({text::Message(text::code::convertedFrom, {text::number("value", 1234.5678, ".6g"),
                                                                text::verbatim("unit", "m3/h")}),
                      text::Message(text::code::yes)});
    QCOMPARE(text::english(n), std::string("converted from 1234.57 m3/h; yes"));
    QCOMPARE(text::render(n, zh), std::string("由 1234.57 m3/h 换算；是"));
    // The caller writes the numbers.
    QCOMPARE(text::render(n, zh, [](double v, std::string_view) { return fmt::format("{:.1f}", v); }),
             std::string("由 1234.6 m3/h 换算；是"));
}

void TestMessages::messagesCarryTheirCodesArguments() {
    std::set<std::string> seen;
    for (const Said& s : all_.said) {
        QVERIFY2(!s.message.empty(), ("no message beside '" + s.english + "' at " + s.where).c_str());
        walk(s.message, [&](const text::Message& m) {
            const text::Code* code = text::findCode(m.code);
            QVERIFY2(code, (m.code + " at " + s.where).c_str());
            const auto wanted = text::placeholders(code->english);
            std::set<std::string> names;
            for (const text::Arg& a : m.args)
                names.insert(a.name);
            QCOMPARE(names, std::set<std::string>(wanted.begin(), wanted.end()));
            seen.insert(m.code);
        });
    }
    std::vector<std::string_view> unseen;
    for (const text::Code& c : text::registry())
        if (!seen.count(std::string(c.id)))
            unseen.push_back(c.id);
    qInfo("%zu messages said, %zu of %zu codes seen; not seen: %s", all_.said.size(), seen.size(),
          text::registry().size(), fmt::format("{}", fmt::join(unseen, " ")).c_str());
}

void TestMessages::englishFieldsAreTheEnglishRendering() {
    for (const Said& s : all_.said)
        QCOMPARE(text::english(s.message), s.english);
}

void TestMessages::chineseHasNoEnglishSentence() {
    const text::Catalogue zh = catalogue("zh");
    for (const Said& s : all_.said) {
        const std::string said = text::render(s.message, zh);
        std::smatch match;
        QVERIFY2(!std::regex_search(said, match, latinSentence),
                 (s.where + ": '" + said + "' (" + match.str() + ")").c_str());
    }
}

void TestMessages::numbersForPeople() {
    using text::plainNumber;
    // What fmt writes in fixed notation stays as it is.
    QCOMPARE(plainNumber(234.6, ".4g"), std::string("234.6"));
    QCOMPARE(plainNumber(0.000123456, ".3g"), std::string("0.000123"));
    QCOMPARE(plainNumber(150000, "g"), std::string("150000"));
    // An exponent in the readable range: the same significant digits, fixed.
    QCOMPARE(plainNumber(2054740.3, ".6g"), std::string("2054740"));
    QCOMPARE(plainNumber(-2054749.9, ".6g"), std::string("-2054750"));
    QCOMPARE(plainNumber(1234567.0, "g"), std::string("1234570"));
    QCOMPARE(plainNumber(98765432.1, ".4g"), std::string("98770000"));
    // Property: the plain form reads back as the value core wrote, digit for digit.
    for (double v : {1.5e6, 2.718281828e9, 3.3333333e7, 9.99999e5, 1.00001e6, 4.2e14})
        for (const char* spec : {"g", ".4g", ".6g"}) {
            const std::string core = fmt::format(fmt::runtime(std::string("{:") + spec + "}"), v);
            QCOMPARE(std::stod(plainNumber(v, spec)), std::stod(core));
        }
    // Outside the range, and other specs: as core writes them.
    QCOMPARE(plainNumber(1.5e-7, ".3g"), std::string("1.5e-07"));
    QCOMPARE(plainNumber(2.5e20, "g"), std::string("2.5e+20"));
    QCOMPARE(plainNumber(1234.5678, ".2f"), std::string("1234.57"));
    QCOMPARE(plainNumber(2054740.3, ".3e"), std::string("2.055e+06"));
}

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
