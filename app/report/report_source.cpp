#include "report/report_source.h"

#include "io/plant_file.h"
#include "store/project_store.h"
#include "validation/validate_plant.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace shuiheng::report {
namespace {

using Json = nlohmann::json;

bool looksLikeProject(const std::string& path) {
    if (path.ends_with(".shuiheng"))
        return true;
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return in.gcount() == 16 && std::string(head, 15) == "SQLite format 3";
}

std::string firstError(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            return d.toString();
    return {};
}

/// A project file: its plant (all campaigns' readings), name, enterprise and the latest window.
std::optional<ReportSource> loadProject(const std::string& path, std::string& error) {
    store::ProjectStore project;
    store::OpenOptions options;
    options.readOnly = true;
    if (const store::Status status = project.open(path, options); !status) {
        error = status.message();
        return std::nullopt;
    }
    auto plant = project.exportPlant();
    if (!plant) {
        error = path + ": " + plant.status().message();
        return std::nullopt;
    }
    ReportSource source;
    source.plant = std::move(*plant);
    if (auto meta = project.meta()) {
        source.projectName = meta->name;
        source.enterprise = meta->enterprise;
    }
    if (auto campaigns = project.campaigns(); campaigns && !campaigns->empty()) {
        source.windowStart = campaigns->back().windowStart;
        source.windowEnd = campaigns->back().windowEnd;
    }
    return source;
}

std::string stringField(const Json& object, const char* key, std::string& error) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (!it->is_string()) {
        error += std::string(error.empty() ? "" : "; ") + "report." + key + " is not a string";
        return {};
    }
    return it->get<std::string>();
}

void setIfEmpty(std::string& target, std::string value) {
    if (target.empty())
        target = std::move(value);
}

} // namespace

void readReportExtension(ReportSource& source, std::string& error) {
    const auto it = source.plant.extra.find("report");
    if (it == source.plant.extra.end())
        return;
    const Json j = Json::parse(it->second, nullptr, false);
    if (!j.is_object()) {
        error = "report: not an object";
        return;
    }
    setIfEmpty(source.enterprise, stringField(j, "enterprise", error));
    setIfEmpty(source.projectName, stringField(j, "project", error));
    setIfEmpty(source.address, stringField(j, "address", error));
    setIfEmpty(source.industry, stringField(j, "industry", error));
    setIfEmpty(source.agency, stringField(j, "agency", error));
    if (const auto w = j.find("window"); w != j.end() && w->is_object()) {
        setIfEmpty(source.windowStart, stringField(*w, "start", error));
        setIfEmpty(source.windowEnd, stringField(*w, "end", error));
    }
    if (const auto m = j.find("measures"); m != j.end() && m->is_array() && source.measures.empty()) {
        for (std::size_t k = 0; k < m->size(); ++k) {
            const Json& item = (*m)[k];
            if (!item.is_object()) {
                error += std::string(error.empty() ? "" : "; ") + "report.measures[" + std::to_string(k) +
                         "] is not an object";
                continue;
            }
            Measure measure;
            measure.title = stringField(item, "title", error);
            measure.note = stringField(item, "note", error);
            if (const auto s = item.find("saving"); s != item.end() && s->is_number())
                measure.saving = s->get<double>();
            source.measures.push_back(std::move(measure));
        }
    }
}

std::optional<ReportSource> loadReportSource(const std::string& path, std::string& error) {
    std::optional<ReportSource> source;
    if (looksLikeProject(path)) {
        source = loadProject(path, error);
        if (!source)
            return std::nullopt;
    } else {
        PlantFileResult file = loadPlantFile(path);
        if (!file.plant) {
            error = path + ": not a plant file: " + firstError(file.diagnostics);
            return std::nullopt;
        }
        source.emplace();
        source->plant = std::move(*file.plant);
    }
    if (const std::string problem = firstError(validatePlant(source->plant)); !problem.empty()) {
        error = path + ": the plant is not valid: " + problem;
        return std::nullopt;
    }
    source->path = path;
    std::string extensionError;
    readReportExtension(*source, extensionError);
    if (!extensionError.empty())
        error = path + ": " + extensionError; // said, not fatal
    setIfEmpty(source->enterprise, source->plant.name);
    setIfEmpty(source->projectName, source->plant.name);
    return source;
}

} // namespace shuiheng::report
