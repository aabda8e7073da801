// shuiheng-cli project new|import|export|history|bundle|check|campaign: project files (.shuiheng).
// docs/store.md describes the file; docs/cli.md the commands.

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/store_support.h"
#include "cli/text_table.h"

#include <QFileInfo>
#include <QString>
#include <fmt/format.h>
#include <iostream>
#include <sstream>

namespace shuiheng::cli {
namespace {

struct ProjectArgs {
    std::string file;
    std::string other; // the plant file, output file or bundle
    std::string name;
    std::string enterprise;
    std::string plant;
    std::string campaign;
    std::string reason;
    std::string entity;
    std::string start;
    std::string end;
    std::vector<std::string> rounds;
    std::string note;
    ActorArgs actor;
};

std::string baseName(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

/// Opens the project or reports why not (status set).
bool openProject(store::ProjectStore& project, const std::string& path, bool readOnly, int& status) {
    store::OpenOptions options;
    options.readOnly = readOnly;
    options.busyTimeoutMs = busyTimeoutMs();
    if (store::Status s = project.open(path, options); !s) {
        status = reportStoreFailure(s, std::cerr, path);
        return false;
    }
    return true;
}

void printImport(const store::ImportReport& report, const std::string& what, std::ostream& out) {
    out << fmt::format("{}: {} plant records written (new or changed), {} marked deleted, {} readings added",
                       what, report.entitiesChanged, report.entitiesDeleted, report.readingsAdded);
    if (report.readingsSkipped)
        out << fmt::format(" ({} already present, skipped)", report.readingsSkipped);
    if (!report.campaign.empty())
        out << " to campaign " << report.campaign;
    out << '\n';
    for (const std::string& w : report.warnings)
        std::cerr << "warning: " << w << " (recorded)\n";
    if (report.warningCount > static_cast<int>(report.warnings.size()))
        std::cerr << fmt::format("... {} plausibility warnings in all, recorded with the readings\n",
                                 report.warningCount);
}

int runNew(const ProjectArgs& a) {
    std::optional<Plant> plant;
    if (!a.plant.empty()) {
        plant = loadPlantOrReport(a.plant, std::cerr);
        if (!plant)
            return exitInvalidInput;
    }
    store::ProjectStore project;
    store::OpenOptions options;
    options.busyTimeoutMs = busyTimeoutMs();
    if (store::Status s = project.create(a.file, {"", a.name, a.enterprise, "", 0}, a.actor.actor(), options);
        !s)
        return reportStoreFailure(s, std::cerr, a.file);
    if (plant) {
        store::ImportOptions io;
        io.source = baseName(a.plant);
        auto report = project.importPlant(*plant, a.actor.actor(), io);
        if (!report) {
            // The project exists but is empty: say so rather than leave it unexplained.
            std::cerr << a.file << ": created, but the plant could not be imported:\n";
            return reportStoreFailure(report.status(), std::cerr, a.file);
        }
        printImport(*report, "imported " + a.plant, std::cout);
    }
    auto meta = project.meta();
    std::cout << "created " << a.file << " (project " << (meta ? meta->id : std::string("?")) << ")\n";
    return exitOk;
}

int runImport(const ProjectArgs& a) {
    const auto plant = loadPlantOrReport(a.other, std::cerr);
    if (!plant)
        return exitInvalidInput;
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, false, status))
        return status;
    store::ImportOptions options;
    options.campaign = a.campaign;
    options.source = baseName(a.other);
    options.reason = a.reason;
    auto report = project.importPlant(*plant, a.actor.actor(), options);
    if (!report)
        return reportStoreFailure(report.status(), std::cerr, a.file);
    printImport(*report, "imported " + a.other, std::cout);
    return exitOk;
}

int runExport(const ProjectArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, true, status))
        return status;
    auto plant = project.exportPlant(a.campaign);
    if (!plant)
        return reportStoreFailure(plant.status(), std::cerr, a.file);
    if (a.other == "-") {
        std::cout << toPlantJson(*plant);
        return exitOk;
    }
    if (const std::string error = savePlantFile(a.other, *plant); !error.empty()) {
        std::cerr << a.other << ": " << error << '\n';
        return exitInternal;
    }
    std::cout << fmt::format("exported {} nodes, {} streams, {} meters, {} readings to {}\n",
                             plant->nodes.size(), plant->streams.size(), plant->meters.size(),
                             plant->readings.size(), a.other);
    return exitOk;
}

std::string valueText(const std::optional<std::string>& v) {
    return v ? *v : std::string("∅");
}

int runHistory(const ProjectArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, true, status))
        return status;
    if (a.entity.empty()) {
        auto changes = project.changes();
        if (!changes)
            return reportStoreFailure(changes.status(), std::cerr, a.file);
        TextTable table({"when (UTC)", "who", "device", "action", "detail", "reason"});
        for (const store::ChangeRecord& c : *changes)
            table.addRow({c.at, c.who, c.device, c.action, c.detail, c.reason});
        table.print(std::cout);
        return exitOk;
    }
    std::string type, id = a.entity;
    if (const auto colon = a.entity.find(':'); colon != std::string::npos) {
        type = a.entity.substr(0, colon);
        id = a.entity.substr(colon + 1);
    } else if (a.entity == "project") {
        type = "project";
        id.clear();
    }
    auto entries = project.history(type, id);
    if (!entries)
        return reportStoreFailure(entries.status(), std::cerr, a.file);
    TextTable table(
        {"when (UTC)", "who", "device", "entity", "version", "what", "field", "old", "new", "reason"},
        {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
         TextTable::Align::Right});
    for (const store::HistoryEntry& e : *entries) {
        const bool created = e.what == "created";
        table.addRow({e.at, e.who, e.device, e.entityType + " " + e.entityId, std::to_string(e.version),
                      e.what, e.field, created ? "" : valueText(e.oldValue), valueText(e.newValue),
                      e.reason});
    }
    table.print(std::cout);
    return exitOk;
}

