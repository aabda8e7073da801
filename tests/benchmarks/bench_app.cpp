// bench_app: the app's speed on this machine (offscreen, software rendering), medians of several runs.
//   cold start to the first interactive frame   target ≤ 1.5 s   (the real shuiheng, a new process each run)
//   opening a 300-stream project                target ≤ 300 ms  (ProjectSession::open, in process; and in
//   the app) resident memory with that project open      target ≤ 250 MB  (the app, after the balance is
//   computed)
// Usage: bench_app [--runs N] [--streams N]

#include "app_test_support.h"
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
#include <random>

namespace {

using namespace shuiheng;

double median(std::vector<double> values) {
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// A plant of `streamCount` streams: workshops (groups) of cascaded units fed from two sources,
/// each unit with a circulation loop and a discharge, every other stream metered by a totalizer read
/// twice a day for three days.
Plant generatedPlant(int streamCount) {
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> flow(5, 50);
    Plant plant;
    plant.name = "benchmark plant";
    plant.flowUnit = "m3/h";
    plant.nodes.push_back({"W1", "municipal", NodeKind::Source, "", SourceOrigin::Municipal, "", {}});
    plant.nodes.push_back({"W2", "well", NodeKind::Source, "", SourceOrigin::Groundwater, "", {}});
    plant.nodes.push_back({"D", "sewer", NodeKind::Discharge, "", std::nullopt, "", {}});
    plant.nodes.push_back({"E", "evaporation", NodeKind::Consumption, "", std::nullopt, "", {}});
    int units = 0;
    auto addStream = [&](const std::string& from, const std::string& to) {
        Stream s;
        s.id = "S" + std::to_string(plant.streams.size() + 1);
        s.from = from;
        s.to = to;
        plant.streams.push_back(s);
    };
    while (int(plant.streams.size()) < streamCount) {
        const int group = units / 6;
        const std::string groupId = "G" + std::to_string(group);
        if (units % 6 == 0)
            plant.nodes.push_back(
                {groupId, "workshop " + std::to_string(group), NodeKind::Group, "", std::nullopt, "", {}});
        const std::string unit = "U" + std::to_string(units);
        plant.nodes.push_back({unit,
                               "unit " + std::to_string(units),
                               NodeKind::Unit,
                               groupId,
                               std::nullopt,
                               units % 3 == 0 ? "cooling" : "process",
                               {}});
        addStream(units % 2 ? "W1" : "W2", unit); // intake
        addStream(unit, unit);                    // circulation
        plant.streams.back().declaredType = StreamType::Recycle;
        addStream(unit, units % 3 == 0 ? "E" : "D"); // out
        if (units % 6 != 0)                          // cascade from the previous unit
            addStream("U" + std::to_string(units - 1), unit);
        ++units;
    }
    // Totalizers on every other stream, read at 08:00 and 20:00 for three days.
    for (std::size_t i = 0; i < plant.streams.size(); i += 2) {
        Meter m;
        m.id = "M" + std::to_string(i + 1);
        m.stream = plant.streams[i].id;
        m.unit = "m3";
        m.mpe = 0.02;
        m.calibrationDue = "2027-06-30";
        plant.meters.push_back(m);
        double register_ = 1000 * flow(rng);
        const double q = flow(rng);
        for (int k = 0; k < 6; ++k) {
            const int day = 1 + k / 2;
            const std::string time =
                "2026-06-0" + std::to_string(day) + (k % 2 ? "T20:00:00+08:00" : "T08:00:00+08:00");
            plant.readings.push_back({m.id, time, register_, "", "", "", "", {}});
            register_ += 12 * q * (1 + 0.01 * (flow(rng) - 27.5) / 22.5);
        }
    }
    return plant;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 7;
    int streams = 300;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--streams"))
            streams = std::max(8, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("bench.shuiheng"));
    {
        const Plant plant = generatedPlant(streams);
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
                median(open));
    std::printf("  ... and its balance + indicators ready   median %7.1f ms\n", median(analysis));

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
                median(firstFrame));
    std::printf("  opening the project inside the app       median %7.1f ms\n", median(appOpen));
    std::printf("  start to balance + indicators shown      median %7.1f ms\n", median(ready));
    std::printf(
        "resident memory, project open (app)        median %7.1f MB  (target <= 250 MB; peak %.1f MB)\n",
        median(rss), median(peak));
    std::printf("(%d runs each; load average at the end: ", runs);
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        std::printf("%s", load.readAll().trimmed().constData());
    std::printf(")\n");
    return 0;
}
