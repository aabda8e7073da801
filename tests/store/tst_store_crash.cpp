// Crash safety: a process adding and editing readings is killed (SIGKILL) at a few hundred random
// moments, restarted each time. After every kill the file passes the integrity check, opens, and
// holds every reading (and every edit) whose commit the writer had acknowledged.

#include "store_test_support.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <map>
#include <set>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

namespace {

const QString writer = QStringLiteral(SHUIHENG_TEST_BIN_DIR "/store_writer");

int killCount() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SHUIHENG_CRASH_KILLS", &ok);
    return ok && n > 0 ? n : 220;
}

} // namespace

class TestStoreCrash : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(writer), qPrintable(writer));
    }

    void killedAtRandomMoments() {
        const QString file = dir_.filePath("crash.shuiheng");
        {
            ProjectStore project;
            STORE_OK(project.create(file.toStdString(), {"", "crash", "", "", 0}, tester()));
            STORE_OK(project.importPlant(campaignPlant(), tester()));
        }
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u (kill moments)", seed);
        QRandomGenerator random(seed);
        std::set<std::string> added;
        std::map<std::string, double> edited; // the last acknowledged value of each edited reading
        int killedWhileWriting = 0;
        QElapsedTimer clock;
        clock.start();
        const int kills = killCount();
        for (int round = 0; round < kills; ++round) {
            QProcess process;
            process.setProgram(writer);
            process.setArguments({"add", file, QString::number(round)});
            process.start();
            QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
            // Mostly while it writes: once it has acknowledged its first write (however long a
            // loaded machine takes to start it), at a random moment after; now and then while it
            // starts up or opens the file.
            if (round % 10 == 0) {
                QThread::msleep(random.bounded(15u));
            } else {
                process.waitForReadyRead(10000);
                QThread::msleep(random.bounded(100u));
            }
            process.kill(); // SIGKILL
            QVERIFY(process.waitForFinished(5000));
            QCOMPARE(process.exitStatus(), QProcess::CrashExit);
            const QByteArray err = process.readAllStandardError();
            QVERIFY2(err.isEmpty(), err.constData());

            const QByteArray out = process.readAllStandardOutput();
            const QList<QByteArray> lines = out.split('\n');
            // The last piece has no newline yet: not acknowledged.
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
                const QList<QByteArray> words = lines[i].split(' ');
                if (words.size() == 2 && words[0] == "add")
                    added.insert(words[1].toStdString());
                else if (words.size() == 3 && words[0] == "edit")
                    edited[words[1].toStdString()] = words[2].toDouble();
                else
                    QFAIL(lines[i].constData());
            }
            if (lines.size() > 1)
                ++killedWhileWriting;

            // The file as the next start of the app finds it.
            ProjectStore project;
            STORE_OK(project.open(file.toStdString()));
            STORE_OK(project.checkIntegrity());
            auto stored = project.readings();
            STORE_OK(stored);
            std::map<std::string, double> present;
            for (const store::StoredReading& r : *stored)
                present.emplace(r.id, r.reading.value);
            for (const std::string& id : added)
                QVERIFY2(present.contains(id), ("acknowledged reading lost: " + id).c_str());
            for (const auto& [id, value] : edited) {
                if (present.at(id) == value)
                    continue;
                // A later edit may have committed just before the kill, unacknowledged: the
                // acknowledged value must then be in the reading's history.
                auto history = project.history("reading", id);
                STORE_OK(history);
                bool found = false;
                for (const store::HistoryEntry& e : *history)
                    found = found || (e.field == "value" && e.newValue && std::stod(*e.newValue) == value);
                QVERIFY2(found, ("acknowledged edit lost: " + id).c_str());
            }
        }
        qInfo("%d kills (%d after acknowledged writes), %zu readings and %zu edits acknowledged, %lld ms",
              kills, killedWhileWriting, added.size(), edited.size(),
              static_cast<long long>(clock.elapsed()));
        QVERIFY(killedWhileWriting > kills / 2);
        QVERIFY(added.size() > static_cast<std::size_t>(kills));
    }
};

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_store_crash.moc"
