// The quota library: every shipped row loads, has a unit, a source and a verification status, and
// the values shared/domain.md gives; imports are validated (missing unit, negative value, levels in
// an order that makes no sense — refused, naming the row), versioned, never merged; CSV imports;
// units are explicit and compared only within one dimension.

#include "benchmarking/quotas/quota_library.h"

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

using namespace shuiheng::benchmarking;
namespace fs = std::filesystem;

namespace {

const fs::path shipped = SHUIHENG_DATA_DIR "/quotas";
/// The one shipped table that is made up (for the sample project), not read in a source.
const std::string illustrativeTable = "sample-potash";

std::string table(const std::string& id, const std::string& rows) {
    return R"({"format": "shuiheng-quota-table", "version": 1, "id": ")" + id +
           R"(", "title": "test", "kind": "quota", "region": "青海", "rows": [)" + rows + "]}";
}

std::string row(const std::string& id, const std::string& unit, double general, double advanced) {
    return R"({"id": ")" + id + R"(", "industry": "steel", "product": "p", )" +
           (unit.empty() ? std::string() : R"("unit": ")" + unit + R"(", )") +
           R"("levels": [{"key": "general", "value": )" + std::to_string(general) +
           R"(}, {"key": "advanced", "value": )" + std::to_string(advanced) +
           R"(}], "source": {"document": "DB63/T test"}})";
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

bool mentions(const std::vector<std::string>& errors, const std::string& what) {
    for (const std::string& e : errors)
        if (e.find(what) != std::string::npos)
            return true;
    return false;
}

QByteArray joined(const std::vector<std::string>& errors) {
    std::string text;
    for (const std::string& e : errors)
        text += "\n  " + e;
    return QByteArray::fromStdString(text);
}

} // namespace

class TestQuotas : public QObject {
    Q_OBJECT

private slots:
    void shippedTablesLoadAndEveryRowHasASource() {
        const QuotaLibrary lib = loadQuotaLibrary(shipped, "/nonexistent");
        QVERIFY2(lib.errors.empty(), joined(lib.errors));
        QVERIFY(lib.inForce.size() >= 5);
        int rows = 0;
        for (const QuotaTable& t : lib.inForce) {
            QCOMPARE(t.version, 0);
            for (const QuotaRow& r : t.rows) {
                ++rows;
                const QByteArray name = QByteArray::fromStdString(t.id + "/" + r.id);
                QVERIFY2(!r.source.document.empty(), name);
                QVERIFY2(!r.source.via.empty() || !r.source.edition.empty(), name);
                QVERIFY2(!r.verification.empty(), name);
                QVERIFY2(!r.unit.text.empty(), name);
                QVERIFY2(!r.levels.empty(), name);
            }
        }
        QVERIFY(rows >= 17);
    }

    void shippedValuesAreThoseOfTheDomainBrief() {
        const QuotaLibrary lib = loadQuotaLibrary(shipped, "/nonexistent");
        auto levels = [&](const std::string& ref) {
            const QuotaRow* r = lib.findRow(ref);
            if (!r)
                qFatal("no row %s", ref.c_str());
            std::vector<double> v;
            for (const QuotaLevel& l : r->levels)
                v.push_back(l.value);
            return v;
        };
        QCOMPARE(levels("gbt-18916.2/integrated-with-coking-cold-rolling"), (std::vector<double>{4.8, 3.1}));
        QCOMPARE(levels("gbt-18916-cement/clinker"), (std::vector<double>{0.510, 0.225}));
        QCOMPARE(levels("gbt-18916.8/bituminous-coal"), (std::vector<double>{12.0, 8.0}));
        QCOMPARE(levels("gbt-18916.8/natural-gas"), (std::vector<double>{9.0, 5.5}));
        QCOMPARE(levels("mwr-2019-thermal-power/coal-recirculating-below-300mw"), std::vector<double>{3.20});
        QCOMPARE(levels("mwr-2019-thermal-power/coal-recirculating-1000mw"), std::vector<double>{2.00});
        QCOMPARE(levels("water-saving-enterprise/steel-reuse"), std::vector<double>{97});
        QCOMPARE(levels("water-saving-enterprise/refining-concentration"), std::vector<double>{4.0});
        QCOMPARE(lib.findRow("mwr-2019-thermal-power/coal-recirculating-600mw")->unit.text,
                 std::string("m3/(MW·h)"));
        // Every row read in a source says so; the illustrative sample table is checked below instead.
        for (const QuotaTable& t : lib.inForce)
            if (t.id != illustrativeTable)
                for (const QuotaRow& r : t.rows)
                    QCOMPARE(r.verification, std::string("secondary source, unverified"));
    }

