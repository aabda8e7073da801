#include "session_follower.h"

void SessionFollower::setSession(ProjectSession* session) {
    if (session == session_)
        return;
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        if (follows_ == Follows::Analysis)
            connect(session_, &ProjectSession::analysisChanged, this, &SessionFollower::follow);
        else
            connect(session_, &ProjectSession::reloaded, this, &SessionFollower::follow);
    }
    emit sessionChanged();
    sessionSet();
}
