// Benchmark of the plant editor on a 300-stream plant: how long a gesture takes from the call to
// the diagram shown again — the edit committed to the project file (fsync'd), the layout redone,
// the model updated. Prints its figures; not part of ctest.
//   bench_editor [--quick]

#include "network_plants.h"
#include "plant_editor.h"
#include "store/project_store.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <vector>

using namespace shuiheng;
using Clock = std::chrono::steady_clock;

namespace {

double medianMs(int runs, const std::function<void(int)>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work(i);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 3 : 11;
    QTemporaryDir dir;
    const QString file = dir.filePath("bench.shuiheng");
    const Plant plant = layout::test::plantWithStreams(6, 300);
    {
        store::ProjectStore project;
        const store::Actor actor{"bench", "bench"};
        if (!project.create(file.toStdString(), {"", "bench", "", "", 0}, actor) ||
            !project.editPlant(
                [&](Plant& p) {
                    p = plant;
                    return store::Status();
                },
                "the plant", actor)) {
            fmt::print(stderr, "bench_editor: cannot make the project\n");
            return 1;
        }
    }
    fmt::print("bench_editor: {} streams, {} nodes; median of {} runs each\n", plant.streams.size(),
               plant.nodes.size(), runs);
    const double open = medianMs(runs, [&](int) {
        PlantEditor editor;
        editor.setProjectPath(file);
    });
    fmt::print("  open the project and show its diagram: {:7.1f} ms\n", open);

    PlantEditor editor;
    editor.setProjectPath(file);
    const double move = medianMs(runs, [&](int i) { editor.moveNode("U3", 300 + 10 * i, 200); });
    fmt::print("  move a node (commit, layout, model):  {:7.1f} ms\n", move);
    const double rename =
        medianMs(runs, [&](int i) { editor.setNodeField("U4", "name", QString::number(i)); });
    fmt::print("  rename a node:                        {:7.1f} ms\n", rename);
    const double add = medianMs(runs, [&](int) { editor.addNode("unit", "process"); });
    fmt::print("  add a unit:                           {:7.1f} ms\n", add);
    const double undo = medianMs(runs, [&](int) { editor.undo(); });
    fmt::print("  undo:                                 {:7.1f} ms\n", undo);
    return editor.error().isEmpty() ? 0 : 1;
}
