// The sample project (app/models/sample_project.h) on real files: made once from the shipped sample
// plant with its test window planned, then reused with the user's changes; a damaged sample is left
// byte for byte and a fresh one made beside it; its names in the user's language; its benchmark
// compared with the illustrative potash quota, marked as such in the UI's language.

#include "benchmark_model.h"
#include "project_session.h"
#include "sample_project.h"
#include "store/project_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <functional>

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool waitUntil(const std::function<bool()>& done) {
    return QTest::qWaitFor(done, 30'000);
}

} // namespace

class TestSampleProject : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The shipped data of the source tree, never the user's library.
        qputenv("SHUIHENG_DATA_DIR", SHUIHENG_DATA_DIR);
        qputenv("SHUIHENG_QUOTA_LIBRARY", QFile::encodeName(dir_.filePath(QStringLiteral("no-own-quotas"))));
    }

    void defaultFolderFollowsTheDataHome() {
        const QByteArray sampleDir = qgetenv("SHUIHENG_SAMPLE_DIR");
        const QByteArray dataHome = qgetenv("XDG_DATA_HOME");
        qunsetenv("SHUIHENG_SAMPLE_DIR");
        qputenv("XDG_DATA_HOME", "/srv/data");
        QCOMPARE(SampleProject::defaultFolder(), QStringLiteral("/srv/data/shuiheng/sample"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(SampleProject::defaultFolder(),
                 QDir::homePath() + QStringLiteral("/.local/share/shuiheng/sample"));
        qputenv("SHUIHENG_SAMPLE_DIR", "/tmp/elsewhere");
        QCOMPARE(SampleProject::defaultFolder(), QStringLiteral("/tmp/elsewhere"));
        QCOMPARE(SampleProject().folder(), QStringLiteral("/tmp/elsewhere"));
        qunsetenv("SHUIHENG_SAMPLE_DIR");
        if (!sampleDir.isNull())
            qputenv("SHUIHENG_SAMPLE_DIR", sampleDir);
        if (!dataHome.isNull())
            qputenv("XDG_DATA_HOME", dataHome);
        QCOMPARE(SampleProject::sourcePlant(),
                 QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json"));
    }

    void madeOnceThenReusedWithTheUsersChanges() {
        const QString folder = dir_.filePath(QStringLiteral("once/sample"));
        SampleProject sample;
        sample.setFolder(folder);
        ProjectSession session;
        QVERIFY2(sample.openIn(&session), qPrintable(sample.notice()));
        QCOMPARE(sample.notice(), QString());
        const QString path = QDir(folder).filePath(QStringLiteral("sample.shuiheng"));
        QCOMPARE(session.path(), path);
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
        // The sample plant with its readings, and the test window planned over them.
        QCOMPARE(session.meters()->total(), 35);
        auto campaigns = session.store()->campaigns();
        QVERIFY(campaigns && campaigns->size() == 1);
        QCOMPARE(campaigns->back().windowStart, std::string("2026-06-01T00:00:00+08:00"));
        QCOMPARE(campaigns->back().windowEnd, std::string("2026-06-04T23:59:59+08:00"));
        QCOMPARE(campaigns->back().roundTimes, std::vector<std::string>{"08:00"});

        // The user renames it; the next sample opened is the same file, renamed, nothing made again.
        QVERIFY(session.store()->setMeta("我的练习", "", {}, "rename"));
        session.close();
        const QDateTime made = QFileInfo(path).lastModified();
        ProjectSession again;
        SampleProject other;
        other.setFolder(folder);
        QVERIFY(other.openIn(&again));
        QCOMPARE(again.path(), path);
        QCOMPARE(again.name(), QStringLiteral("我的练习"));
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.shuiheng*")}, QDir::Files),
                 (QStringList{QStringLiteral("sample.shuiheng"), QStringLiteral("sample.shuiheng-shm"),
                              QStringLiteral("sample.shuiheng-wal")})); // open: its journal beside it
        QVERIFY(QFileInfo(path).lastModified() >= made);
    }

    void aDamagedSampleIsLeftAloneAndAFreshOneMadeBeside() {
        const QString folder = dir_.filePath(QStringLiteral("damaged/sample"));
        QVERIFY(QDir().mkpath(folder));
        const QString damaged = QDir(folder).filePath(QStringLiteral("sample.shuiheng"));
        const QByteArray garbage = QByteArray("SQLite format 3") + QByteArray(4096, '\x5a');
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        SampleProject sample;
        sample.setFolder(folder);
        QSignalSpy notices(&sample, &SampleProject::noticeChanged);
        ProjectSession session;
        QVERIFY2(sample.openIn(&session), qPrintable(sample.notice()));
        const QString fresh = QDir(folder).filePath(QStringLiteral("sample-2.shuiheng"));
        QCOMPARE(session.path(), fresh);
        QVERIFY(session.meters()->total() > 0);
        QCOMPARE(readAll(damaged), garbage); // not a byte changed
        QCOMPARE(notices.count(), 1);
        QVERIFY2(sample.notice().contains(QStringLiteral("does not open")), qPrintable(sample.notice()));
        QVERIFY2(sample.notice().contains(QStringLiteral("sample-2.shuiheng")), qPrintable(sample.notice()));

        // Next time: the fresh one is reused (the damaged one is still skipped, still untouched).
        session.close();
        SampleProject later;
        later.setFolder(folder);
        ProjectSession again;
        QVERIFY(later.openIn(&again));
        QCOMPARE(again.path(), fresh);
        QCOMPARE(readAll(damaged), garbage);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.shuiheng")}, QDir::Files),
                 (QStringList{QStringLiteral("sample-2.shuiheng"), QStringLiteral("sample.shuiheng")}));
    }

    void withoutTheShippedDataItSaysWhy() {
        const QByteArray data = qgetenv("SHUIHENG_DATA_DIR");
        qputenv("SHUIHENG_DATA_DIR", QFile::encodeName(dir_.filePath(QStringLiteral("nothing-shipped"))));
        SampleProject sample;
        sample.setFolder(dir_.filePath(QStringLiteral("unshipped")));
        ProjectSession session;
        QVERIFY(!sample.openIn(&session));
        QVERIFY(!session.isOpen());
        QVERIFY2(sample.notice().contains(QStringLiteral("sample-campaign.json")),
                 qPrintable(sample.notice()));
        qputenv("SHUIHENG_DATA_DIR", data);
    }

    void namedInTheUsersLanguage() {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(SHUIHENG_ZH_CN_QM)));
        QCoreApplication::installTranslator(&zh);
        SampleProject sample;
        sample.setFolder(dir_.filePath(QStringLiteral("zh/sample")));
        ProjectSession session;
        QVERIFY(sample.openIn(&session));
        QCoreApplication::removeTranslator(&zh);
        QCOMPARE(session.name(), QStringLiteral("示例项目：水平衡测试"));
        QCOMPARE(session.enterprise(), QStringLiteral("青海某盐湖钾镁化工有限公司（虚构示例）"));
    }

    // The sample names its industry (potash) and region (青海): the illustrative quota applies, the
    // 4.69 m³/t meets its 通用值 and not its 先进值, and the row says it is illustrative.
    void benchmarkedAgainstTheIllustrativeQuota() {
        const QLocale before;
        for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QLocale::setDefault(QLocale(language));
            SampleProject sample;
            sample.setFolder(dir_.filePath(QStringLiteral("bench/sample")));
            ProjectSession session;
            BenchmarkModel bench;
            bench.setSession(&session);
            QVERIFY(sample.openIn(&session));
            QVERIFY(
                waitUntil([&] { return !session.analysing() && !bench.busy() && bench.updateCount() > 0; }));
            QCOMPARE(bench.industry(), QStringLiteral("potash"));
            QCOMPARE(bench.quotas()->count(), 1);
            const QVariantMap row = bench.quotas()->get(0);
            QCOMPARE(row.value("table").toString(), QStringLiteral("sample-potash"));
            QCOMPARE(row.value("title").toString(), QStringLiteral("氯化钾（示例定额，非公布值）"));
            QCOMPARE(row.value("grade").toString(), QStringLiteral("general"));
            QCOMPARE(row.value("gradeName").toString(), QStringLiteral("通用值"));
            const double value = row.value("value").toDouble();
            QVERIFY2(value > 3.5 && value < 4.8, qPrintable(QString::number(value)));
            QCOMPARE(row.value("verification").toString(),
                     language == QLatin1String("zh_CN")
                         ? QStringLiteral("示例（非公布值）")
                         : QStringLiteral("illustrative sample, not a published value"));
        }
        QLocale::setDefault(before);
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestSampleProject)
#include "tst_sample_project.moc"
