// shuiheng-cli readings add|import|list|edit|delete: meter readings in a project file (.shuiheng).
// Each change is committed before the command reports it; plausibility warnings are recorded, never
// a refusal (docs/store.md).

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/store_support.h"
#include "cli/text_table.h"
#include "io/atomic_file.h"
#include "store/readings_csv.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <fmt/format.h>
#include <iostream>

namespace shuiheng::cli {
namespace {

struct ReadingsArgs {
    std::string file;
    std::string csv;
    std::string id;
    std::string meter;
    double value = 0;
    std::string time;
    std::string note;
    std::string photo;
    std::string campaign;
    std::string reason;
    std::string offset;
    bool asCsv = false;
    bool deleted = false;
    ActorArgs actor;
};

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

/// The photo file's bytes and media type (by its name, else by its bytes); false, said on stderr, when
/// it cannot be read. No file named: true, nothing read.
bool readPhoto(const std::string& path, QByteArray& bytes, std::string& mediaType) {
    if (path.empty())
        return true;
    QFile photo(QString::fromStdString(path));
    if (!photo.open(QIODevice::ReadOnly)) {
        std::cerr << path << ": cannot be read: " << photo.errorString().toStdString() << '\n';
        return false;
    }
    bytes = photo.readAll();
    mediaType = QMimeDatabase().mimeTypeForFileNameAndData(photo.fileName(), bytes).name().toStdString();
    return true;
}

int runAdd(const ReadingsArgs& a) {
    store::NewReading entry;
    entry.reading.meter = a.meter;
    entry.reading.time = a.time;
    entry.reading.value = a.value;
    entry.reading.technician = a.actor.who;
    entry.reading.device = a.actor.device;
    entry.reading.note = a.note;
    entry.campaign = a.campaign;
    entry.reason = a.reason;
    if (!readPhoto(a.photo, entry.photo, entry.photoType))
        return exitInvalidInput;
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, false, status))
        return status;
    auto added = project.addReading(entry, a.actor.actor());
    if (!added)
        return reportStoreFailure(added.status(), std::cerr, a.file);
    std::cout << added->id << '\n';
    for (const campaign::ReadingCheck& w : added->warnings)
        std::cerr << "warning: " << w.message << (a.reason.empty() ? "" : " — recorded with: " + a.reason)
                  << '\n';
    return exitOk;
}

int runImport(const ReadingsArgs& a) {
    std::string error;
    const auto text = readWholeFile(a.csv, error);
    if (!text) {
        std::cerr << a.csv << ": " << error << '\n';
        return exitInvalidInput;
    }
    const store::CsvReadings parsed = store::parseReadingsCsv(*text, a.offset);
    for (const std::string& note : parsed.notes)
        std::cerr << a.csv << ": note: " << note << '\n';
    if (!parsed.errors.empty()) {
        for (const std::string& e : parsed.errors)
            std::cerr << a.csv << ": " << e << '\n';
        std::cerr << a.csv
                  << fmt::format(": not imported ({} problems); nothing was changed\n", parsed.errors.size());
        return exitInvalidInput;
    }
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, false, status))
        return status;
    std::vector<store::NewReading> entries;
    entries.reserve(parsed.readings.size());
    for (const Reading& r : parsed.readings) {
        store::NewReading e;
        e.reading = r;
        entries.push_back(std::move(e));
    }
    store::ImportOptions options;
    options.campaign = a.campaign;
    options.source = QFileInfo(QString::fromStdString(a.csv)).fileName().toStdString();
    options.reason = a.reason;
    auto report = project.addReadings(entries, a.actor.actor(), options);
    if (!report) {
        std::cerr << a.csv << ": not imported; nothing was changed:\n";
        return reportStoreFailure(report.status(), std::cerr, a.file);
    }
    std::cout << fmt::format("imported {}: {} readings added", a.csv, report->readingsAdded);
    if (report->readingsSkipped)
        std::cout << fmt::format(", {} already present (skipped)", report->readingsSkipped);
    std::cout << '\n';
    for (const std::string& w : report->warnings)
        std::cerr << "warning: " << w << " (recorded)\n";
    if (report->warningCount > static_cast<int>(report->warnings.size()))
        std::cerr << fmt::format("... {} plausibility warnings in all, recorded with the readings\n",
                                 report->warningCount);
    return exitOk;
}

int runList(const ReadingsArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, true, status))
        return status;
    store::ReadingFilter filter;
    filter.meter = a.meter;
    filter.campaign = a.campaign;
    filter.includeDeleted = a.deleted;
    auto readings = project.readings(filter);
    if (!readings)
        return reportStoreFailure(readings.status(), std::cerr, a.file);
    if (a.asCsv) {
        std::vector<Reading> plain;
        plain.reserve(readings->size());
        for (const store::StoredReading& r : *readings)
            plain.push_back(r.reading);
        std::cout << store::readingsToCsv(plain);
        return exitOk;
    }
    TextTable table({"id", "meter", "time", "value", "technician", "device", "note", "version"},
                    {TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Right});
    for (const store::StoredReading& r : *readings)
        table.addRow({r.id, r.reading.meter, r.reading.time, fmt::format("{}", r.reading.value),
                      r.reading.technician, r.reading.device, r.reading.note, std::to_string(r.version)});
    table.print(std::cout);
    return exitOk;
}

