// Schema versions: every earlier version is brought to the current one by the ordered migrations,
// each step in its own transaction; a failing step leaves the file at the last complete version;
// a newer file is refused and left untouched.

#include "store/database.h"
#include "store/schema.h"
#include "store_test_support.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace shuiheng;
using namespace shuiheng::test;
using store::Database;
using store::ProjectStore;

namespace {

/// The schema as SQLite holds it: one line per table and index.
QStringList schemaOf(Database& db) {
    QStringList out;
    auto q =
        db.select("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
    if (!q.ok())
        return {"error: " + QString::fromStdString(q.status().message())};
    while (q->next())
        out << q->value(0).toString() + " " + q->value(1).toString() + ": " + q->value(2).toString();
    return out;
}

int versionOf(Database& db) {
    auto v = store::readSchemaVersion(db);
    return v.ok() ? *v : -1;
}

/// Migrations up to `version` only: the list an older Shuiheng had.
std::vector<store::Migration> upTo(int version) {
    std::vector<store::Migration> list;
    for (const store::Migration& m : store::migrations())
        if (m.toVersion <= version)
            list.push_back(m);
    return list;
}

} // namespace

class TestStoreMigrations : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void theListIsOrdered() {
        const auto& list = store::migrations();
        QVERIFY(!list.empty());
        for (std::size_t i = 0; i < list.size(); ++i)
            QCOMPARE(list[i].toVersion, static_cast<int>(i) + 1);
        QCOMPARE(list.back().toVersion, store::currentSchemaVersion);
    }

    /// A file of every earlier version (built here as that version's Shuiheng built it) reaches the
    /// current schema, the same as a file created new.
    void everyEarlierVersionMigrates() {
        Database fresh;
        STORE_OK(fresh.open(dir_.filePath("fresh.db"), false, 1000));
        STORE_OK(store::createSkeleton(fresh));
        STORE_OK(store::migrate(fresh, store::migrations(), store::currentSchemaVersion));
        const QStringList expected = schemaOf(fresh);
        QVERIFY(expected.size() > 10);

        for (int from = 0; from < store::currentSchemaVersion; ++from) {
            const QString file = dir_.filePath(QString("v%1.db").arg(from));
            Database old;
            STORE_OK(old.open(file, false, 1000));
            STORE_OK(store::createSkeleton(old));
            STORE_OK(store::migrate(old, upTo(from), from));
            QCOMPARE(versionOf(old), from);
            old.close();

            Database db;
            STORE_OK(db.open(file, false, 1000));
            STORE_OK(store::migrate(db, store::migrations(), store::currentSchemaVersion));
            QCOMPARE(versionOf(db), store::currentSchemaVersion);
            QCOMPARE(schemaOf(db), expected);
            STORE_OK(db.dialect().integrityCheck(db.handle()));
        }
    }

    /// Version 3 (reading rounds): a campaign written by version 2 keeps its data and gets an empty
    /// route (the plant's order); the skip table is there and empty.
    void version2CampaignGetsAnEmptyRoute() {
        const QString file = dir_.filePath("v2-campaign.db");
        Database db;
        STORE_OK(db.open(file, false, 1000));
        STORE_OK(store::createSkeleton(db));
        STORE_OK(store::migrate(db, upTo(2), 2));
        STORE_OK(db.execute("INSERT INTO change_set VALUES ('c1', '2026-06-01T00:00:00.000Z', 480, 'tester', "
                            "'pad', 'add campaign', '', '夏季测试')"));
        STORE_OK(db.execute("INSERT INTO campaign VALUES ('k1', 1, 'c1', NULL, 0, '夏季测试', "
                            "'2026-06-01T08:00:00+08:00', '2026-06-03T08:00:00+08:00', '[\"08:00\"]', 'n')"));
        STORE_OK(store::migrate(db, store::migrations(), store::currentSchemaVersion));
        QCOMPARE(versionOf(db), store::currentSchemaVersion);
        auto q = db.select("SELECT name, round_times, note, route FROM campaign WHERE campaign_id = 'k1'");
        STORE_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), QString("夏季测试"));
        QCOMPARE(q->value(1).toString(), QString("[\"08:00\"]"));
        QCOMPARE(q->value(2).toString(), QString("n"));
        QCOMPARE(q->value(3).toString(), QString("[]"));
        auto skips = db.select("SELECT COUNT(*) FROM reading_skip");
        STORE_OK(skips);
        QVERIFY(skips->next());
        QCOMPARE(skips->value(0).toInt(), 0);
    }

    /// The framework with a list of a later Shuiheng: steps run in order and keep the data; a failing
    /// step rolls back completely and says which.
    void stepsCommitOneByOne() {
        const QString file = dir_.filePath("framework.shuiheng");
        {
            ProjectStore project;
            STORE_OK(project.create(file.toStdString(), {"", "迁移", "", "", 0}, tester()));
            STORE_OK(project.importPlant(campaignPlant(), tester()));
        }
        // Two steps past this build's schema, as a later Shuiheng would have them.
        const int next = store::currentSchemaVersion + 1;
        const int broken = next + 1;
        std::vector<store::Migration> later = store::migrations();
        later.push_back(
            {next, "meter photos", [](Database& db) {
                 return store::runStatements(
                     db, {"CREATE TABLE meter_photo (meter_id TEXT NOT NULL, sha256 TEXT NOT NULL)",
                          "INSERT INTO meter_photo (meter_id, sha256) SELECT meter_id, 'none' FROM meter "
                          "WHERE superseded_by IS NULL"});
             }});
        later.push_back({broken, "a broken step", [](Database& db) {
                             return store::runStatements(db, {"CREATE TABLE half_done (x INTEGER)",
                                                              "INSERT INTO no_such_table VALUES (1)"});
                         }});
        Database db;
        STORE_OK(db.open(file, false, 1000));
        const store::Status s = store::migrate(db, later, broken);
        QVERIFY(!s.ok());
        const std::string expected = "upgrading the project to schema version " + std::to_string(broken) +
                                     " (a broken step); it stays at version " + std::to_string(next);
        QVERIFY2(s.message().find(expected) != std::string::npos, s.message().c_str());
        QCOMPARE(versionOf(db), next);
        auto photos = db.select("SELECT COUNT(*) FROM meter_photo");
        STORE_OK(photos);
        QVERIFY(photos->next());
        QCOMPARE(photos->value(0).toInt(), 3);
        photos->finish();
        QVERIFY(!db.select("SELECT * FROM half_done").ok());
        db.close();

        // This build reads up to its own version: the later file is refused and left as it is.
        const QByteArray before = fileHash(file);
        ProjectStore project;
        const store::Status refused = project.open(file.toStdString());
        QCOMPARE(refused.kind(), store::ErrorKind::NewerVersion);
        QVERIFY2(refused.message().find("newer Shuiheng") != std::string::npos, refused.message().c_str());
        QVERIFY2(refused.message().find("version " + std::to_string(next)) != std::string::npos,
                 refused.message().c_str());
        QCOMPARE(fileHash(file), before);
        QCOMPARE(project.open(file.toStdString(), {true, 1000, true}).kind(), store::ErrorKind::NewerVersion);
        QCOMPARE(fileHash(file), before);
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