int runBundle(const ProjectArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, true, status))
        return status;
    if (store::Status s = project.exportBundle(a.other); !s)
        return reportStoreFailure(s, std::cerr, a.file);
    std::cout << "wrote " << a.other << ": a complete, checked copy of the project (attachments included)\n";
    return exitOk;
}

int runCheck(const ProjectArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, true, status))
        return status;
    if (store::Status s = project.checkIntegrity(); !s)
        return reportStoreFailure(s, std::cerr, a.file);
    auto meta = project.meta();
    auto readings = project.readings();
    if (!meta || !readings)
        return reportStoreFailure(!meta ? meta.status() : readings.status(), std::cerr, a.file);
    std::cout << fmt::format("{}: ok (project '{}', schema version {}, {} readings)\n", a.file, meta->name,
                             meta->schemaVersion, readings->size());
    return exitOk;
}

int runCampaign(const ProjectArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    const bool adding = !a.name.empty();
    if (!openProject(project, a.file, !adding, status))
        return status;
    if (adding) {
        store::Campaign c;
        c.name = a.name;
        c.windowStart = a.start;
        c.windowEnd = a.end;
        c.roundTimes = a.rounds;
        c.note = a.note;
        auto id = project.addCampaign(c, a.actor.actor());
        if (!id)
            return reportStoreFailure(id.status(), std::cerr, a.file);
        std::cout << *id << '\n';
        return exitOk;
    }
    auto campaigns = project.campaigns();
    if (!campaigns)
        return reportStoreFailure(campaigns.status(), std::cerr, a.file);
    TextTable table({"id", "name", "window start", "window end", "rounds", "planned"});
    for (const store::Campaign& c : *campaigns) {
        std::string rounds;
        for (const std::string& r : c.roundTimes)
            rounds += (rounds.empty() ? "" : ",") + r;
        table.addRow({c.id, c.name, c.windowStart, c.windowEnd, rounds,
                      std::to_string(store::plannedRounds(c).size())});
    }
    table.print(std::cout);
    return exitOk;
}

} // namespace

void addProjectCommand(CLI::App& app, int& status) {
    auto* project =
        app.add_subcommand("project", "Project files (.shuiheng): create, import, export, history");
    project->require_subcommand(1);
    auto args = std::make_shared<ProjectArgs>();
    auto bind = [&status, args](CLI::App* cmd, int (*run)(const ProjectArgs&)) {
        cmd->callback([&status, args, run] { status = run(*args); });
    };

    auto* create = project->add_subcommand("new", "Create a project file");
    create->add_option("FILE", args->file, "the new project file (.shuiheng)")->required();
    create->add_option("--name", args->name, "the project's name")->required();
    create->add_option("--enterprise", args->enterprise, "the enterprise tested");
    create->add_option("--plant", args->plant, "a plant file to import at once");
    addActorOptions(*create, args->actor);
    bind(create, runNew);

    auto* import = project->add_subcommand("import", "Import a plant file (with or without campaign data)");
    import->add_option("FILE", args->file, "project file")->required();
    import->add_option("PLANT", args->other, "plant file (JSON)")->required();
    import->add_option("--campaign", args->campaign,
                       "campaign id for the readings (default: one that holds "
                       "their times, else a new one)");
    import->add_option("--reason", args->reason, "why, for the history");
    addActorOptions(*import, args->actor);
    bind(import, runImport);

    auto* exportCmd = project->add_subcommand("export", "Export the project's plant to a plant file");
    exportCmd->add_option("FILE", args->file, "project file")->required();
    exportCmd->add_option("OUT", args->other, "plant file to write (- for standard output)")->required();
    exportCmd->add_option("--campaign", args->campaign, "only this campaign's readings and production data");
    bind(exportCmd, runExport);

    auto* history = project->add_subcommand("history", "The project's log, or the history of one entity");
    history->add_option("FILE", args->file, "project file")->required();
    history->add_option("--entity", args->entity,
                        "TYPE:ID (project, node, stream, meter, campaign, production, reading) or just ID");
    bind(history, runHistory);

    auto* bundle =
        project->add_subcommand("bundle", "Write a complete, checked copy of the project for handing over");
    bundle->add_option("FILE", args->file, "project file")->required();
    bundle->add_option("OUT", args->other, "the copy to write (must not exist)")->required();
    bind(bundle, runBundle);

    auto* check = project->add_subcommand("check", "Run the full consistency check of a project file");
    check->add_option("FILE", args->file, "project file")->required();
    bind(check, runCheck);

    auto* campaign = project->add_subcommand("campaign", "List the campaigns, or add one with --name");
    campaign->add_option("FILE", args->file, "project file")->required();
    campaign->add_option("--name", args->name, "add a campaign of this name");
    campaign->add_option("--start", args->start, "test window start, e.g. 2026-06-01T08:00:00+08:00");
    campaign->add_option("--end", args->end, "test window end");
    campaign->add_option("--rounds", args->rounds, "daily reading rounds, e.g. 08:00,20:00")->delimiter(',');
    campaign->add_option("--note", args->note, "a note");
    addActorOptions(*campaign, args->actor);
    bind(campaign, runCampaign);
}

} // namespace shuiheng::cli
