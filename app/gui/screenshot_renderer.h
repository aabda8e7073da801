#pragma once
// Renders the app's window offscreen and saves it as PNG files: documentation images and
// visual checks without a display. Today the main window; later every page.

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>

class QQuickWindow;

class ScreenshotRenderer : public QObject {
    Q_OBJECT

public:
    /// Whether the command line asks for screenshots (`--screenshot DIR` or `--screenshot=DIR`).
    /// Checked before QGuiApplication exists, since that decides the platform.
    static bool requested(int argc, char** argv);
    /// Selects the offscreen platform (unless QT_QPA_PLATFORM says otherwise) and the software
    /// renderer, so that screenshots need no display and no GPU. Call before QGuiApplication.
    static void prepareOffscreenRendering();

    ScreenshotRenderer(QQuickWindow* window, const QString& directory, QSize size = {1280, 800},
                       QObject* parent = nullptr);

    /// Shows the window at the requested size; once it has been laid out and drawn, saves
    /// DIRECTORY/main.png and emits finished().
    void start();

signals:
    /// 0 when every image was saved; otherwise 1, with the reason on standard error.
    void finished(int exitCode);

private:
    void capture();
    bool save(const QString& name);

    QPointer<QQuickWindow> window_;
    QDir directory_;
    QSize size_;
    bool started_ = false;
};
