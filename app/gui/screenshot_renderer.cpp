#include "screenshot_renderer.h"

#include "app_settings.h"
#include "benchmark_model.h"
#include "live_balance.h"
#include "model/plant.h"
#include "project_session.h"
#include "report_controller.h"

#include <QFile>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QtGlobal>
#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

namespace {

/// Time for bindings, loaders and layouts to settle after a change of page, size or theme.
constexpr int settleMs = 60;
/// After a tab is chosen: Material's tab bar slides its underline for 250 ms.
constexpr int tabSettleMs = 350;
/// The longest wait for work in progress before a screenshot is taken anyway (30 s).
constexpr int maxWaits = 500;

/// Whether a visible image is still loading (Image.Loading): the PDF preview renders its pages
/// asynchronously.
bool imageLoading(const QQuickItem* item) {
    if (!item || !item->isVisible())
        return false;
    if (item->inherits("QQuickImageBase") && item->property("status").toInt() == 2)
        return true;
    for (const QQuickItem* child : item->childItems())
        if (imageLoading(child))
            return true;
    return false;
}

/// Pages with a second tab worth a picture, and its name in the file name.
constexpr std::pair<const char*, const char*> extraTabs[] = {{"balance", "list"},
                                                             {"indicators", "benchmark"}};

/// Every item below `item` in the scene (pages made by repeaters and loaders are not QObject
/// children of the window, so findChild does not reach them).
void collectItems(QQuickItem* item, QList<QQuickItem*>& out) {
    out.append(item);
    for (QQuickItem* child : item->childItems())
        collectItems(child, out);
}

/// Every item of the window's scene, from its topmost item down.
QList<QQuickItem*> sceneItems(QQuickWindow* window) {
    QQuickItem* top = window->contentItem();
    while (top->parentItem())
        top = top->parentItem();
    QList<QQuickItem*> items;
    collectItems(top, items);
    return items;
}

} // namespace

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

ScreenshotRenderer::ScreenshotRenderer(QQuickWindow* window, AppSettings* settings, ProjectSession* session,
                                       const QString& directory, QObject* parent)
    : QObject(parent)
    , window_(window)
    , settings_(settings)
    , session_(session)
    , directory_(directory) {}

QString ScreenshotRenderer::fileName(int page, const QString& key, const QString& orientation,
                                     const QString& theme) {
    return QStringLiteral("%1-%2-%3-%4.png").arg(page, 2, 10, QLatin1Char('0')).arg(key, orientation, theme);
}

void ScreenshotRenderer::start() {
    if (!window_ || !settings_ || !session_) {
        std::fputs("shuiheng: no window to take a screenshot of\n", stderr);
        QTimer::singleShot(0, this, [this] { emit finished(1); });
        return;
    }
    if (!directory_.exists() && !directory_.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "shuiheng: cannot create %s\n", qPrintable(directory_.path()));
        QTimer::singleShot(0, this, [this] { emit finished(1); });
        return;
    }
    const QStringList keys = window_->property("pageKeys").toStringList();
    pageCount_ = int(keys.size());
    // Only the projects page can be shown without a project.
    const int pages = session_->isOpen() ? int(keys.size()) : 1;
    for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("sunlight")})
        for (const auto& [orientation, size] : {std::pair{QStringLiteral("landscape"), QSize(1280, 800)},
                                                std::pair{QStringLiteral("portrait"), QSize(800, 1280)}}) {
            for (int page = 0; page < pages; ++page) {
                shots_.append({page, keys.value(page), orientation, size, theme, {}, 0, {}});
                // The second tab of the pages that have one: the balance's list, the benchmark.
                for (const auto& [key, tabName] : extraTabs)
                    if (keys.value(page) == QLatin1String(key))
                        shots_.append({page,
                                       keys.value(page),
                                       orientation,
                                       size,
                                       theme,
                                       {},
                                       1,
                                       QLatin1String(tabName)});
            }
            // The reading entry and the history open over the reading rounds page.
            if (session_->isOpen()) {
                const int rounds = int(keys.indexOf(QStringLiteral("readings")));
                shots_.append({rounds,
                               QStringLiteral("reading-entry"),
                               orientation,
                               size,
                               theme,
                               QStringLiteral("entry"),
                               0,
                               {}});
                shots_.append({rounds,
                               QStringLiteral("history"),
                               orientation,
                               size,
                               theme,
                               QStringLiteral("history"),
                               0,
                               {}});
            }
        }

    // The first swapped frame means the scene has been polished (laid out) and drawn once.
    connect(
        window_, &QQuickWindow::frameSwapped, this,
        [this] {
            if (started_)
                return;
            started_ = true;
            QTimer::singleShot(0, this, &ScreenshotRenderer::next);
        },
        Qt::QueuedConnection);
    window_->resize(shots_.isEmpty() ? QSize(1280, 800) : shots_.first().size);
    window_->show();
}

