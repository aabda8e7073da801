#pragma once
// The plain structs the project store hands out and takes in.

#include "campaign/reading_checks.h"
#include "model/plant.h"

#include <QByteArray>
#include <optional>
#include <string>
#include <vector>

namespace shuiheng::store {

/// Who makes a change and on which device: recorded with every change.
struct Actor {
    std::string who;    ///< the technician or engineer; "" = the operating-system user
    std::string device; ///< the tablet or computer; "" = this machine's host name

    /// This machine and user, where the fields are empty.
    Actor completed() const;
};

/// The project's own data (not the plant's).
struct ProjectMeta {
    std::string id;         ///< UUID
    std::string name;       ///< the project's name, e.g. "2026 水平衡测试"
    std::string enterprise; ///< the enterprise tested
    std::string created;    ///< UTC time of creation
    int schemaVersion = 0;
};

/// A test campaign: the test window and the planned reading rounds.
struct Campaign {
    std::string id;                      ///< UUID; empty when adding
    std::string name;                    ///< e.g. "夏季测试"
    std::string windowStart;             ///< ISO time with offset; empty = open
    std::string windowEnd;               ///< ISO time with offset; empty = open
    std::vector<std::string> roundTimes; ///< local times of the daily rounds, "08:00"
    std::string note;
    std::vector<std::string> route; ///< meter ids in the order they are read; empty = the plant's order
};

/// A reading not taken in a round, with the reason (the meter was under water, locked away, ...).
struct SkippedReading {
    std::string id;       ///< UUID; set by the store
    std::string meter;    ///< the meter's id
    std::string campaign; ///< campaign id; empty: the campaign whose window holds the round
    std::string round;    ///< the planned round's time, ISO with offset
    std::string roundUtc; ///< the same in UTC (sortable text); set by the store
    std::string reason;   ///< required
    std::string at;       ///< UTC time it was recorded; set when listed
    std::string who;      ///< who recorded it; set when listed
};

/// The planned reading times: each day of the window at each round time, in the window start's
/// offset, ISO with offset. Empty when the window is open or has no rounds.
std::vector<std::string> plannedRounds(const Campaign& campaign);

/// Production data of a campaign, for the indicators.
struct ProductionData {
    double quantity = 0;               ///< product output
    std::string unit;                  ///< its unit, e.g. "t"
    std::string per;                   ///< over what period: "d", "a", ...
    std::optional<double> valueAdded;  ///< value added (工业增加值) over the same period
    std::string valueAddedUnit;        ///< e.g. "万元"
    std::optional<double> workingDays; ///< working days in the period
    std::optional<int> staff;          ///< number of staff
    ExtraFields extra;                 ///< the plant file's unknown production fields
};

/// The undo and redo stacks of the plant editor, as the journal in the project file holds them.
struct PlantEditState {
    int undoable = 0;        ///< edits that undo can take back, latest first
    int redoable = 0;        ///< undone edits that redo can do again
    std::string undoSummary; ///< what undo would take back, e.g. "add node U3"; empty if nothing
    std::string redoSummary; ///< what redo would do again; empty if nothing
};

/// The plant after an edit, undo or redo.
struct PlantEditOutcome {
    bool changed = false; ///< false: nothing to do (no edit to undo, or an edit that changed nothing)
    Plant plant;          ///< the structure now (name, flow unit, nodes, streams; meters as they are)
    PlantEditState state; ///< undo and redo after it
};

/// A reading as stored: its id, version and the campaign it belongs to.
struct StoredReading {
    std::string id;       ///< UUID, stable across edits
    int version = 1;      ///< above 1 once edited
    std::string campaign; ///< campaign id; empty when outside every campaign
    std::string timeUtc;  ///< the time in UTC (sortable text)
    std::string entered;  ///< UTC time the current version was written
    Reading reading;
};

/// A reading to add.
struct NewReading {
    Reading reading;       ///< reading.time empty: now, on this device's clock
    std::string campaign;  ///< empty: the campaign whose window holds the time, if any
    std::string reason;    ///< why an implausible value is right; recorded with any warning
    QByteArray photo;      ///< the register photo; stored once, by SHA-256, in reading.photo
    std::string photoType; ///< its media type, e.g. "image/jpeg"
};

/// A correction of a reading: its new value and, when one was taken again, a new photo of the register.
struct ReadingEdit {
    double value = 0;
    std::string reason;    ///< required
    QByteArray photo;      ///< empty: the reading keeps its photo
    std::string photoType; ///< its media type, e.g. "image/jpeg"
};

/// The acknowledgement of an added reading: it is on the disk when this exists.
struct AddedReading {
    std::string id;
    std::vector<campaign::ReadingCheck> warnings; ///< recorded with the reading, never a block
};

/// A plausibility warning recorded with a reading version.
struct RecordedWarning {
    std::string readingId;
    int version = 1;
    std::string kind; ///< below-previous, outside-expected, time-out-of-order, duplicate, not-finite
    std::string message;
    std::string reason;
};

/// What an import did.
struct ImportReport {
    std::string campaign;    ///< the campaign the readings went to (may be empty)
    int entitiesChanged = 0; ///< nodes, streams, meters, ... written as a new version
    int entitiesDeleted = 0; ///< marked deleted because the file no longer has them
    int readingsAdded = 0;
    int readingsSkipped = 0;           ///< already present: same meter, time and value
    int warningCount = 0;              ///< plausibility warnings recorded with the added readings
    std::vector<std::string> warnings; ///< the first 100 of them, in words
    std::vector<std::string> ids;      ///< ids of the added readings, in the order given
};

/// One line of an entity's history.
struct HistoryEntry {
    std::string at; ///< UTC time of the change
    std::string who;
    std::string device;
    std::string action; ///< what the change was: "import plant", "edit reading", ...
    std::string reason;
    std::string entityType; ///< project, node, stream, meter, campaign, production, reading
    std::string entityId;
    int version = 0;
    std::string what;  ///< created, changed, deleted
    std::string field; ///< the field changed ("" for created/deleted)
    std::optional<std::string> oldValue;
    std::optional<std::string> newValue;
};

/// One change of the project (one transaction), for the project log.
struct ChangeRecord {
    std::string id;
    std::string at; ///< UTC
    int offsetMinutes = 0;
    std::string who;
    std::string device;
    std::string action;
    std::string reason;
    std::string detail;
};

/// A stored result (e.g. a balance run).
struct StoredResult {
    std::string id;
    std::string campaign;
    std::string kind;     ///< "balance", "flows", ...
    std::string computed; ///< UTC
    std::string content;  ///< JSON text
};

std::string_view warningKindText(campaign::ReadingWarning warning);

} // namespace shuiheng::store
