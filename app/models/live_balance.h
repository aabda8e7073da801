#pragma once
// The live balance (docs/live-balance.md): the water-balance diagram of the open project with the
// reconciled flows on it — arrow width ∝ flow, value ± σ on the arrow, unobservable flows dashed,
// suspect meters and possible leaks marked — the verdict in one sentence and the technician's
// to-do. It follows its ProjectSession: every time the session's analysis (run on a worker thread
// after each change, e.g. a reading committed) comes in, the flows are put on the diagram. The
// diagram is laid out again (core/layout, on a worker thread) only when the plant's structure
// changed; otherwise only the flows change, and the nodes stay where they are.

#include "diagram_model.h"
#include "record_list_model.h"
#include "session_follower.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <string>

namespace shuiheng::layout {
struct DiagramLayout;
}

class LiveBalance : public SessionFollower {
    Q_OBJECT
    QML_ELEMENT

    /// The diagram: DiagramModel rows whose `overlay` holds, for streams: value, sigma, text
    /// ("12.4 ± 0.3"), width (px at zoom 1), status, dashed, suspect, finding (the sentence), and
    /// where its label goes (core/layout/label_placement.h): labelShown, labelX, labelY (centre),
    /// labelWidth, labelHeight; for nodes: leak, finding.
    Q_PROPERTY(DiagramModel* diagram READ diagram CONSTANT)
    /// The balance in one plain sentence; empty while there is none.
    Q_PROPERTY(QString verdict READ verdict NOTIFY updated)
    /// "closes", "fails", "unchecked" (nothing redundant), "none" (no balance yet or it failed).
    Q_PROPERTY(QString state READ state NOTIFY updated)
    /// The streams whose label found no free place on the diagram (biggest flows first): the view
    /// lists them and shows a label when its flow is selected.
    Q_PROPERTY(QStringList hiddenLabels READ hiddenLabels NOTIFY hiddenLabelsChanged)
    /// How large the labels are on the diagram (1: their full size in diagram units). Above 100 %
    /// zoom the view sets 1 / zoom, so that labels keep their size on the screen and the places
    /// freed let more of them be drawn; the labels are placed again for it.
    Q_PROPERTY(double labelScale READ labelScale WRITE setLabelScale NOTIFY hiddenLabelsChanged)
    /// Serial elimination's findings: kind, stream, meters, nodes, estimate, share, text.
    Q_PROPERTY(RecordListModel* findings READ findings CONSTANT)
    /// Which meter next: task (check, leak, reread, add), stream, meter, reason.
    Q_PROPERTY(RecordListModel* todo READ todo CONSTANT)
    /// A layout is being made (the flows follow as soon as it is there).
    Q_PROPERTY(bool layingOut READ layingOut NOTIFY layingOutChanged)
    /// How many times the diagram was brought up to date, and how many of those laid it out again:
    /// tests and the benchmark wait on these.
    Q_PROPERTY(int updateCount READ updateCount NOTIFY updated)
    Q_PROPERTY(int layoutCount READ layoutCount NOTIFY updated)

public:
    explicit LiveBalance(QObject* parent = nullptr);
    ~LiveBalance() override;

    DiagramModel* diagram() const { return diagram_; }
    QString verdict() const { return verdict_; }
    QString state() const { return state_; }
    QStringList hiddenLabels() const { return hiddenLabels_; }
    double labelScale() const { return labelScale_; }
    void setLabelScale(double scale);
    RecordListModel* findings() const { return findings_; }
    RecordListModel* todo() const { return todo_; }
    bool layingOut() const { return layingOut_; }
    int updateCount() const { return updateCount_; }
    int layoutCount() const { return layoutCount_; }

    /// The overlay of a stream or node by id (tests, the side sheet).
    Q_INVOKABLE QVariantMap overlayOf(const QString& id) const;

    /// What the overlay of each stream and node is for this analysis: exposed for tests.
    static QHash<QString, QVariantMap> overlayFor(const ProjectAnalysis& analysis);
    /// Puts each stream's label where it covers no other label and no node of `layout` (the
    /// label fields of the overlay); returns the streams whose label found no place, biggest first.
    /// `scale`: the labels' size on the diagram (labelScale); labelWidth / labelHeight are given
    /// at that size.
    static QStringList placeFlowLabels(const shuiheng::layout::DiagramLayout& layout,
                                       QHash<QString, QVariantMap>& overlay, double scale = 1);

signals:
    void layingOutChanged();
    void hiddenLabelsChanged();
    /// The diagram, verdict, findings and to-do show the session's latest analysis.
    void updated();

private:
    void follow() override { refresh(); }
    void refresh();
    void applyFlows();
    /// Places the labels of `flows_` at `labelScale_` and puts the overlay on the diagram.
    void showFlows();
    void setLayingOut(bool on);

    DiagramModel* diagram_;
    RecordListModel* findings_;
    RecordListModel* todo_;
    QString verdict_;
    QString state_ = QStringLiteral("none");
    QStringList hiddenLabels_;
    double labelScale_ = 1;
    QHash<QString, QVariantMap> flows_; ///< the overlay of the latest analysis, labels not yet placed
    std::shared_ptr<const shuiheng::layout::DiagramLayout> layout_; ///< the one the diagram shows
    std::string layoutKey_;                                         ///< the structure the diagram shows
    std::string pendingKey_;                                        ///< the structure being laid out
    int layoutGeneration_ = 0;
    bool layingOut_ = false;
    int updateCount_ = 0;
    int layoutCount_ = 0;
};
