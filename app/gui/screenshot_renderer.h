#pragma once
// Renders every main page of the app offscreen to PNG files — each page in landscape (1280×800)
// and portrait (800×1280), in the light, dark and sunlight themes — for the documentation and for
// visual checks without a display. Beside the images it writes layout.txt: every visible item that
// reaches outside the window (clipped), one line each; empty when the layout fits.

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QStringList>

class QQuickItem;
class QQuickWindow;
class AppSettings;
class ProjectSession;

class ScreenshotRenderer : public QObject {
    Q_OBJECT

public:
    /// Whether the command line asks for screenshots (`--screenshot DIR` or `--screenshot=DIR`).
    /// Checked before QGuiApplication exists, since that decides the platform.
    static bool requested(int argc, char** argv);
    /// Selects the offscreen platform (unless QT_QPA_PLATFORM says otherwise) and the software
    /// renderer, so that screenshots need no display and no GPU. Call before QGuiApplication.
    static void prepareOffscreenRendering();

    /// `settings` is changed (theme, page) while rendering: give it settings of its own.
    ScreenshotRenderer(QQuickWindow* window, AppSettings* settings, ProjectSession* session,
                       const QString& directory, QObject* parent = nullptr);

    /// Shows the window; once it has been drawn, renders every page in turn and emits finished().
    void start();

    /// The file name of one screenshot: "03-meters-portrait-dark.png".
    static QString fileName(int page, const QString& key, const QString& orientation, const QString& theme);

signals:
    /// 0 when every image was saved; otherwise 1, with the reason on standard error.
    void finished(int exitCode);

private:
    struct Shot {
        int page = 0;
        QString key;
        QString orientation;
        QSize size;
        QString theme;
        QString overlay; ///< "": the page; "entry" or "history": that page over the reading rounds
        int tab = 0;     ///< the page's tab (pages with a `tabs` TabBar: balance, indicators)
        QString tabName; ///< in the file name after the key; empty for the first tab
    };
    /// Selects the shot's tab of the page shown, when it has tabs; true when that changed it.
    bool selectTab(const Shot& shot);

    void next();
    void capture();
    /// Calls a QML function of `object` with one or two texts.
    static bool invokeWithText(QObject* object, const char* method, const QStringList& texts);
    /// The stream whose history the history screenshot shows.
    QString historySubject() const;
    /// Visible items that reach outside the window, described for layout.txt.
    void findClipped(QQuickItem* item, const QString& shot, QStringList& problems) const;
    void finish(int exitCode);

    QPointer<QQuickWindow> window_;
    QPointer<AppSettings> settings_;
    QPointer<ProjectSession> session_;
    QDir directory_;
    QList<Shot> shots_;
    int index_ = -1;
    int pageCount_ = 0; ///< the window's pages; the overlays are numbered after them
    int waits_ = 0;     ///< checks for work in progress before this shot
    bool started_ = false;
    QStringList problems_;
};
