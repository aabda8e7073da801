#pragma once
// A QML-facing model that follows a ProjectSession: it is told when the session changes and each
// time the session's analysis (run on a worker thread after every change) comes in. LiveBalance
// and BenchmarkModel are such models.

#include "project_session.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class SessionFollower : public QObject {
    Q_OBJECT
    QML_ANONYMOUS

    /// The session followed.
    Q_PROPERTY(ProjectSession* session READ session WRITE setSession NOTIFY sessionChanged)

public:
    using QObject::QObject;

    ProjectSession* session() const { return session_; }
    void setSession(ProjectSession* session);

signals:
    void sessionChanged();

protected:
    /// The session was set, or its analysis changed (it may be null while one is computed).
    virtual void follow() {}

private:
    ProjectSession* session_ = nullptr;
};
