// bench_app: the app's speed on this machine (offscreen, software rendering), medians of several runs.
//   cold start to the first interactive frame   target ≤ 1.5 s   (the real shuiheng, a new process each run)
//   opening a 300-stream project                target ≤ 300 ms  (ProjectSession::open, in process; and in
//   the app) resident memory with that project open      target ≤ 250 MB  (the app, after the balance is
//   computed)
// Usage: bench_app [--runs N] [--streams N]

#include "app_test_support.h"
#include "bench_support.h"
#include "generated_campaign_plant.h"
#include "io/plant_file.h"
#include "project_session.h"
#include "store/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

namespace {

using namespace shuiheng;

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const shuiheng::bench::Options options = shuiheng::bench::options(app.arguments(), {7, 300});
    const int runs = options.runs;
    const int streams = options.streams;
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("bench.shuiheng"));
    {
        const Plant plant = generatedCampaignPlant(streams);
        store::ProjectStore store;
        store::ProjectMeta meta;
        meta.name = "benchmark";
        if (!store.create(project.toStdString(), meta, {}).ok()) {
            std::fputs("bench_app: cannot create the project\n", stderr);
            return 1;
        }
        auto imported = store.importPlant(plant, {});
        if (!imported) {
            std::fprintf(stderr, "bench_app: %s\n", imported.status().message().c_str());
            return 1;
        }
        std::printf("project: %zu nodes, %zu streams, %zu meters, %zu readings\n", plant.nodes.size(),
                    plant.streams.size(), plant.meters.size(), plant.readings.size());
    }

    // Opening in process: the store, the plant, the models and the steps (the balance follows on a
    // worker thread, timed separately).
    std::vector<double> open, analysis;
    for (int i = 0; i < runs; ++i) {
        ProjectSession session;
        QElapsedTimer timer;
        timer.start();
        if (!session.open(project)) {
            std::fprintf(stderr, "bench_app: %s\n", qPrintable(session.errorMessage()));
            return 1;
        }
        open.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!QTest::qWaitFor([&] { return !session.analysing(); }, 60'000)) {
            std::fputs("bench_app: the analysis did not finish within a minute\n", stderr);
            return 1;
        }
        analysis.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("open a %d-stream project (in process)     median %7.1f ms  (target <= 300 ms)\n", streams,
                shuiheng::bench::median(open));
    std::printf("  ... and its balance + indicators ready   median %7.1f ms\n",
                shuiheng::bench::median(analysis));

    // The real app, a new process each time, on that project at the balance page.
    std::vector<double> firstFrame, appOpen, ready, rss, peak;
    for (int i = 0; i < runs; ++i) {
        const QJsonObject report = startupReport(
            {QStringLiteral("--project"), project, QStringLiteral("--step"), QStringLiteral("balance")},
            dir.filePath(QStringLiteral("config")));
        if (report.isEmpty() || !report.value(QStringLiteral("projectOpen")).toBool()) {
            std::fputs("bench_app: the app gave no report\n", stderr);
            return 1;
        }
        firstFrame.push_back(report.value(QStringLiteral("firstFrameMs")).toDouble());
        appOpen.push_back(report.value(QStringLiteral("openMs")).toDouble());
        ready.push_back(report.value(QStringLiteral("readyMs")).toDouble());
        rss.push_back(report.value(QStringLiteral("rssMB")).toDouble());
        peak.push_back(report.value(QStringLiteral("peakRssMB")).toDouble());
    }
    std::printf("cold start to the first frame (app)        median %7.1f ms  (target <= 1500 ms)\n",
                shuiheng::bench::median(firstFrame));
    std::printf("  opening the project inside the app       median %7.1f ms\n",
                shuiheng::bench::median(appOpen));
    std::printf("  start to balance + indicators shown      median %7.1f ms\n",
                shuiheng::bench::median(ready));
    std::printf(
        "resident memory, project open (app)        median %7.1f MB  (target <= 250 MB; peak %.1f MB)\n",
        shuiheng::bench::median(rss), shuiheng::bench::median(peak));
    std::printf("(%d runs each; load average at the end: ", runs);
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        std::printf("%s", load.readAll().trimmed().constData());
    std::printf(")\n");
    return 0;
}