bool ScreenshotRenderer::selectTab(const Shot& shot) {
    const QList<QQuickItem*> items = sceneItems(window_);
    const auto loader = std::find_if(items.cbegin(), items.cend(), [&](const QQuickItem* item) {
        return item->objectName() == QStringLiteral("page-") + shot.key;
    });
    QObject* page = loader != items.cend() ? (*loader)->property("item").value<QObject*>() : nullptr;
    QObject* tabs = page ? page->property("tabs").value<QObject*>() : nullptr;
    if (!tabs || tabs->property("currentIndex").toInt() == shot.tab)
        return false;
    tabs->setProperty("currentIndex", shot.tab);
    return true;
}

void ScreenshotRenderer::next() {
    if (++index_ >= shots_.size()) {
        finish(0);
        return;
    }
    const Shot& shot = shots_.at(index_);
    settings_->setTheme(shot.theme);
    QMetaObject::invokeMethod(window_, "closeOverlay");
    settings_->setCurrentStep(shot.page);
    if (shot.overlay == QLatin1String("entry"))
        invokeWithText(window_, "openReadingEntry", {QString()});
    else if (shot.overlay == QLatin1String("history"))
        invokeWithText(window_, "openHistory", {QStringLiteral("stream"), historySubject()});
    window_->resize(shot.size);
    QTimer::singleShot(settleMs, this, &ScreenshotRenderer::capture);
}

bool ScreenshotRenderer::invokeWithText(QObject* object, const char* method, const QStringList& texts) {
    // A QML function's parameters are QString when annotated, QVariant otherwise.
    if (texts.size() == 1)
        return QMetaObject::invokeMethod(object, method, Q_ARG(QString, texts[0])) ||
               QMetaObject::invokeMethod(object, method, Q_ARG(QVariant, texts[0]));
    return QMetaObject::invokeMethod(object, method, Q_ARG(QString, texts[0]), Q_ARG(QString, texts[1])) ||
           QMetaObject::invokeMethod(object, method, Q_ARG(QVariant, texts[0]), Q_ARG(QVariant, texts[1]));
}

QString ScreenshotRenderer::historySubject() const {
    // The stream of the first meter that has readings: its history has something to show.
    const shuiheng::Plant* plant = session_->plant()->plant();
    if (!plant)
        return {};
    for (const shuiheng::Meter& meter : plant->meters)
        for (const shuiheng::Reading& reading : plant->readings)
            if (reading.meter == meter.id)
                return QString::fromStdString(meter.stream);
    return plant->streams.empty() ? QString() : QString::fromStdString(plant->streams.front().id);
}

