// The app killed at any moment comes back where it was: the real `shuiheng` is started on a
// project at a page, killed (SIGKILL, no chance to save anything on the way out), started again
// with no arguments, and asked (--startup-report) which project and page it came up with.

#include "app_test_support.h"
#include "project_session.h"

#include <QDir>
#include <QFile>
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

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