    // No published potassium chloride quota was found (domain.md §7: no GB/T 18916 part, only a
    // provincial quota would apply), so the sample's table is made up: it must say so everywhere a
    // reader meets it — title, note, product, source, verification — and name no real standard.
    void theIllustrativeTableIsMarkedIllustrative() {
        const QuotaLibrary lib = loadQuotaLibrary(shipped, "/nonexistent");
        const QuotaTable* table = nullptr;
        for (const QuotaTable& t : lib.inForce)
            if (t.id == illustrativeTable)
                table = &t;
        QVERIFY(table);
        QCOMPARE(table->rows.size(), std::size_t(1));
        QVERIFY(table->title.find("示例") != std::string::npos);
        QVERIFY(table->title.find("非公布值") != std::string::npos);
        QVERIFY(table->note.find("示例") != std::string::npos);
        const QuotaRow& r = table->rows.front();
        QCOMPARE(r.industry, std::string("potash"));
        QCOMPARE(r.verification, std::string("illustrative sample, not a published value"));
        QVERIFY(r.product.find("示例") != std::string::npos);
        QVERIFY(r.source.document.find("示例") != std::string::npos);
        for (const char* standard : {"GB", "DB", "T/", "定额 第"})
            QVERIFY2(r.source.document.find(standard) == std::string::npos, standard);
        // The sample's 4.69 m³/t lies between the levels (data/quotas/README.md says why).
        const QuotaRow* row = lib.findRow("sample-potash/kcl-flotation");
        QVERIFY(row == &r);
        QCOMPARE(r.levels.size(), std::size_t(2));
        QVERIFY(r.levels[0].value > 4.69 && r.levels[1].value < 4.69);
    }

    void badRowsAreRefusedByName_data() {
        QTest::addColumn<QString>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing unit")
            << QString::fromStdString(row("ok", "m3/t", 4, 3) + "," + row("s1", "", 4, 3))
            << "row 2 (s1): missing unit";
        QTest::newRow("unknown unit")
            << QString::fromStdString(row("s2", "m3/tonne", 4, 3)) << "row 1 (s2): unknown unit 'm3/tonne'";
        QTest::newRow("negative") << QString::fromStdString(row("s3", "m3/t", -4, -5))
                                  << "row 1 (s3): level 'general' is negative";
        QTest::newRow("advanced worse") << QString::fromStdString(row("s4", "m3/t", 3.1, 4.8))
                                        << "row 1 (s4): level 'advanced' (4.8) is less demanding";
        QTest::newRow("rate with a volume unit")
            << R"({"id": "s5", "industry": "steel", "indicator": "reuseRate", "unit": "m3/t", "levels": [{"key": "w", "value": 97}], "source": {"document": "d"}})"
            << "row 1 (s5): unit 'm3/t' does not fit indicator reuseRate";
        QTest::newRow("higher better in wrong order")
            << R"({"id": "s6", "industry": "steel", "indicator": "reuseRate", "unit": "%", "levels": [{"key": "general", "value": 97}, {"key": "advanced", "value": 95}], "source": {"document": "d"}})"
            << "row 1 (s6): level 'advanced' (95) is less demanding";
        QTest::newRow("no source")
            << R"({"id": "s7", "industry": "steel", "unit": "m3/t", "levels": [{"key": "general", "value": 4}]})"
            << "row 1 (s7): missing source";
        QTest::newRow("duplicate id")
            << QString::fromStdString(row("s8", "m3/t", 4, 3) + "," + row("s8", "m3/t", 4, 3))
            << "row 2 (s8): the id is used by an earlier row";
    }
    void badRowsAreRefusedByName() {
        QFETCH(QString, rows);
        QFETCH(QString, expected);
        const QuotaTableResult r = parseQuotaTable(table("t", rows.toStdString()));
        QVERIFY(!r.table);
        QVERIFY2(mentions(r.errors, expected.toStdString()), joined(r.errors));
    }