void ScreenshotRenderer::capture() {
    // The balance and indicators pages show results computed on a worker thread: wait for them
    // (the live diagram's layout and the benchmark too).
    const auto working = [this] {
        for (const QQuickItem* item : sceneItems(window_)) {
            for (const LiveBalance* live : item->findChildren<LiveBalance*>(Qt::FindDirectChildrenOnly))
                if (live->layingOut())
                    return true;
            for (const BenchmarkModel* bench :
                 item->findChildren<BenchmarkModel*>(Qt::FindDirectChildrenOnly))
                if (bench->busy())
                    return true;
        }
        // The report page makes its PDF on a worker thread, then its preview draws the pages.
        for (const ReportController* report : window_->contentItem()->findChildren<ReportController*>())
            if (report->busy() ||
                (report->pageCount() == 0 && report->error().isEmpty() && !report->projectPath().isEmpty()))
                return true;
        return imageLoading(window_->contentItem());
    };
    // Bounded: a report that never comes must not keep the screenshots from finishing.
    if ((session_->analysing() || working()) && ++waits_ < maxWaits) {
        QTimer::singleShot(settleMs, this, &ScreenshotRenderer::capture);
        return;
    }
    if (selectTab(shots_.at(index_)) && ++waits_ < maxWaits) {
        QTimer::singleShot(tabSettleMs, this, &ScreenshotRenderer::capture);
        return;
    }
    waits_ = 0;
    const Shot& shot = shots_.at(index_);
    const int number =
        shot.overlay.isEmpty() ? shot.page : pageCount_ + (shot.overlay == QLatin1String("entry") ? 0 : 1);
    const QString name =
        fileName(number, shot.tabName.isEmpty() ? shot.key : shot.key + QLatin1Char('-') + shot.tabName,
                 shot.orientation, shot.theme);
    const QImage image = window_->grabWindow();
    const QString path = directory_.filePath(name);
    if (image.isNull() || !image.save(path, "PNG")) {
        std::fprintf(stderr, "shuiheng: cannot save %s\n", qPrintable(path));
        finish(1);
        return;
    }
    findClipped(window_->contentItem(), name, problems_);
    next();
}

void ScreenshotRenderer::findClipped(QQuickItem* item, const QString& shot, QStringList& problems) const {
    if (!item || !item->isVisible() || item->opacity() <= 0 || item->width() <= 0 || item->height() <= 0)
        return;
    const QRectF window(0, 0, window_->width(), window_->height());
    const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    // What the user reads or touches: text, images and controls. Decorations (shadows, ripples)
    // may reach beyond the window on purpose. Half a pixel of slack for rounding.
    const bool content =
        item->inherits("QQuickText") || item->inherits("QQuickImage") || item->inherits("QQuickControl");
    if (content && (rect.left() < -0.5 || rect.top() < -0.5 || rect.right() > window.right() + 0.5 ||
                    rect.bottom() > window.bottom() + 0.5)) {
        const QString name = item->objectName().isEmpty()
                                 ? QString::fromLatin1(item->metaObject()->className())
                                 : item->objectName();
        problems << QStringLiteral("%1: %2 at (%3, %4) %5×%6 reaches outside the window")
                        .arg(shot, name)
                        .arg(rect.x())
                        .arg(rect.y())
                        .arg(rect.width())
                        .arg(rect.height());
    }
    // What a list scrolls or an item clips on purpose is not a layout fault.
    if (item->clip() || item->inherits("QQuickFlickable"))
        return;
    for (QQuickItem* child : item->childItems())
        findClipped(child, shot, problems);
}

void ScreenshotRenderer::finish(int exitCode) {
    QFile report(directory_.filePath(QStringLiteral("layout.txt")));
    if (!report.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::fprintf(stderr, "shuiheng: cannot write %s\n", qPrintable(report.fileName()));
        exitCode = 1;
    } else {
        for (const QString& line : problems_)
            report.write(line.toUtf8() + '\n');
    }
    if (!problems_.isEmpty())
        std::fprintf(stderr, "shuiheng: %d layout problem(s), see %s\n", int(problems_.size()),
                     qPrintable(report.fileName()));
    emit finished(exitCode);
}