int runEdit(const ReadingsArgs& a) {
    store::ReadingEdit edit;
    edit.value = a.value;
    edit.reason = a.reason;
    if (!readPhoto(a.photo, edit.photo, edit.photoType))
        return exitInvalidInput;
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, false, status))
        return status;
    auto warnings = project.editReading(a.id, edit, a.actor.actor());
    if (!warnings)
        return reportStoreFailure(warnings.status(), std::cerr, a.file);
    std::cout << "reading " << a.id << " now reads " << fmt::format("{}", a.value)
              << " (the earlier value stays in its history)\n";
    for (const campaign::ReadingCheck& w : *warnings)
        std::cerr << "warning: " << w.message << " (recorded)\n";
    return exitOk;
}

int runDelete(const ReadingsArgs& a) {
    store::ProjectStore project;
    int status = exitOk;
    if (!openProject(project, a.file, false, status))
        return status;
    if (store::Status s = project.deleteReading(a.id, a.reason, a.actor.actor()); !s)
        return reportStoreFailure(s, std::cerr, a.file);
    std::cout << "reading " << a.id << " marked deleted (it stays in the history)\n";
    return exitOk;
}

} // namespace

void addReadingsCommand(CLI::App& app, int& status) {
    auto* readings =
        app.add_subcommand("readings", "Meter readings in a project file: add, import, list, edit");
    readings->require_subcommand(1);
    auto args = std::make_shared<ReadingsArgs>();
    auto bind = [&status, args](CLI::App* cmd, int (*run)(const ReadingsArgs&)) {
        cmd->callback([&status, args, run] { status = run(*args); });
    };

    auto* add = readings->add_subcommand("add", "Add one reading (committed before the id is printed)");
    add->add_option("FILE", args->file, "project file")->required();
    add->add_option("--meter", args->meter, "meter id")->required();
    add->add_option("--value", args->value, "the register value (totalizer) or the flow (flowrate)")
        ->required();
    add->add_option("--time", args->time, "ISO time with offset (default: now)");
    add->add_option("--note", args->note, "a note kept with the reading");
    add->add_option("--photo", args->photo, "a photo of the register, stored in the project");
    add->add_option("--campaign", args->campaign,
                    "campaign id (default: the one whose window holds the time)");
    add->add_option("--reason", args->reason, "why an implausible value is right; recorded with any warning");
    addActorOptions(*add, args->actor);
    bind(add, runAdd);

    auto* import = readings->add_subcommand("import", "Import readings from CSV (all or nothing)");
    import->add_option("FILE", args->file, "project file")->required();
    import->add_option("CSV", args->csv, "CSV file: meter,time,value,technician,device,note")->required();
    import->add_option("--offset", args->offset, "UTC offset for times written without one, e.g. +08:00");
    import->add_option("--campaign", args->campaign, "campaign id for all the readings");
    import->add_option("--reason", args->reason, "recorded with the change and any warning");
    addActorOptions(*import, args->actor);
    bind(import, runImport);

    auto* list = readings->add_subcommand("list", "List the current readings in the order entered");
    list->add_option("FILE", args->file, "project file")->required();
    list->add_option("--meter", args->meter, "only this meter");
    list->add_option("--campaign", args->campaign, "only this campaign");
    list->add_flag("--csv", args->asCsv, "as CSV (the columns readings import takes)");
    list->add_flag("--deleted", args->deleted, "include readings marked deleted");
    bind(list, runList);

    auto* edit =
        readings->add_subcommand("edit", "Correct a reading's value; the original stays in its history");
    edit->add_option("FILE", args->file, "project file")->required();
    edit->add_option("ID", args->id, "reading id")->required();
    edit->add_option("--value", args->value, "the corrected value")->required();
    edit->add_option("--reason", args->reason, "why (required)")->required();
    edit->add_option("--photo", args->photo, "a new photo of the register, stored in the project");
    addActorOptions(*edit, args->actor);
    bind(edit, runEdit);

    auto* remove = readings->add_subcommand("delete", "Mark a reading deleted; it stays in its history");
    remove->add_option("FILE", args->file, "project file")->required();
    remove->add_option("ID", args->id, "reading id")->required();
    remove->add_option("--reason", args->reason, "why (required)")->required();
    addActorOptions(*remove, args->actor);
    bind(remove, runDelete);
}

} // namespace shuiheng::cli
