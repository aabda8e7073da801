#pragma once
// The test window as the technician plans it (step 3): the current campaign's name, first and last
// day, daily reading times, and the route — the meters in service in the order they are walked and
// read. Edited here, saved to the project store as one change (a new campaign when there is none).

#include "record_list_model.h"
#include "session_follower.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <string>
#include <vector>

class CampaignPlanner : public SessionFollower {
    Q_OBJECT
    QML_ELEMENT

    // `session`: the open project; the plan follows its current campaign.
    /// The campaign's name.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY planChanged)
    /// First and last day of the window, YYYY-MM-DD (local days in the window's UTC offset).
    Q_PROPERTY(QString firstDay READ firstDay WRITE setFirstDay NOTIFY planChanged)
    Q_PROPERTY(QString lastDay READ lastDay WRITE setLastDay NOTIFY planChanged)
    /// The daily reading times, "08:00, 20:00".
    Q_PROPERTY(QString readingTimes READ readingTimes WRITE setReadingTimes NOTIFY planChanged)
    /// The route: meterId, location, kind, position (1-based), in reading order.
    Q_PROPERTY(RecordListModel* route READ route CONSTANT)
    /// Whether the plan differs from what the project holds.
    Q_PROPERTY(bool modified READ modified NOTIFY planChanged)
    /// Whether a campaign exists (saving changes it) or saving makes the first one.
    Q_PROPERTY(bool hasCampaign READ hasCampaign NOTIFY planChanged)
    /// How many rounds the plan makes (days × times in the window).
    Q_PROPERTY(int plannedRounds READ plannedRounds NOTIFY planChanged)
    /// What is wrong with the plan, or what the last save did, in plain words.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit CampaignPlanner(QObject* parent = nullptr);

    QString name() const { return name_; }
    void setName(const QString& name);
    QString firstDay() const { return firstDay_; }
    void setFirstDay(const QString& day);
    QString lastDay() const { return lastDay_; }
    void setLastDay(const QString& day);
    QString readingTimes() const { return readingTimes_; }
    void setReadingTimes(const QString& times);
    RecordListModel* route() const { return route_; }
    bool modified() const { return modified_; }
    bool hasCampaign() const { return !campaignId_.empty(); }
    int plannedRounds() const;
    QString message() const { return message_; }

    /// Moves the meter at `from` to `to` in the route (rows; out of range: nothing).
    Q_INVOKABLE void move(int from, int to);
    /// Saves the plan to the project (one change); false with `message` when it is not acceptable.
    Q_INVOKABLE bool save();
    /// Forgets the edits: the plan as the project holds it.
    Q_INVOKABLE void revert();

signals:
    void planChanged();
    void messageChanged();

protected:
    /// The project was read again: the plan as it holds it, unless the technician is editing it.
    void follow() override {
        if (!modified_)
            load();
    }
    void sessionSet() override { load(); }

private:
    void load();
    void setMessage(const QString& message);
    void changed();
    void showRoute();
    /// The campaign the plan describes, or why it cannot be made.
    QString makeCampaign(struct PlannedCampaign& out) const;

    RecordListModel* route_;
    std::string campaignId_;
    int offsetSeconds_ = 0; ///< the window's UTC offset
    QString name_, firstDay_, lastDay_, readingTimes_, message_;
    std::vector<std::string> meters_; ///< the route's meter ids
    bool modified_ = false;
};
