#include "startup_probe.h"

#include "app_settings.h"
#include "project_session.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace {

std::chrono::steady_clock::time_point mainEntered;

/// Milliseconds since the kernel started the process (/proc: clock-tick resolution), so that
/// loading the libraries counts too; since main() where /proc is not readable.
double sinceProcessStart() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (stat.open(QIODevice::ReadOnly) && uptime.open(QIODevice::ReadOnly)) {
        // Field 22 (start time in ticks since boot) comes after the command name in parentheses.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const double ticks = fields.value(19).toDouble();
        const double now = uptime.readAll().split(' ').value(0).toDouble();
        const double hz = double(sysconf(_SC_CLK_TCK));
        if (ticks > 0 && now > 0 && hz > 0)
            return (now - ticks / hz) * 1000.0;
    }
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - mainEntered).count();
}

/// A line of /proc/self/status in MB ("VmRSS", "VmHWM").
double memoryMb(const QByteArray& key) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

} // namespace

void StartupProbe::markProcessStart() {
    mainEntered = std::chrono::steady_clock::now();
}

void StartupProbe::beginOpening() {
    opening_.start();
}

void StartupProbe::endOpening() {
    openMs_ = double(opening_.nsecsElapsed()) / 1e6;
}

void StartupProbe::reportAndQuit(QQuickWindow* window, ProjectSession* session, AppSettings* settings) {
    window_ = window;
    session_ = session;
    settings_ = settings;
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (firstFrameMs_ >= 0)
            return;
        firstFrameMs_ = sinceProcessStart();
        // Queued: the frame is on the screen before the report is made.
        QMetaObject::invokeMethod(this, &StartupProbe::reportWhenReady, Qt::QueuedConnection);
    });
    connect(session, &ProjectSession::analysingChanged, this, [this] {
        if (firstFrameMs_ >= 0)
            reportWhenReady();
    });
}

void StartupProbe::reportWhenReady() {
    if (reported_ || session_->analysing())
        return; // analysingChanged brings us back
    reported_ = true;
    const QStringList pages = window_->property("pageKeys").toStringList();
    const QJsonObject report{
        {QStringLiteral("firstFrameMs"), firstFrameMs_},
        {QStringLiteral("openMs"), openMs_},
        {QStringLiteral("readyMs"), sinceProcessStart()},
        {QStringLiteral("rssMB"), memoryMb("VmRSS")},
        {QStringLiteral("peakRssMB"), memoryMb("VmHWM")},
        {QStringLiteral("projectOpen"), session_->isOpen()},
        {QStringLiteral("project"), session_->path()},
        {QStringLiteral("projectName"), session_->name()},
        {QStringLiteral("page"), pages.value(settings_->currentStep())},
        {QStringLiteral("theme"), settings_->theme()},
        {QStringLiteral("language"), settings_->language()},
    };
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}
