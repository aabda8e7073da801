#pragma once
// A QML-facing model that follows a ProjectSession: it is told when the session is set and each
// time the session changes in the way it cares about — its analysis (run on a worker thread after
// every change: LiveBalance, BenchmarkModel) or the project read again (CampaignPlanner,
// ReadingEntryController).

#include "project_session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class SessionFollower : public QObject {
    Q_OBJECT
    QML_ANONYMOUS

    /// The session followed.
    Q_PROPERTY(ProjectSession* session READ session WRITE setSession NOTIFY sessionChanged)

public:
    /// What of the session a follower follows.
    enum class Follows {
        Analysis, ///< ProjectSession::analysisChanged
        Reload,   ///< ProjectSession::reloaded
    };

    explicit SessionFollower(QObject* parent = nullptr, Follows follows = Follows::Analysis)
        : QObject(parent)
        , follows_(follows) {}

    ProjectSession* session() const { return session_; }
    void setSession(ProjectSession* session);

signals:
    void sessionChanged();

protected:
    /// The session followed changed (its analysis may be null while one is computed).
    virtual void follow() {}
    /// A session was set (or none): by default the same as a change.
    virtual void sessionSet() { follow(); }

private:
    QPointer<ProjectSession> session_;
    Follows follows_;
};
