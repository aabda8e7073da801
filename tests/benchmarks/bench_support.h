#pragma once
// What bench_reading_entry needs beside the app benchmarks' generated plant
// (generated_campaign_plant.h): the median, the options, a project file made of a plant.

#include "model/plant.h"
#include "store/project_store.h"

#include <QStringList>
#include <algorithm>
#include <string>
#include <vector>

namespace shuiheng::bench {

/// The median (the upper one of an even count); -1 for none.
inline double median(std::vector<double> values) {
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// The benchmark's options: `--runs N` and `--streams N`.
struct Options {
    int runs = 7;
    int streams = 300;
};

inline Options options(const QStringList& args, Options defaults) {
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            defaults.runs = std::max(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--streams"))
            defaults.streams = std::max(8, args[i + 1].toInt());
    }
    return defaults;
}

/// A new project file at `path` holding `plant`; an empty text, or what went wrong.
inline std::string createProject(const std::string& path, const Plant& plant) {
    store::ProjectStore store;
    store::ProjectMeta meta;
    meta.name = "benchmark";
    if (const store::Status created = store.create(path, meta, {}); !created)
        return created.message();
    if (auto imported = store.importPlant(plant, {}); !imported)
        return imported.status().message();
    return {};
}

} // namespace shuiheng::bench
