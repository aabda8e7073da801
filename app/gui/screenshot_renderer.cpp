#include "screenshot_renderer.h"

#include <QImage>
#include <QQuickWindow>
#include <QTimer>
#include <QtGlobal>
#include <cstdio>
#include <string_view>

bool ScreenshotRenderer::requested(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") // positional arguments follow
            return false;
        if (arg == "--screenshot" || arg.starts_with("--screenshot="))
            return true;
    }
    return false;
}

void ScreenshotRenderer::prepareOffscreenRendering() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

ScreenshotRenderer::ScreenshotRenderer(QQuickWindow* window, const QString& directory, QSize size,
                                       QObject* parent)
    : QObject(parent)
    , window_(window)
    , directory_(directory)
    , size_(size) {}

void ScreenshotRenderer::start() {
    if (!window_) {
        std::fputs("shuiheng: no window to take a screenshot of\n", stderr);
        QTimer::singleShot(0, this, [this] { emit finished(1); });
        return;
    }
    // The first swapped frame means the scene has been polished (laid out) and drawn once.
    connect(
        window_, &QQuickWindow::frameSwapped, this,
        [this] {
            if (started_)
                return;
            started_ = true;
            QTimer::singleShot(0, this, &ScreenshotRenderer::capture);
        },
        Qt::QueuedConnection);
    window_->resize(size_);
    window_->show();
}

void ScreenshotRenderer::capture() {
    if (!directory_.exists() && !directory_.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "shuiheng: cannot create %s\n", qPrintable(directory_.path()));
        emit finished(1);
        return;
    }
    emit finished(save(QStringLiteral("main.png")) ? 0 : 1);
}

bool ScreenshotRenderer::save(const QString& name) {
    const QImage image = window_->grabWindow();
    const QString path = directory_.filePath(name);
    if (image.isNull() || !image.save(path, "PNG")) {
        std::fprintf(stderr, "shuiheng: cannot save %s\n", qPrintable(path));
        return false;
    }
    return true;
}
