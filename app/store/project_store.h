#pragma once
// The project store: one SQLite file per project (.shuiheng) holding the plant, meters, campaigns,
// readings, attachments, production data and results, with the history of every change.
// docs/store.md describes the file; every method returns a Status or a Result (no exceptions).
//
// A ProjectStore is one connection: use it from one thread. Two stores (or two programs) may have the
// same file open; a writer waits for another up to the busy timeout, then gets ErrorKind::Busy.

#include "model/plant.h"
#include "store/records.h"
#include "store/status.h"

#include <QByteArray>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace shuiheng::store {

class Database;

struct OpenOptions {
    bool readOnly = false;    ///< read without ever writing (a file on read-only media works too)
    int busyTimeoutMs = 5000; ///< how long a writer waits for another before giving up
    bool upgrade = true;      ///< migrate an older schema (needs write access)
};

/// Where imported readings go and how the change is recorded.
struct ImportOptions {
    std::string campaign;   ///< campaign id; empty: one holding all the readings' times, else a new one
    std::string source;     ///< the file's name, for the log and a new campaign's name
    std::string reason;     ///< recorded with the change
    bool returnIds = false; ///< fill ImportReport::ids
};

/// Which readings to list.
struct ReadingFilter {
    std::string meter;    ///< empty: all meters
    std::string campaign; ///< empty: all campaigns
    bool includeDeleted = false;
};

class ProjectStore {
public:
    ProjectStore();
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    /// Creates a new project file at `path` (which must not exist) and opens it. The file appears
    /// complete or not at all.
    Status create(const std::string& path, const ProjectMeta& meta, const Actor& actor,
                  const OpenOptions& options = {});

    /// Opens an existing project file. A file that is not a project, is damaged, or was written by a
    /// newer Shuiheng is refused and left untouched.
    Status open(const std::string& path, const OpenOptions& options = {});
    void close();
    bool isOpen() const;
    const std::string& path() const { return path_; }
    bool readOnly() const { return readOnly_; }

    Result<ProjectMeta> meta();
    Status setMeta(const std::string& name, const std::string& enterprise, const Actor& actor,
                   const std::string& reason);

    // --- The plant -------------------------------------------------------------------------------

    /// Makes the project's plant equal to `plant` (which must be valid): changed nodes, streams and
    /// meters get a new version, those no longer in the file are marked deleted (meters only when the
    /// file lists meters). Readings are added (those already present skipped), production data goes
    /// to the campaign of the readings.
    Result<ImportReport> importPlant(const Plant& plant, const Actor& actor,
                                     const ImportOptions& options = {});

    /// The plant as a plant file holds it: nodes, streams, meters, the current readings (of one
    /// campaign, or all) in the order entered, and production data (of that campaign, or of the
    /// latest campaign that has some).
    Result<Plant> exportPlant(const std::string& campaignId = {});

    // --- Plant edits (the plant editor; docs/editor.md) ------------------------------------------

    /// The plant's name, flow unit, nodes, streams and meters (no readings or production): what the
    /// editor shows, fast whatever the number of readings. It may be a draft that does not validate.
    Result<Plant> plantStructure();

    /// One edit of the plant, committed before it returns: `change` is applied to the current structure
    /// (as plantStructure gives it; meters are read for reference and never written here)
    /// (read under the write lock, so another program's changes are not lost), the result is stored
    /// valid or not (a draft; only empty or repeated ids are refused), every changed node and stream
    /// gets a new version, and the edit goes into the journal that undo and redo use. `summary` names
    /// it in the history ("add node U3"). An edit that changes nothing writes nothing.
    Result<PlantEditOutcome> editPlant(const std::function<Status(Plant&)>& change,
                                       const std::string& summary, const Actor& actor);
    /// Takes back the latest edit not yet undone (as a new change: history is never rewritten).
    Result<PlantEditOutcome> undoPlantEdit(const Actor& actor);
    /// Does again the latest edit undone, unless a new edit came after it.
    Result<PlantEditOutcome> redoPlantEdit(const Actor& actor);
    /// What undo and redo would do now.
    Result<PlantEditState> plantEditState();

