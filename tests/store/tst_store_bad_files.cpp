// Files the store must refuse without harm: not SQLite, SQLite of another program, damaged, cut
// short, of a newer schema, missing; a clear error each time and the file left exactly as it was.

#include "store/database.h"
#include "store_test_support.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ErrorKind;
using store::ProjectStore;

class TestStoreBadFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString good_; // a closed project with a few thousand readings

    QString copyOfGood(const QString& name) {
        const QString path = dir_.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(good_, path))
            qFatal("cannot copy %s", qPrintable(good_));
        return path;
    }

    /// Opens the file both ways and expects `kind` (from the open, or from the first full read when
    /// the damage is deeper than the open looks); the bytes must not change and nothing be left to
    /// merge into them.
    void expectRefused(const QString& path, ErrorKind kind, const char* words) {
        const QByteArray before = fileHash(path);
        for (bool readOnly : {false, true}) {
            ProjectStore project;
            store::Status s = project.open(path.toStdString(), {readOnly, 1000, true});
            if (s.ok()) {
                s = project.checkIntegrity();
                if (s.ok())
                    s = project.exportPlant().status();
            }
            QVERIFY2(!s.ok(), qPrintable(path));
            QCOMPARE(s.kind(), kind);
            QVERIFY2(s.message().find(words) != std::string::npos, s.message().c_str());
            QVERIFY2(s.message().find(path.toStdString()) != std::string::npos, s.message().c_str());
        }
        QCOMPARE(fileHash(path), before);
        // A reader may leave an empty write-ahead log beside the file; never one with content.
        QVERIFY(!QFileInfo::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0);
        QVERIFY(!QFileInfo::exists(path + "-journal"));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        good_ = dir_.filePath("good.shuiheng");
        ProjectStore project;
        STORE_OK(project.create(good_.toStdString(), {"", "好", "", "", 0}, tester()));
        STORE_OK(project.importPlant(campaignPlant(), tester()));
        std::vector<store::NewReading> entries;
        for (int i = 0; i < 3000; ++i) {
            store::NewReading e;
            e.reading = Reading{"M3",
                                QString("2026-07-01T%1:%2:%3+08:00")
                                    .arg(8 + i / 3600, 2, 10, QChar('0'))
                                    .arg(i / 60 % 60, 2, 10, QChar('0'))
                                    .arg(i % 60, 2, 10, QChar('0'))
                                    .toStdString(),
                                10.0 + i % 7,
                                "技术员",
                                "tablet",
                                "a note long enough to fill pages",
                                "",
                                {}};
            entries.push_back(e);
        }
        STORE_OK(project.addReadings(entries, tester()));
        project.close();
        QVERIFY(QFileInfo(good_).size() > 200 * 1024);
    }

    void notSqlite() {
        QRandomGenerator random(11);
        QByteArray garbage(8192, '\0');
        for (char& c : garbage)
            c = static_cast<char>(random.bounded(256));
        writeBytes(dir_.filePath("garbage.shuiheng"), garbage);
        expectRefused(dir_.filePath("garbage.shuiheng"), ErrorKind::NotAProject, "not an SQLite database");
        QFile::copy(SHUIHENG_DATA_DIR "/plants/sample-plant.json", dir_.filePath("plant.shuiheng"));
        expectRefused(dir_.filePath("plant.shuiheng"), ErrorKind::NotAProject, "not a Shuiheng project");
        writeBytes(dir_.filePath("empty.shuiheng"), {});
        expectRefused(dir_.filePath("empty.shuiheng"), ErrorKind::NotAProject, "empty");
        QVERIFY(QDir(dir_.path()).mkdir("folder.shuiheng"));
        ProjectStore project;
        QCOMPARE(project.open(dir_.filePath("folder.shuiheng").toStdString()).kind(), ErrorKind::NotAProject);
    }

    void anotherProgramsDatabase() {
        const QString path = dir_.filePath("other.sqlite");
        {
            store::Database db;
            STORE_OK(db.open(path, false, 1000));
            STORE_OK(db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)"));
            STORE_OK(db.execute("INSERT INTO contacts VALUES ('a', '1')"));
        }
        expectRefused(path, ErrorKind::NotAProject, "an SQLite database but not a Shuiheng project");
    }

    void newerSchema() {
        const QString path = copyOfGood("newer.shuiheng");
        {
            store::Database db;
            STORE_OK(db.open(path, false, 1000));
            STORE_OK(db.execute("UPDATE store_meta SET meta_value = '7' WHERE meta_key = 'schema_version'"));
        }
        expectRefused(path, ErrorKind::NewerVersion, "newer Shuiheng (project schema version 7");
    }

    void damagedSchemaPage() {
        const QString path = copyOfGood("damaged-schema.shuiheng");
        QByteArray bytes = fileBytes(path);
        for (int i = 100; i < 4096; ++i)
            bytes[i] = static_cast<char>(0xA5 ^ i);
        writeBytes(path, bytes);
        expectRefused(path, ErrorKind::Damaged, "damaged");
    }

    void damagedDataPages() {
        const QString path = copyOfGood("damaged-data.shuiheng");
        QByteArray bytes = fileBytes(path);
        const qsizetype pageSize = 4096;
        const qsizetype pages = bytes.size() / pageSize;
        QRandomGenerator random(5);
        for (qsizetype page = pages / 3; page < pages / 3 + 6; ++page)
            for (qsizetype i = 0; i < pageSize; ++i)
                bytes[page * pageSize + i] = static_cast<char>(random.bounded(256));
        writeBytes(path, bytes);
        expectRefused(path, ErrorKind::Damaged, "damaged");
    }

    void cutShort() {
        const QString path = copyOfGood("cut.shuiheng");
        QByteArray bytes = fileBytes(path);
        bytes.truncate(bytes.size() / 2);
        writeBytes(path, bytes);
        expectRefused(path, ErrorKind::Damaged, "damaged");
        writeBytes(path, bytes.left(60));
        expectRefused(path, ErrorKind::Damaged, "cut short");
    }

    void missing() {
        ProjectStore project;
        const store::Status s = project.open(dir_.filePath("nowhere.shuiheng").toStdString());
        QCOMPARE(s.kind(), ErrorKind::NotFound);
        QVERIFY(!QFileInfo::exists(dir_.filePath("nowhere.shuiheng")));
    }

    void createNeverOverwrites() {
        const QString path = copyOfGood("taken.shuiheng");
        const QByteArray before = fileHash(path);
        ProjectStore project;
        const store::Status s = project.create(path.toStdString(), {"", "x", "", "", 0}, tester());
        QCOMPARE(s.kind(), ErrorKind::InvalidInput);
        QVERIFY2(s.message().find("already exists") != std::string::npos, s.message().c_str());
        QCOMPARE(fileHash(path), before);
        QCOMPARE(
            project.create(dir_.filePath("no/such/folder/p.shuiheng").toStdString(), {}, tester()).kind(),
            ErrorKind::NotFound);
        QCOMPARE(QDir(dir_.path()).entryList({"*.tmp-*"}).size(), 0);
    }

    void readOnlyStoreChangesNothing() {
        const QString path = copyOfGood("look.shuiheng");
        const QByteArray before = fileHash(path);
        ProjectStore project;
        STORE_OK(project.open(path.toStdString(), {true, 1000, true}));
        QVERIFY(project.readOnly());
        auto plant = project.exportPlant();
        STORE_OK(plant);
        QCOMPARE(plant->readings.size(), campaignPlant().readings.size() + 3000);
        store::NewReading entry;
        entry.reading = Reading{"M3", "2026-08-01T08:00:00+08:00", 1, {}, {}, {}, {}, {}};
        QCOMPARE(project.addReading(entry, tester()).status().kind(), ErrorKind::ReadOnly);
        QCOMPARE(project.importPlant(campaignPlant(), tester()).status().kind(), ErrorKind::ReadOnly);
        QCOMPARE(project.setMeta("x", "y", tester(), "z").kind(), ErrorKind::ReadOnly);
        project.close();
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestStoreBadFiles)
#include "tst_store_bad_files.moc"
