// The project file through shuiheng-cli, as technicians' scripts and a second app instance use it:
// commands and exit statuses, CSV in and out, flows and balance from a project, a read-only file
// and folder, a full disk, several writers at once, and a writer kept waiting by another.

#include "store/ids.h"
#include "store_test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>

using namespace shuiheng;
using namespace shuiheng::test;
using store::ProjectStore;

namespace {

const QString cli = QStringLiteral(SHUIHENG_BIN_DIR "/shuiheng-cli");
const QString writer = QStringLiteral(SHUIHENG_TEST_BIN_DIR "/store_writer");
const QString sampleCampaign = QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json");

struct Run {
    int exitCode = -1;
    bool crashed = true;
    QString out;
    QString err;
    qint64 ms = 0;
};

QByteArray describe(const Run& r) {
    return QString("exit %1%2\n--- stdout:\n%3--- stderr:\n%4")
        .arg(r.exitCode)
        .arg(r.crashed ? " (crashed)" : "")
        .arg(r.out, r.err)
        .toUtf8();
}

void prepare(QProcess& process, const QString& program, const QStringList& arguments, const QStringList& env,
             const std::function<void()>& modifier) {
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& pair : env)
        environment.insert(pair.section('=', 0, 0), pair.section('=', 1));
    process.setProcessEnvironment(environment);
    if (modifier)
        process.setChildProcessModifier(modifier);
}

Run finish(QProcess& process, const QElapsedTimer& clock) {
    Run r;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.ms = clock.elapsed();
    r.exitCode = process.exitCode();
    r.crashed = process.exitStatus() != QProcess::NormalExit;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

Run runProgram(const QString& program, const QStringList& arguments, const QStringList& env = {},
               const std::function<void()>& modifier = {}) {
    QProcess process;
    prepare(process, program, arguments, env, modifier);
    QElapsedTimer clock;
    clock.start();
    process.start();
    return finish(process, clock);
}

Run run(const QStringList& arguments, const QStringList& env = {},
        const std::function<void()>& modifier = {}) {
    return runProgram(cli, arguments, env, modifier);
}

/// The child drops to the user nobody (when the test runs as root, which writes anywhere).
void becomeNobody() {
    if (::geteuid() == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(97);
    }
}

int readingCount(const QString& file) {
    ProjectStore project;
    if (!project.open(file.toStdString(), {true, 5000, true}).ok())
        return -1;
    auto readings = project.readings();
    return readings.ok() ? static_cast<int>(readings->size()) : -1;
}

QString csvOf(int meter, int count, int day) {
    QString text = "meter,time,value,technician,device,note\n";
    for (int i = 0; i < count; ++i)
        text += QString("M%1,2026-07-%2T%3:%4:%5+08:00,%6,张工,PAD-%1,\n")
                    .arg(meter)
                    .arg(day, 2, 10, QChar('0'))
                    .arg(i / 3600, 2, 10, QChar('0'))
                    .arg(i / 60 % 60, 2, 10, QChar('0'))
                    .arg(i % 60, 2, 10, QChar('0'))
                    .arg(100000 + i * 0.5);
    return text;
}

} // namespace

