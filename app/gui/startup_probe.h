#pragma once
// Measures what the benchmark and the restore test need from a real run of the app: the time from
// the process's start to its first frame, the time to open the project, the time until the balance
// and indicators are computed, and the resident memory then; and the state the app came up in.
// reportAndQuit() prints it all as one JSON line on standard output and quits.

#include <QElapsedTimer>
#include <QObject>

class AppSettings;
class ProjectSession;
class QQuickWindow;

class StartupProbe : public QObject {
    Q_OBJECT

public:
    /// Call first thing in main().
    static void markProcessStart();

    void beginOpening();
    void endOpening();

    /// After the first frame and the analysis of the open project, prints the report and quits.
    void reportAndQuit(QQuickWindow* window, ProjectSession* session, AppSettings* settings);

private:
    void reportWhenReady();

    QElapsedTimer opening_;
    double openMs_ = -1;
    double firstFrameMs_ = -1;
    bool reported_ = false;
    QQuickWindow* window_ = nullptr;
    ProjectSession* session_ = nullptr;
    AppSettings* settings_ = nullptr;
};
