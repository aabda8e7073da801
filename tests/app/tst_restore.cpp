// The app killed at any moment comes back where it was: the real `shuiheng` is started on a
// project at a page, killed (SIGKILL, no chance to save anything on the way out), started again
// with no arguments, and asked (--startup-report) which project and page it came up with.
// And where it starts without one: `--sample` and a first run open the sample project (made in the
// test's own data folder) on the balance page; a plant file given as the project is explained.

#include "app_test_support.h"
#include "project_session.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString app = QStringLiteral(SHUIHENG_BIN_DIR "/shuiheng");

QString settingsFile(const QTemporaryDir& dir) {
    return dir.filePath(QStringLiteral("config/Shuiheng/shuiheng.conf"));
}

/// The app's report when started with `arguments` in the test's configuration folder.
QJsonObject report(const QTemporaryDir& dir, const QStringList& arguments = {}) {
    return startupReport(arguments, dir.filePath(QStringLiteral("config")));
}

/// Starts the app on `project` at `page`, waits until it has written where it is, kills it.
bool runAndKill(const QTemporaryDir& dir, const QString& project, const QString& page, int step) {
    QProcess process;
    process.setProcessEnvironment(appEnvironment(dir.filePath(QStringLiteral("config"))));
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(app, {QStringLiteral("--project"), project, QStringLiteral("--step"), page});
    if (!process.waitForStarted(10'000))
        return false;
    const bool written = QTest::qWaitFor(
        [&] {
            const QSettings settings(settingsFile(dir), QSettings::IniFormat);
            return settings.value(QStringLiteral("state/project")).toString() == project &&
                   settings.value(QStringLiteral("state/step")).toInt() == step;
        },
        30'000);
    QTest::qWait(300); // let it draw and compute: killed mid-work, not at start
    process.kill();    // SIGKILL
    process.waitForFinished(10'000);
    return written && process.exitStatus() == QProcess::CrashExit;
}

} // namespace

class TestRestore : public QObject {
    Q_OBJECT

private slots:
    void comesBackAfterAKill();
    void startsOnTheProjectsPageWhenTheProjectIsGone();
    void sampleOptionOpensTheSampleOnTheBalance();
    void firstRunOpensTheSample();
    void aPlantFileIsExplained();
};

void TestRestore::comesBackAfterAKill() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("site.shuiheng"));
    {
        ProjectSession session;
        QVERIFY(session.create(project, QStringLiteral("现场测试"), {},
                               QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json")));
    }
    QVERIFY(runAndKill(dir, project, QStringLiteral("meters"), 2));
    QJsonObject state = report(dir);
    QVERIFY2(!state.isEmpty(), "no report");
    QCOMPARE(state.value(QStringLiteral("projectOpen")).toBool(), true);
    QCOMPARE(state.value(QStringLiteral("project")).toString(), project);
    QCOMPARE(state.value(QStringLiteral("projectName")).toString(), QStringLiteral("现场测试"));
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("meters"));
    QCOMPARE(state.value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));

    // Killed again on another page: that page comes back; the project is in the recent list.
    QVERIFY(runAndKill(dir, project, QStringLiteral("balance"), 5));
    state = report(dir);
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("balance"));
    const QSettings settings(settingsFile(dir), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("projects/recent")).toStringList().value(0), project);
}

void TestRestore::startsOnTheProjectsPageWhenTheProjectIsGone() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("gone.shuiheng"));
    {
        ProjectSession session;
        QVERIFY(session.create(project, QStringLiteral("P"), {}, {}));
    }
    QVERIFY(runAndKill(dir, project, QStringLiteral("plant"), 1));
    QVERIFY(QFile::remove(project));
    const QJsonObject state = report(dir);
    QCOMPARE(state.value(QStringLiteral("projectOpen")).toBool(), false);
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("projects"));
}

void TestRestore::sampleOptionOpensTheSampleOnTheBalance() {
    QTemporaryDir dir;
    const QString sample = dir.filePath(QStringLiteral("data/shuiheng/sample/sample.shuiheng"));
    QJsonObject state = report(dir, {QStringLiteral("--sample")});
    QVERIFY2(!state.isEmpty(), "no report");
    QCOMPARE(state.value(QStringLiteral("projectOpen")).toBool(), true);
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("balance"));
    QCOMPARE(state.value(QStringLiteral("project")).toString(), sample);
    QCOMPARE(state.value(QStringLiteral("projectName")).toString(), QStringLiteral("示例项目：水平衡测试"));
    // Made once: the second start opens the same file, as it was left.
    const QDateTime made = QFileInfo(sample).birthTime();
    state = report(dir, {QStringLiteral("--sample")});
    QCOMPARE(state.value(QStringLiteral("project")).toString(), sample);
    QCOMPARE(QFileInfo(sample).birthTime(), made);
    QCOMPARE(QDir(dir.filePath(QStringLiteral("data/shuiheng/sample"))).entryList(QDir::Files),
             QStringList{QStringLiteral("sample.shuiheng")});
    // --sample with another project is refused.
    QProcess process;
    process.setProcessEnvironment(appEnvironment(dir.filePath(QStringLiteral("config"))));
    process.start(app, {QStringLiteral("--sample"), sample, QStringLiteral("--startup-report")});
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 2);
}

void TestRestore::firstRunOpensTheSample() {
    QTemporaryDir dir; // no settings at all: no last project, no recent ones
    const QJsonObject state = report(dir);
    QVERIFY2(!state.isEmpty(), "no report");
    QCOMPARE(state.value(QStringLiteral("projectOpen")).toBool(), true);
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("balance"));
    QCOMPARE(state.value(QStringLiteral("project")).toString(),
             dir.filePath(QStringLiteral("data/shuiheng/sample/sample.shuiheng")));
    // Remembered like any project: the next start is no first run, it comes back to the sample.
    const QSettings settings(settingsFile(dir), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("projects/recent")).toStringList().size(), 1);
}

void TestRestore::aPlantFileIsExplained() {
    QTemporaryDir dir;
    const QString plant = QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
    QProcess process;
    process.setProcessEnvironment(appEnvironment(dir.filePath(QStringLiteral("config"))));
    process.start(
        app, {plant, QStringLiteral("--language"), QStringLiteral("en"), QStringLiteral("--startup-report")});
    QVERIFY(process.waitForFinished(120'000));
    QCOMPARE(process.exitCode(), 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(plant + QStringLiteral(" is a plant file, not a project")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("New project")), qPrintable(err));
    const QByteArray out = process.readAllStandardOutput().trimmed();
    const QJsonObject state = QJsonDocument::fromJson(out.mid(out.lastIndexOf('\n') + 1)).object();
    QCOMPARE(state.value(QStringLiteral("projectOpen")).toBool(), false);
    QCOMPARE(state.value(QStringLiteral("page")).toString(), QStringLiteral("projects"));
}

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