class TestStoreProcesses : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString newProject(const QString& plant = sampleCampaign) {
        const QString file = dir_.filePath(QString("p%1.shuiheng").arg(++files_));
        const Run r = run({"project", "new", file, "--name", "测试", "--enterprise", "某企业", "--plant",
                           plant, "--by", "张工", "--device", "PAD-01"});
        if (r.exitCode != 0)
            qFatal("%s", describe(r).constData());
        return file;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(cli), qPrintable(cli));
        QVERIFY2(QFileInfo::exists(writer), qPrintable(writer));
    }

    void newExportHistory() {
        const QString file = newProject();
        const QString out = dir_.filePath("exported.json");
        const Run exported = run({"project", "export", file, out});
        QVERIFY2(exported.exitCode == 0, describe(exported));
        QCOMPARE(fileBytes(out), QByteArray::fromStdString(toPlantJson(loadPlant(sampleCampaign))));
        const Run toStdout = run({"project", "export", file, "-"});
        QCOMPARE(toStdout.out.toUtf8(), fileBytes(out));
        const Run log = run({"project", "history", file});
        QVERIFY2(log.exitCode == 0, describe(log));
        QVERIFY2(log.out.contains("create project") && log.out.contains("import plant") &&
                     log.out.contains("张工") && log.out.contains("PAD-01"),
                 describe(log));
        const Run meter = run({"project", "history", file, "--entity", "meter:M8B"});
        QVERIFY2(meter.exitCode == 0 && meter.out.contains("created"), describe(meter));
        const Run unknown = run({"project", "history", file, "--entity", "meter:M404"});
        QVERIFY2(unknown.exitCode == 2 && unknown.err.contains("no meter 'M404'"), describe(unknown));
        const Run check = run({"project", "check", file});
        QVERIFY2(check.exitCode == 0 && check.out.contains(": ok"), describe(check));
    }

    void addEditDeleteReadings() {
        const QString file = newProject();
        const Run added =
            run({"readings", "add", file, "--meter", "M3", "--value", "8200.5", "--time",
                 "2026-06-05T08:00:00+08:00", "--by", "李工", "--device", "PAD-02", "--note", "day 5"});
        QVERIFY2(added.exitCode == 0, describe(added));
        const QString id = added.out.trimmed();
        QVERIFY2(store::looksLikeId(id.toStdString()), describe(added));
        const Run listed = run({"readings", "list", file, "--meter", "M3"});
        QVERIFY2(listed.exitCode == 0 && listed.out.contains(id) && listed.out.contains("day 5"),
                 describe(listed));

        const Run edited =
            run({"readings", "edit", file, id, "--value", "8201.5", "--reason", "misread 0 as 1"});
        QVERIFY2(edited.exitCode == 0, describe(edited));
        const Run noReason = run({"readings", "edit", file, id, "--value", "1"});
        QCOMPARE(noReason.exitCode, 2);
        // Read again with a photo of the register: the photo goes with the correction.
        const QString photo = dir_.filePath("register.jpg");
        {
            QFile f(photo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xff\xd8\xff\xe0 a register photo");
        }
        const Run withPhoto = run({"readings", "edit", file, id, "--value", "8201.5", "--reason",
                                   "photo of the register", "--photo", photo});
        QVERIFY2(withPhoto.exitCode == 0, describe(withPhoto));
        const Run missingPhoto = run({"readings", "edit", file, id, "--value", "8202", "--reason", "again",
                                      "--photo", dir_.filePath("none.jpg")});
        QVERIFY2(missingPhoto.exitCode == 2 && missingPhoto.err.contains("none.jpg"), describe(missingPhoto));
        const Run history = run({"project", "history", file, "--entity", "reading:" + id});
        QVERIFY2(history.exitCode == 0 && history.out.contains("8200.5") && history.out.contains("8201.5") &&
                     history.out.contains("misread 0 as 1") && history.out.contains("李工") &&
                     history.out.contains("photo of the register") && !history.out.contains("8202"),
                 describe(history));

        // Implausible: lower than the previous reading. Recorded with the reason, not refused.
        const Run lower = run({"readings", "add", file, "--meter", "M3", "--value", "10", "--time",
                               "2026-06-06T08:00:00+08:00", "--reason", "meter replaced"});
        QVERIFY2(lower.exitCode == 0 && lower.err.contains("warning:") &&
                     lower.err.contains("meter replaced"),
                 describe(lower));

        const Run removed = run({"readings", "delete", file, id, "--reason", "duplicate entry"});
        QVERIFY2(removed.exitCode == 0, describe(removed));
        const Run after = run({"readings", "list", file, "--meter", "M3"});
        QVERIFY2(!after.out.contains(id), describe(after));
        const Run withDeleted = run({"readings", "list", file, "--meter", "M3", "--deleted"});
        QVERIFY2(withDeleted.out.contains(id), describe(withDeleted));

        const Run unknownMeter = run({"readings", "add", file, "--meter", "M404", "--value", "1"});
        QVERIFY2(unknownMeter.exitCode == 2 && unknownMeter.err.contains("unknown meter 'M404'"),
                 describe(unknownMeter));
        const Run badTime =
            run({"readings", "add", file, "--meter", "M3", "--value", "1", "--time", "yesterday"});
        QVERIFY2(badTime.exitCode == 2 && badTime.err.contains("not an ISO time"), describe(badTime));
    }

    void csvOutAndIn() {
        const QString full = newProject();
        const Run csv = run({"readings", "list", full, "--csv"});
        QVERIFY2(csv.exitCode == 0 && csv.out.startsWith("meter,time,value,technician,device,note\n"),
                 describe(csv));
        const QString csvFile = dir_.filePath("readings.csv");
        writeBytes(csvFile, csv.out.toUtf8());

        Plant bare = loadPlant(sampleCampaign);
        bare.readings.clear();
        const QString barePlant = dir_.filePath("bare.json");
        QVERIFY(savePlantFile(barePlant.toStdString(), bare).empty());
        const QString empty = newProject(barePlant);
        const Run imported = run({"readings", "import", empty, csvFile, "--by", "王工"});
        QVERIFY2(imported.exitCode == 0 &&
                     imported.out.contains(
                         QString("%1 readings added").arg(loadPlant(sampleCampaign).readings.size())),
                 describe(imported));
        const Run again = run({"readings", "list", empty, "--csv"});
        QCOMPARE(again.out, csv.out);
        const Run twice = run({"readings", "import", empty, csvFile});
        QVERIFY2(twice.exitCode == 0 && twice.out.contains("0 readings added") &&
                     twice.out.contains("already present"),
                 describe(twice));

        // A file with a bad row changes nothing.
        const QString bad = dir_.filePath("bad.csv");
        writeBytes(bad, "meter,time,value\nM1,2026-06-05T08:00:00+08:00,1\nM1,2026-06-06T08:00:00+08:00,x\n");
        const QByteArray before = fileHash(empty);
        const Run refused = run({"readings", "import", empty, bad});
        QVERIFY2(refused.exitCode == 2 && refused.err.contains("line 3: value 'x' is not a number") &&
                     refused.err.contains("nothing was changed"),
                 describe(refused));
        QCOMPARE(fileHash(empty), before);
    }

    void flowsAndBalanceTakeAProject() {
        const QString file = newProject();
        for (const char* command : {"flows", "balance"}) {
            const Run fromPlant = run({command, sampleCampaign, "--json"});
            const Run fromProject = run({command, file, "--json"});
            QVERIFY2(fromPlant.exitCode == 0, describe(fromPlant));
            QVERIFY2(fromProject.exitCode == 0, describe(fromProject));
            QCOMPARE(fromProject.out, fromPlant.out);
        }
    }

    void exitStatuses() {
        writeBytes(dir_.filePath("garbage.shuiheng"), QByteArray(5000, 'x'));
        const Run garbage = run({"readings", "list", dir_.filePath("garbage.shuiheng")});
        QVERIFY2(garbage.exitCode == 2 && garbage.err.contains("not a Shuiheng project"), describe(garbage));
        const Run flows = run({"flows", dir_.filePath("garbage.shuiheng")});
        QVERIFY2(flows.exitCode == 2 && flows.err.contains("not a Shuiheng project"), describe(flows));
        const Run missing =
            run({"project", "export", dir_.filePath("missing.shuiheng"), dir_.filePath("x.json")});
        QVERIFY2(missing.exitCode == 2 && missing.err.contains("no such file"), describe(missing));
        const QString file = newProject();
        const Run exists = run({"project", "new", file, "--name", "again"});
        QVERIFY2(exists.exitCode == 2 && exists.err.contains("already exists"), describe(exists));
        const Run bundle = run({"project", "bundle", file, dir_.filePath("handover.shuiheng")});
        QVERIFY2(bundle.exitCode == 0, describe(bundle));
        const Run fromBundle = run({"readings", "list", dir_.filePath("handover.shuiheng"), "--csv"});
        QCOMPARE(fromBundle.out, run({"readings", "list", file, "--csv"}).out);
        const Run usage = run({"readings", "add", file});
        QCOMPARE(usage.exitCode, 2);
    }

    void readOnlyFileAndFolder() {
        // A folder nobody else may write, with a project in it nobody else may write.
        const QString folder = dir_.filePath("readonly");
        QVERIFY(QDir(dir_.path()).mkdir("readonly"));
        const QString file = folder + "/p.shuiheng";
        QVERIFY(QFile::copy(newProject(), file));
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        });
        QVERIFY(QFile::setPermissions(dir_.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                       QFile::ReadOther | QFile::ExeOther));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                                  QFile::ExeOther));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadOther));
        const QByteArray before = fileHash(file);

        // As root the commands run as nobody, who may not reach the build or the source tree (a
        // checkout in a private home folder): the program and the plant file go beside the project.
        const QString program = dir_.filePath("shuiheng-cli");
        const QString plant = dir_.filePath("sample-campaign.json");
        QVERIFY(QFile::copy(cli, program) && QFile::copy(sampleCampaign, plant));
        QVERIFY(QFile::setPermissions(plant, QFile::ReadOwner | QFile::ReadOther));
        const auto asNobody = [&](const QStringList& arguments) {
            return runProgram(program, arguments, {}, becomeNobody);
        };
        const Run reachable = asNobody({"--version"});
        if (reachable.exitCode != 0)
            QSKIP(qPrintable("nobody cannot run a copy of shuiheng-cli in " + dir_.path() + " (" +
                             describe(reachable) + "): is the temporary folder private?"));

        const Run add = asNobody({"readings", "add", file, "--meter", "M3", "--value", "1"});
        QVERIFY2(add.exitCode == 2 && add.err.contains("read-only"), describe(add));
        const Run import = asNobody({"project", "import", file, plant});
        QVERIFY2(import.exitCode == 2 && import.err.contains("read-only"), describe(import));
        const Run list = asNobody({"readings", "list", file, "--csv"});
        QVERIFY2(list.exitCode == 0 &&
                     list.out.count('\n') ==
                         static_cast<qsizetype>(loadPlant(sampleCampaign).readings.size()) + 1,
                 describe(list));
        const Run flows = asNobody({"flows", file, "--json"});
        QVERIFY2(flows.exitCode == 0, describe(flows));
        QCOMPARE(fileHash(file), before);
        QVERIFY(!QFileInfo::exists(file + "-wal"));
    }

    void fullDisk() {
        const QString file = newProject();
        const int before = readingCount(file);
        QVERIFY(before > 0);
        const QString csv = dir_.filePath("big.csv");
        writeBytes(csv, csvOf(3, 20000, 10).toUtf8());
        // The child may write no file beyond 256 KB: the journal of the import will not fit.
        const Run full = run({"readings", "import", file, csv}, {}, [] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{256 * 1024, 256 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        QVERIFY2(full.exitCode == 1 && full.err.contains("disk") && full.err.contains("nothing"),
                 describe(full));
        QCOMPARE(readingCount(file), before);
        ProjectStore project;
        STORE_OK(project.open(file.toStdString()));
        STORE_OK(project.checkIntegrity());
        project.close();
        // With room again, the same import goes through.
        const Run roomy = run({"readings", "import", file, csv});
        QVERIFY2(roomy.exitCode == 0, describe(roomy));
        QCOMPARE(readingCount(file), before + 20000);
    }

    void severalWritersAtOnce() {
        const QString file = newProject();
        const int before = readingCount(file);
        std::vector<std::unique_ptr<QProcess>> processes;
        QElapsedTimer clock;
        clock.start();
        for (int k = 0; k < 4; ++k) {
            const QString csv = dir_.filePath(QString("writer%1.csv").arg(k));
            writeBytes(csv, csvOf(1 + k, 500, 20 + k).toUtf8());
            auto process = std::make_unique<QProcess>();
            prepare(*process, cli, {"readings", "import", file, csv, "--by", QString("writer%1").arg(k)}, {},
                    {});
            processes.push_back(std::move(process));
        }
        for (int k = 0; k < 8; ++k) {
            auto process = std::make_unique<QProcess>();
            prepare(*process, cli,
                    {"readings", "add", file, "--meter", "M9", "--value", QString::number(k), "--time",
                     QString("2026-07-30T08:%1:00+08:00").arg(k, 2, 10, QChar('0'))},
                    {}, {});
            processes.push_back(std::move(process));
        }
        for (auto& p : processes)
            p->start();
        for (auto& p : processes) {
            const Run r = finish(*p, clock);
            QVERIFY2(!r.crashed && r.exitCode == 0, describe(r));
        }
        QCOMPARE(readingCount(file), before + 4 * 500 + 8);
        ProjectStore project;
        STORE_OK(project.open(file.toStdString()));
        STORE_OK(project.checkIntegrity());
    }

    void aWriterWaitsOrIsTold() {
        const QString file = newProject();
        const int before = readingCount(file);
        QProcess holder;
        holder.setProgram(writer);
        holder.setArguments({"hold", file, "2500"});
        holder.start();
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

        // Told: a short wait runs out.
        const Run told =
            run({"readings", "add", file, "--meter", "M3", "--value", "1"}, {"SHUIHENG_BUSY_TIMEOUT_MS=300"});
        QVERIFY2(told.exitCode == 1 && told.err.contains("being changed by another program") &&
                     told.err.contains("nothing was saved"),
                 describe(told));
        QVERIFY2(told.ms >= 300, describe(told));
        // Waits: the default wait outlasts the lock.
        const Run waited = run({"readings", "add", file, "--meter", "M3", "--value", "2", "--time",
                                "2026-06-05T08:00:00+08:00"});
        QVERIFY2(waited.exitCode == 0, describe(waited));
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        QCOMPARE(readingCount(file), before + 1);
        // Readers are never kept waiting by a writer.
        QProcess again;
        again.setProgram(writer);
        again.setArguments({"hold", file, "1500"});
        again.start();
        QVERIFY(again.waitForReadyRead(10000));
        const Run read = run({"readings", "list", file, "--csv"}, {"SHUIHENG_BUSY_TIMEOUT_MS=100"});
        QVERIFY2(read.exitCode == 0 && read.ms < 1500, describe(read));
        QVERIFY(again.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "tst_store_processes.moc"
