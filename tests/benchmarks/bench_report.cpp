// bench_report: the report of a 300-stream project with campaign data (target ≤ 3 s) and a package's
// signing and verification (target ≤ 1 s). Prints medians; run by hand (docs/report.md).
//
// The plant: core/layout's test plant of about 300 streams, each measured stream turned into a
// flow-rate meter with three readings around its value, so the report holds every table, both
// diagrams, the Sankey diagram and an appendix of readings.

#include "io/plant_file.h"
#include "network_plants.h"
#include "report/package.h"
#include "report/prepared_report.h"
#include "report/report_pdf.h"
#include "report/xlsx_export.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <vector>

namespace {

using namespace shuiheng;

double medianMs(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int k = 0; k < runs; ++k) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Every measured stream read by a flow-rate meter three times, a day apart.
Plant withCampaign(Plant plant) {
    int k = 0;
    for (Stream& s : plant.streams) {
        if (!s.measurement)
            continue;
        const double value = s.measurement->value;
        s.measurement.reset();
        Meter m;
        m.id = fmt::format("M{}", ++k);
        m.stream = s.id;
        m.kind = MeterKind::Flowrate;
        m.unit = plant.flowUnit;
        m.mpe = 0.02;
        m.level = 2;
        plant.meters.push_back(m);
        for (int day = 1; day <= 3; ++day)
            plant.readings.push_back({m.id,
                                      fmt::format("2026-06-0{}T08:00:00+08:00", day),
                                      value * (1 + 0.01 * (day - 2)),
                                      "bench",
                                      "",
                                      "",
                                      "",
                                      {}});
    }
    return plant;
}

const char* verdict(double ms, double target) {
    return ms <= target ? "met" : "MISSED";
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 3 : 7;
    QTemporaryDir dir;
    const Plant plant = withCampaign(layout::test::plantWithStreams(6, 300));
    const std::string plantPath = dir.filePath("plant.json").toStdString();
    if (const std::string error = savePlantFile(plantPath, plant); !error.empty()) {
        fmt::print("cannot write the plant: {}\n", error);
        return 1;
    }
    fmt::print("bench_report: {} streams, {} meters, {} readings; median of {} runs\n", plant.streams.size(),
               plant.meters.size(), plant.readings.size(), runs);

    report::ResultOptions options;
    options.quotaDir = SHUIHENG_DATA_DIR "/quotas";
    std::string error;
    std::optional<report::PreparedReport> prepared;
    const double prepare =
        medianMs(runs, [&] { prepared = report::prepareReport(plantPath, "zh", {}, options, error); });
    if (!prepared) {
        fmt::print("cannot prepare: {}\n", error);
        return 1;
    }
    report::ReportOutput output;
    const double pdf = medianMs(runs, [&] { output = report::makeReport(*prepared, "2026-07-01"); });
    fmt::print("  read + balance + indicators + benchmark: {:7.1f} ms\n", prepare);
    fmt::print("  report PDF ({} pages, {} kB):           {:7.1f} ms\n", output.pages.pageCount,
               output.pdf.size() / 1024, pdf);
    fmt::print("  report of a 300-stream project in all:   {:7.1f} ms   (target <= 3000 ms: {})\n",
               prepare + pdf, verdict(prepare + pdf, 3000));
    // The steps of the last run (the contents pass and the final pass added up).
    const report::ReportTimings& t = output.timings;
    fmt::print("    data + HTML {:.0f} ms, diagrams {:.0f} ms, HTML read {:.0f} ms, layout {:.0f} ms, "
               "painting + PDF {:.0f} ms\n",
               t.data, t.figures, t.typeset.read, t.typeset.flow, t.typeset.paint);
    if (const char* path = std::getenv("BENCH_REPORT_PDF")) { // to look at the pages
        QFile file(QString::fromLocal8Bit(path));
        if (file.open(QIODevice::WriteOnly))
            file.write(output.pdf);
    }
    const std::string xlsx = dir.filePath("tables.xlsx").toStdString();
    const double sheet = medianMs(
        runs, [&] { report::exportXlsx(xlsx, prepared->source, prepared->results, prepared->texts.words); });
    fmt::print("  spreadsheet:                             {:7.1f} ms\n", sheet);

    const std::string secret = dir.filePath("agency.key").toStdString(),
                      pub = dir.filePath("agency.pub").toStdString();
    report::generateKeyPair(secret, pub, "bench");
    const auto key = report::readKey(secret, true, error);
    const auto trusted = report::readKey(pub, false, error);
    const std::vector<report::PackageFile> files = {{"report.pdf", output.pdf.toStdString()},
                                                    {"data/plant.json", toPlantJson(prepared->source.plant)},
                                                    {"application.json", std::string(2000, 'a')}};
    int n = 0;
    bool ok = true;
    const double pack = medianMs(runs, [&] {
        const std::string target = dir.filePath(QString("package-%1").arg(++n)).toStdString();
        report::writePackage(target, files, *key, "2026-07-01T00:00:00Z");
        ok = ok && report::verifyPackage(target, trusted).ok;
    });
    fmt::print("  package ({} kB) + verify:               {:7.1f} ms   (target <= 1000 ms: {}){}\n",
               (output.pdf.size() + files[1].bytes.size()) / 1024, pack, verdict(pack, 1000),
               ok ? "" : "  VERIFY FAILED");
    return 0;
}
