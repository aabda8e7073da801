#pragma once
// The project open in the app: its file (through the project store), its plant, meters and
// campaigns, and the guided test's steps assessed from them. Every change goes to the store at once
// (one committed change each), so nothing entered is lost if the app is killed. The slow part — the
// balance and indicators — runs on a worker thread after each (re)load; `analysing` says so.

#include "meter_list_model.h"
#include "plant_document.h"
#include "project_analysis.h"
#include "record_list_model.h"
#include "test_steps.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace shuiheng::store {
class ProjectStore;
}

class ProjectSession : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// Local path of the open project file; empty when none is open.
    Q_PROPERTY(QString path READ path NOTIFY openChanged)
    /// Whether a project is open.
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY openChanged)
    /// The project's name and the enterprise tested.
    Q_PROPERTY(QString name READ name NOTIFY metaChanged)
    Q_PROPERTY(QString enterprise READ enterprise NOTIFY metaChanged)
    /// The last failure in plain words (cleared by the next success).
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    /// The project's plant (with the current campaign's readings).
    Q_PROPERTY(PlantDocument* plant READ plant CONSTANT)
    /// The meters, searchable.
    Q_PROPERTY(MeterListModel* meters READ meters CONSTANT)
    /// The campaigns: id, name, windowStart, windowEnd, roundTimes, plannedRounds, current, note.
    Q_PROPERTY(RecordListModel* campaigns READ campaigns CONSTANT)
    /// The current campaign's planned rounds: time, metersRead, meterCount, past, and of the meters
    /// late, skipped, missed (round_progress.h).
    Q_PROPERTY(RecordListModel* rounds READ rounds CONSTANT)
    /// The guided test's steps: key, state, summary, blocker (see test_steps.h).
    Q_PROPERTY(RecordListModel* steps READ steps CONSTANT)
    /// Each step's state by its key (done, open, attention, blocked, working): for bindings.
    Q_PROPERTY(QVariantMap stepStates READ stepStates NOTIFY stepsChanged)
    /// The reconciled balance, one row per stream (see project_analysis.h).
    Q_PROPERTY(RecordListModel* balance READ balance CONSTANT)
    /// The site indicators: key, value, sigma, unit, reason, formula.
    Q_PROPERTY(RecordListModel* indicators READ indicators CONSTANT)
    /// The balance in plain words: a headline, then one sentence per gross error.
    Q_PROPERTY(QStringList verdict READ verdict NOTIFY analysisChanged)
    /// Whether the balance closes (false too while it is computed or cannot run).
    Q_PROPERTY(bool balanceCloses READ balanceCloses NOTIFY analysisChanged)
    /// The balance and indicators are being computed.
    Q_PROPERTY(bool analysing READ analysing NOTIFY analysingChanged)
    /// Name of the current campaign (the latest); empty without one.
    Q_PROPERTY(QString campaignName READ campaignName NOTIFY openChanged)
    /// Whether the report page is part of this build (set by the app).
    Q_PROPERTY(bool reportAvailable READ reportAvailable WRITE setReportAvailable NOTIFY openChanged)

