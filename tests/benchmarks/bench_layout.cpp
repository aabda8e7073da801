// Benchmark of the water-balance diagram's automatic layout (issue 6 target: a 300-stream plant in
// ≤ 500 ms). Prints its figures; not part of ctest.
//   bench_layout [--quick]
// Median over repeated layouts (Graphviz dot, then reading the result back), single thread.

#include "layout/diagram_layout.h"
#include "layout/pinned_position.h"
#include "layout/svg_writer.h"
#include "network_plants.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <vector>

using namespace shuiheng;
using Clock = std::chrono::steady_clock;

namespace {

double medianMs(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 3 : 11;
    fmt::print("bench_layout: median of {} runs each\n", runs);
    for (const std::size_t streams : {50u, 150u, 300u, 600u}) {
        Plant plant = layout::test::plantWithStreams(6, streams);
        layout::DiagramLayout result;
        const double ms = medianMs(runs, [&] { result = layout::layoutPlant(plant); });
        fmt::print("  {:4} streams, {:3} units, {:2} frames: layout {:7.1f} ms{}\n", plant.streams.size(),
                   result.nodes.size(), result.groups.size(), ms,
                   streams == 300
                       ? (ms <= 500 ? "   (target <= 500 ms: met)" : "   (target <= 500 ms: MISSED)")
                       : "");
        if (streams == 300) {
            // The editor's case: one node nudged, the whole diagram laid out again, plus the SVG.
            for (Node& n : plant.nodes)
                if (n.id == "U3")
                    layout::setPinnedPosition(n, layout::Point{400, 300});
            const double pinned = medianMs(runs, [&] { result = layout::layoutPlant(plant); });
            std::string svg;
            const double svgMs = medianMs(runs, [&] { svg = layout::toSvg(result); });
            fmt::print("  {:4} streams with a pinned node: layout {:7.1f} ms; SVG {:5.1f} ms ({} kB)\n",
                       plant.streams.size(), pinned, svgMs, svg.size() / 1024);
        }
    }
    return 0;
}
