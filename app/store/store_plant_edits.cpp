// The plant editor's edits: drafts stored as they are, and the journal (table plant_edit) that makes
// undo and redo survive a restart. The journal is append-only: an undo or a redo is a new entry
// naming the edit it takes back or does again; the stacks are found by replaying it in order.

#include "store/ids.h"
#include "store/plant_delta.h"
#include "store/store_internal.h"

#include <QSqlQuery>
#include <QVariant>

namespace shuiheng::store {

using namespace detail;

namespace {

struct JournalEdit {
    QString id;
    std::string summary;
};

struct Stacks {
    std::vector<JournalEdit> done;   ///< undoable, oldest first
    std::vector<JournalEdit> undone; ///< redoable, the next to redo last
};

Result<Stacks> replayJournal(Database& db) {
    auto q = db.select(QStringLiteral("SELECT edit_id, kind, target, summary FROM plant_edit ORDER BY seq"));
    if (!q)
        return q.status();
    Stacks stacks;
    while (q->next()) {
        const QString kind = q->value(1).toString();
        const QString target = q->value(2).toString();
        if (kind == QLatin1String("edit")) {
            stacks.done.push_back({q->value(0).toString(), ss(q->value(3))});
            stacks.undone.clear();
        } else if (kind == QLatin1String("undo") && !stacks.done.empty() && stacks.done.back().id == target) {
            stacks.undone.push_back(stacks.done.back());
            stacks.done.pop_back();
        } else if (kind == QLatin1String("redo") && !stacks.undone.empty() &&
                   stacks.undone.back().id == target) {
            stacks.done.push_back(stacks.undone.back());
            stacks.undone.pop_back();
        }
    }
    return stacks;
}

PlantEditState stateOf(const Stacks& stacks) {
    PlantEditState state;
    state.undoable = static_cast<int>(stacks.done.size());
    state.redoable = static_cast<int>(stacks.undone.size());
    if (!stacks.done.empty())
        state.undoSummary = stacks.done.back().summary;
    if (!stacks.undone.empty())
        state.redoSummary = stacks.undone.back().summary;
    return state;
}

Status appendJournal(Database& db, const QString& changeId, const char* kind, const QString& target,
                     const std::string& summary, const std::string& forward, const std::string& backward) {
    auto q = db.select(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM plant_edit"));
    if (!q)
        return q.status();
    const qlonglong seq = q->next() ? q->value(0).toLongLong() : 1;
    q->finish();
    return db.execute(
        QStringLiteral("INSERT INTO plant_edit (edit_id, seq, change_id, kind, target, summary, "
                       "forward, backward) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {qs(newId()), seq, changeId, QString::fromLatin1(kind), target.isNull() ? QStringLiteral("") : target,
         qs(summary), qs(forward), qs(backward)});
}

/// Writes `plant` as the project's structure inside the caller's change.
Status storeStructure(Database& db, const QString& changeId, const QString& projectId, const Plant& plant) {
    ImportReport ignored;
    return writePlantStructure(db, changeId, projectId, plant, ignored);
}

} // namespace

Result<Plant> ProjectStore::plantStructure() {
    if (Status s = requireOpen(false); !s)
        return s;
    Plant plant;
    if (Status s = readPlantStructure(*db_, plant, true); !s)
        return s;
    return plant;
}

Result<PlantEditState> ProjectStore::plantEditState() {
    if (Status s = requireOpen(false); !s)
        return s;
    auto stacks = replayJournal(*db_);
    if (!stacks)
        return stacks.status();
    return stateOf(*stacks);
}

Result<PlantEditOutcome> ProjectStore::editPlant(const std::function<Status(Plant&)>& change,
                                                 const std::string& summary, const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    WriteTransaction transaction(*db_);
    if (Status s = transaction.begin(); !s)
        return s;
    PlantEditOutcome outcome;
    Plant before;
    if (Status s = readPlantStructure(*db_, before, true); !s)
        return s;
    outcome.plant = before;
    if (Status s = change(outcome.plant); !s)
        return s;
    if (Status s = checkStorableIds(outcome.plant); !s)
        return s.prefixed(summary);
    auto stacks = replayJournal(*db_);
    if (!stacks)
        return stacks.status();
    const PlantDelta delta = diffPlants(before, outcome.plant);
    if (delta.empty) {
        outcome.plant = std::move(before);
        outcome.state = stateOf(*stacks);
        return outcome;
    }
    auto changeId = recordChange(*db_, actor, "edit plant", {}, summary);
    if (!changeId)
        return changeId.status();
    auto id = projectId();
    if (!id)
        return id.status();
    if (Status s = storeStructure(*db_, *changeId, qs(*id), outcome.plant); !s)
        return s;
    if (Status s = appendJournal(*db_, *changeId, "edit", {}, summary, delta.forward, delta.backward); !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    stacks->done.push_back({{}, summary});
    stacks->undone.clear();
    outcome.changed = true;
    outcome.state = stateOf(*stacks);
    return outcome;
}

namespace {

/// Undo (`backwards`) or redo: applies the journal's delta of the edit on top of the stack.
Result<PlantEditOutcome> replay(Database& db, const std::string& projectId, const Actor& actor,
                                bool backwards) {
    WriteTransaction transaction(db);
    if (Status s = transaction.begin(); !s)
        return s;
    auto stacks = replayJournal(db);
    if (!stacks)
        return stacks.status();
    PlantEditOutcome outcome;
    if (Status s = readPlantStructure(db, outcome.plant, true); !s)
        return s;
    std::vector<JournalEdit>& from = backwards ? stacks->done : stacks->undone;
    std::vector<JournalEdit>& to = backwards ? stacks->undone : stacks->done;
    if (from.empty()) {
        outcome.state = stateOf(*stacks);
        return outcome;
    }
    const JournalEdit edit = from.back();
    auto q =
        db.select(QStringLiteral("SELECT forward, backward FROM plant_edit WHERE edit_id = ?"), {edit.id});
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::Damaged, "the edit journal lost the edit " + edit.summary);
    const std::string delta = ss(q->value(backwards ? 1 : 0));
    q->finish();
    if (Status s = applyPlantDelta(outcome.plant, delta); !s)
        return s;
    if (Status s = checkStorableIds(outcome.plant); !s)
        return s.prefixed(std::string(backwards ? "undo " : "redo ") + edit.summary);
    auto changeId =
        recordChange(db, actor, backwards ? "undo plant edit" : "redo plant edit", {}, edit.summary);
    if (!changeId)
        return changeId.status();
    if (Status s = storeStructure(db, *changeId, qs(projectId), outcome.plant); !s)
        return s;
    if (Status s = appendJournal(db, *changeId, backwards ? "undo" : "redo", edit.id, edit.summary, {}, {});
        !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    from.pop_back();
    to.push_back(edit);
    outcome.changed = true;
    outcome.state = stateOf(*stacks);
    return outcome;
}

} // namespace

Result<PlantEditOutcome> ProjectStore::undoPlantEdit(const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    auto id = projectId();
    if (!id)
        return id.status();
    return replay(*db_, *id, actor, true);
}

Result<PlantEditOutcome> ProjectStore::redoPlantEdit(const Actor& actor) {
    if (Status s = requireOpen(true); !s)
        return s;
    auto id = projectId();
    if (!id)
        return id.status();
    return replay(*db_, *id, actor, false);
}

} // namespace shuiheng::store