public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    QString path() const { return path_; }
    bool isOpen() const;
    QString name() const { return name_; }
    QString enterprise() const { return enterprise_; }
    QString errorMessage() const { return errorMessage_; }
    PlantDocument* plant() const { return plant_; }
    MeterListModel* meters() const { return meters_; }
    RecordListModel* campaigns() const { return campaigns_; }
    RecordListModel* rounds() const { return rounds_; }
    RecordListModel* steps() const { return steps_; }
    QVariantMap stepStates() const;
    RecordListModel* balance() const { return balance_; }
    RecordListModel* indicators() const { return indicators_; }
    QStringList verdict() const { return analysis_ ? analysis_->verdict : QStringList(); }
    bool balanceCloses() const { return analysis_ && analysis_->balanceRan && analysis_->balanceCloses; }
    bool analysing() const { return analysing_; }
    QString campaignName() const { return campaignName_; }
    bool reportAvailable() const { return facts_.reportAvailable; }
    void setReportAvailable(bool available);

    /// Opens the project file at `path` (a local path or a file: URL). False (and errorMessage) when
    /// it cannot be opened; the project open before stays open then.
    Q_INVOKABLE bool open(const QString& path);
    /// Creates a new project file (which must not exist) and opens it; with `plantFile`, imports it.
    Q_INVOKABLE bool create(const QString& path, const QString& name, const QString& enterprise,
                            const QString& plantFile = {});
    /// Makes the open project's plant that of the plant file (nodes, streams, meters, readings).
    Q_INVOKABLE bool importPlant(const QString& plantFile);
    /// Copies a received bundle to `target` (checked, never overwriting) and opens the copy.
    Q_INVOKABLE bool importBundle(const QString& bundle, const QString& target);
    /// Writes the project's plant — nodes, streams, meters, readings (as last corrected), production —
    /// to a plant file (written atomically; the contract's format, readable by every other tool).
    Q_INVOKABLE bool exportPlant(const QString& plantFile);
    /// Writes a PDF of QR labels for the meters in service, in the current campaign's route order,
    /// their few words in `language` ("zh" or "en"); written atomically (docs/report.md).
    Q_INVOKABLE bool exportMeterLabels(const QString& pdfFile, const QString& language);
    /// Closes the project.
    Q_INVOKABLE void close();
    /// Reads the project again (after another program or page changed it).
    Q_INVOKABLE void reload();

    /// The meter's fields (id, stream, kind, unit, mpe, rollover, factor, serial, qrText,
    /// calibrationDate, calibrationDue, level, installed, removed); empty when there is none.
    Q_INVOKABLE QVariantMap meter(const QString& id) const;
    /// Adds a meter (no such id yet) or changes one (same id), committed at once.
    Q_INVOKABLE bool saveMeter(const QVariantMap& fields);
    /// Takes meter `oldId` out at `when` (ISO time; empty: now) and puts the new one in on its stream.
    Q_INVOKABLE bool replaceMeter(const QString& oldId, const QVariantMap& fields, const QString& when = {});

    /// Sets which industry and quota row ("TABLE/ROW") the project is benchmarked against (the
    /// plant's "benchmark" setting; empty strings remove them), committed at once.
    /// (project_session_benchmark.cpp)
    Q_INVOKABLE bool setBenchmark(const QString& industry, const QString& quota);

    /// Asks the window to show the history of a stream ("stream"), an indicator ("indicator": its key,
    /// or "key@scope") or a meter ("meter"): the readings behind it and every edit (docs/app.md).
    Q_INVOKABLE void openHistory(const QString& kind, const QString& id);

    /// The open project's store, for the page controllers (reading entry, planning, history); nullptr
    /// when no project is open. Changes made through it are shown after reload().
    shuiheng::store::ProjectStore* store() const { return store_.get(); }
    /// The current campaign's id; empty without one.
    const std::string& campaignId() const { return campaignId_; }

    /// The analysis of the current plant, once computed (tests); nullptr before.
    const ProjectAnalysis* analysis() const { return analysis_.get(); }

signals:
    void openChanged();
    void metaChanged();
    void errorMessageChanged();
    void analysisChanged();
    void analysingChanged();
    void stepsChanged();
    /// The project's content was read again (after open, import, an edit or reload()).
    void reloaded();
    /// openHistory() was called: the window shows that history.
    void historyRequested(const QString& kind, const QString& id);

private:
    bool fail(const QString& message);
    void succeed();
    /// Reads everything from the open store into the models; false with errorMessage on failure.
    bool load();
    void startAnalysis();
    void applyAnalysis(int generation, std::shared_ptr<ProjectAnalysis> analysis);
    void updateSteps();
    /// Writes the plant's meters as `edit` leaves them; one change with `action` as its reason.
    bool writeMeters(const std::function<bool(shuiheng::Plant&)>& edit, const QString& reason);

    std::unique_ptr<shuiheng::store::ProjectStore> store_;
    PlantDocument* plant_;
    MeterListModel* meters_;
    RecordListModel* campaigns_;
    RecordListModel* rounds_;
    RecordListModel* steps_;
    RecordListModel* balance_;
    RecordListModel* indicators_;
    QString path_;
    QString name_;
    QString enterprise_;
    QString errorMessage_;
    QString campaignName_;
    std::string campaignId_;
    ProjectFacts facts_;
    std::shared_ptr<const ProjectAnalysis> analysis_;
    bool analysing_ = false;
    int generation_ = 0; ///< counts loads: an analysis of an older load is dropped
};
