#include "session_follower.h"

void SessionFollower::setSession(ProjectSession* session) {
    if (session == session_)
        return;
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_)
        connect(session_, &ProjectSession::analysisChanged, this, &SessionFollower::follow);
    emit sessionChanged();
    follow();
}