    // --- Readings --------------------------------------------------------------------------------

    /// Adds one reading, committed before it returns. Plausibility warnings come back and are recorded
    /// with `entry.reason`; they never block.
    Result<AddedReading> addReading(const NewReading& entry, const Actor& actor);

    /// Adds many readings in one transaction (all or none), checked as addReading checks them.
    Result<ImportReport> addReadings(const std::vector<NewReading>& entries, const Actor& actor,
                                     const ImportOptions& options = {});

    /// A new version of the reading with `newValue`; the original stays. `reason` is required.
    Result<std::vector<campaign::ReadingCheck>> editReading(const std::string& id, double newValue,
                                                            const std::string& reason, const Actor& actor);
    /// The same with a new photo of the register where one is given (stored once by SHA-256, like
    /// addReading's): a new version when the value or the photo changes.
    Result<std::vector<campaign::ReadingCheck>> editReading(const std::string& id, const ReadingEdit& edit,
                                                            const Actor& actor);

    /// What addReading (or, with `replacing`, editReading of that reading) would warn about
    /// `candidate`, without writing anything: the same checks on the same history. NotFound for an
    /// unknown meter, InvalidInput for a time that is not ISO with offset.
    Result<std::vector<campaign::ReadingCheck>> checkReading(const Reading& candidate,
                                                             const std::string& replacing = {});

    /// Marks the reading deleted (it stays in the history). `reason` is required.
    Status deleteReading(const std::string& id, const std::string& reason, const Actor& actor);

    /// Current readings, in the order entered.
    Result<std::vector<StoredReading>> readings(const ReadingFilter& filter = {});
    Result<StoredReading> reading(const std::string& id);
    Result<std::vector<RecordedWarning>> warnings(const std::string& readingId = {});

    // --- Campaigns, production, attachments, results ---------------------------------------------

    Result<std::string> addCampaign(const Campaign& campaign, const Actor& actor);
    Status updateCampaign(const Campaign& campaign, const Actor& actor, const std::string& reason);
    Result<std::vector<Campaign>> campaigns();

    /// Records that `skip.meter` was not read in the round `skip.round`, committed before it returns;
    /// the reason is required. Returns the skip's id.
    Result<std::string> skipReading(const SkippedReading& skip, const Actor& actor);
    /// The skips recorded (of one campaign, or all), oldest first.
    Result<std::vector<SkippedReading>> skippedReadings(const std::string& campaignId = {});

    Status setProduction(const std::string& campaignId, const ProductionData& data, const Actor& actor,
                         const std::string& reason = {});
    Result<std::optional<ProductionData>> production(const std::string& campaignId);

    /// Stores bytes once by SHA-256 (hex); returns the hash.
    Result<std::string> addAttachment(const QByteArray& bytes, const std::string& mediaType,
                                      const Actor& actor);
    Result<QByteArray> attachment(const std::string& sha256);

    Result<std::string> saveResult(const std::string& campaignId, const std::string& kind,
                                   const std::string& json, const Actor& actor);
    Result<std::vector<StoredResult>> results(const std::string& campaignId = {});

    // --- History ---------------------------------------------------------------------------------

    /// Every version and change of an entity: type project, node, stream, meter, campaign, production
    /// or reading; an empty type finds the id in any of them.
    Result<std::vector<HistoryEntry>> history(const std::string& entityType, const std::string& entityId);

    /// The project's log: every change, oldest first.
    Result<std::vector<ChangeRecord>> changes();

    // --- The file --------------------------------------------------------------------------------

    /// The engine's full consistency check.
    Status checkIntegrity();

    /// A consistent, self-contained copy of the whole project (attachments inside) at `target`, which
    /// must not exist; written beside it first and renamed, so it appears complete or not at all.
    Status exportBundle(const std::string& target);

private:
    Status requireOpen(bool write) const;
    Result<std::string> projectId();

    std::unique_ptr<Database> db_;
    std::string path_;
    bool readOnly_ = false;
};

} // namespace shuiheng::store
