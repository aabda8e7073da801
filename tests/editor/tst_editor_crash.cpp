// The editor killed mid-edit: a process sketching through PlantEditor (editor_writer) is killed
// (SIGKILL) at random moments and restarted. After every kill the project file passes the
// integrity check, opens, its edit journal replays, and every edit the writer acknowledged (it
// prints one only after the edit was committed) is in the plant.

#include "layout/pinned_position.h"
#include "store/project_store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <map>

using namespace shuiheng;

namespace {

const QString writer = QStringLiteral(SHUIHENG_TEST_BIN_DIR "/editor_writer");

int killCount() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SHUIHENG_EDITOR_KILLS", &ok);
    return ok && n > 0 ? n : 60;
}

struct Acknowledged {
    std::map<std::string, std::string> names;                           // node → name
    std::map<std::string, std::pair<std::string, std::string>> streams; // stream → from, to
    std::map<std::string, std::pair<double, double>> moves;             // node → pinned x, y
    std::map<std::string, std::string> categories;                      // node → category
};

} // namespace

class TestEditorCrash : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(writer), qPrintable(writer));
    }

    void killedMidEdit_nothingAcknowledgedIsLost() {
        const QString file = dir_.filePath("crash.shuiheng");
        const store::Actor actor{"tester", "test-device"};
        {
            store::ProjectStore project;
            QVERIFY(project.create(file.toStdString(), {"", "crash", "", "", 0}, actor).ok());
            QVERIFY(project
                        .editPlant(
                            [](Plant& p) {
                                Node w;
                                w.id = "W1";
                                w.kind = NodeKind::Source;
                                p.nodes.push_back(w);
                                return store::Status();
                            },
                            "add source W1", actor)
                        .ok());
        }
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u (kill moments)", seed);
        QRandomGenerator random(seed);
        Acknowledged acked;
        int killedAfterAcks = 0;
        QElapsedTimer clock;
        clock.start();
        const int kills = killCount();
        for (int round = 0; round < kills; ++round) {
            QProcess process;
            process.start(writer, {file, QString::number(round)});
            QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
            QThread::msleep(round % 6 == 0 ? random.bounded(30u) : 60 + random.bounded(340u));
            process.kill();
            QVERIFY(process.waitForFinished(5000));
            QCOMPARE(process.exitStatus(), QProcess::CrashExit);
            const QByteArray err = process.readAllStandardError();
            QVERIFY2(err.isEmpty(), err.constData());
            const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last piece is unfinished
                const QList<QByteArray> w = lines[i].split(' ');
                const std::string what = w[0].toStdString();
                if (what == "node" && w.size() == 3)
                    acked.names[w[1].toStdString()] = w[2].toStdString();
                else if (what == "stream" && w.size() == 4)
                    acked.streams[w[1].toStdString()] = {w[2].toStdString(), w[3].toStdString()};
                else if (what == "move" && w.size() == 4)
                    acked.moves[w[1].toStdString()] = {w[2].toDouble(), w[3].toDouble()};
                else if (what == "category" && w.size() == 3)
                    acked.categories[w[1].toStdString()] = w[2].toStdString();
                else
                    QFAIL(lines[i].constData());
            }
            killedAfterAcks += lines.size() > 1;

            // What the app finds when it starts again.
            store::ProjectStore project;
            QVERIFY(project.open(file.toStdString()).ok());
            QVERIFY(project.checkIntegrity().ok());
            auto state = project.plantEditState();
            QVERIFY(state.ok());
            auto plant = project.plantStructure();
            QVERIFY(plant.ok());
            std::map<std::string, const Node*> nodes;
            for (const Node& n : plant->nodes)
                nodes[n.id] = &n;
            for (const auto& [id, name] : acked.names) {
                QVERIFY2(nodes.contains(id), ("acknowledged node lost: " + id).c_str());
                QCOMPARE(nodes[id]->name, name);
            }
            for (const auto& [id, category] : acked.categories)
                QCOMPARE(nodes[id]->category, category);
            for (const auto& [id, at] : acked.moves) {
                const auto pin = layout::pinnedPosition(*nodes[id]);
                QVERIFY2(pin && pin->x == at.first && pin->y == at.second,
                         ("acknowledged move lost: " + id).c_str());
            }
            std::map<std::string, const Stream*> streams;
            for (const Stream& s : plant->streams)
                streams[s.id] = &s;
            for (const auto& [id, ends] : acked.streams) {
                QVERIFY2(streams.contains(id), ("acknowledged stream lost: " + id).c_str());
                QCOMPARE(streams[id]->from, ends.first);
                QCOMPARE(streams[id]->to, ends.second);
            }
        }
        qInfo("%d kills (%d after acknowledged edits), %zu nodes, %zu streams, %zu moves, %zu undo/redo "
              "acknowledged, %lld ms",
              kills, killedAfterAcks, acked.names.size(), acked.streams.size(), acked.moves.size(),
              acked.categories.size(), static_cast<long long>(clock.elapsed()));
        QVERIFY(killedAfterAcks > kills / 2);
    }
};

QTEST_GUILESS_MAIN(TestEditorCrash)
#include "tst_editor_crash.moc"