    void importIsValidatedVersionedNeverMerged() {
        QTemporaryDir dir;
        const fs::path user = dir.filePath("library").toStdString();
        const fs::path file = dir.filePath("t.json").toStdString();
        auto library = [&] { return loadQuotaLibrary(shipped, user); };

        write(file, table("qh-steel", row("a", "m3/t", 4.0, 2.9) + "," + row("b", "m3/t", 5, 4)));
        ImportResult first = importQuotaTable(file, user, library(), false, "2026-01-01T00:00:00Z");
        QVERIFY2(first.table, joined(first.errors));
        QCOMPARE(first.table->version, 1);
        QVERIFY(fs::exists(user / "qh-steel" / "v1.json"));

        // The same id again: refused unless replacing.
        write(file, table("qh-steel", row("c", "m3/t", 3.5, 2.5)));
        const ImportResult again = importQuotaTable(file, user, library(), false, "2026-01-02T00:00:00Z");
        QVERIFY(!again.table);
        QVERIFY2(mentions(again.errors, "exists (version 1)"), joined(again.errors));
        const ImportResult replaced = importQuotaTable(file, user, library(), true, "2026-01-02T00:00:00Z");
        QVERIFY2(replaced.table, joined(replaced.errors));
        QCOMPARE(replaced.table->version, 2);
        QCOMPARE(replaced.replaced, std::string("version 1"));

        // In force: version 2 with exactly its own rows; version 1 kept as it was.
        const QuotaLibrary lib = library();
        QVERIFY2(lib.errors.empty(), joined(lib.errors));
        const QuotaTable* now = lib.find("qh-steel");
        QVERIFY(now && now->version == 2);
        QCOMPARE(now->rows.size(), std::size_t(1));
        QCOMPARE(now->rows[0].id, std::string("c"));
        QCOMPARE(now->rows[0].verification, std::string("as supplied by the importer"));
        const QuotaTable* old = lib.find("qh-steel", 1);
        QVERIFY(old && old->rows.size() == 2);
        QCOMPARE(old->importedAt, std::string("2026-01-01T00:00:00Z"));

        // A bureau's table with a shipped id replaces the shipped one only when asked to.
        write(file, table("gbt-18916.2", row("integrated-with-coking-cold-rolling", "m3/t", 4.5, 3.0)));
        QVERIFY(!importQuotaTable(file, user, lib, false, "t").table);
        const ImportResult over = importQuotaTable(file, user, lib, true, "t");
        QVERIFY(over.table && over.replaced == "the shipped table");
        QCOMPARE(library().findRow("gbt-18916.2/integrated-with-coking-cold-rolling")->levels[0].value, 4.5);
        QCOMPARE(library().find("gbt-18916.2", 0)->rows[0].levels[0].value, 4.8);

        // A refused import leaves nothing behind.
        write(file, table("qh-bad", row("x", "", 4, 3)));
        const ImportResult bad = importQuotaTable(file, user, library(), true, "t");
        QVERIFY(!bad.table && mentions(bad.errors, "row 1 (x): missing unit"));
        QVERIFY(!fs::exists(user / "qh-bad"));
    }

    void csvImport() {
        QuotaTable meta;
        meta.id = "qh-csv";
        meta.kind = "quota";
        meta.region = "青海";
        const std::string header = "id,industry,product,indicator,unit,better,levels,source,edition,table,"
                                   "via,verification,conditions\n";
        const auto good =
            parseQuotaTableCsv(header + "kcl,potash,\"氯化钾, 浮选\",unitProductIntake,m3/t,lower,"
                                        "general:通用值=5.0;advanced:先进值=3.5,DB63/T 1234,2024,表1,,"
                                        "checked against the gazette,\n",
                               meta);
        QVERIFY2(good.table, joined(good.errors));
        QCOMPARE(good.table->rows[0].product, std::string("氯化钾, 浮选"));
        QCOMPARE(good.table->rows[0].levels[1].name, std::string("先进值"));
        QCOMPARE(good.table->rows[0].levels[1].value, 3.5);
        const auto bad = parseQuotaTableCsv(header + "kcl,potash,p,,m3/t,,general=5;advanced=6,DB63,,,,,\n"
                                                     "nacl,salt,p,,,,general=1,DB63,,,,,\n",
                                            meta);
        QVERIFY(!bad.table);
        QVERIFY2(mentions(bad.errors, "row 1 (kcl): level 'advanced' (6)"), joined(bad.errors));
        QVERIFY2(mentions(bad.errors, "row 2 (nacl): missing unit"), joined(bad.errors));
    }

    void unitsAreExplicitAndChecked() {
        const auto t = parseQuotaUnit("m3/t"), kt = parseQuotaUnit("m3/kt"),
                   mwh = parseQuotaUnit("m3/(MW·h)"), kwh = parseQuotaUnit("m3/kWh"),
                   pct = parseQuotaUnit("%"), one = parseQuotaUnit("1"), cloth = parseQuotaUnit("m3/(100 m)"),
                   litres = parseQuotaUnit("L/t");
        QVERIFY(t && kt && mwh && kwh && pct && one && cloth && litres);
        QCOMPARE(*convert(1.0, *kt, *t), 0.001);
        QCOMPARE(*convert(2.0, *kwh, *mwh), 2000.0);
        QCOMPARE(*convert(0.97, *one, *pct), 97.0);
        QCOMPARE(*convert(1000.0, *litres, *t), 1.0);
        QVERIFY(!convert(1.0, *t, *mwh));
        QVERIFY(!convert(1.0, *t, *pct));
        QVERIFY(!convert(1.0, *cloth, *t));
        QVERIFY(!parseQuotaUnit("m3/tonne"));
        QVERIFY(!parseQuotaUnit("m³/t"));
        QVERIFY(!parseQuotaUnit(""));
    }
};

QTEST_GUILESS_MAIN(TestQuotas)
#include "tst_quotas.moc"
