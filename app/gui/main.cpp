// shuiheng: the Qt Quick app for water-balance tests on site. Opens the project given (or the one
// open when the app last ran) at the page where the user was.

#include "app_settings.h"
#include "balance/heap_policy.h"
#include "project_session.h"
#include "screenshot_renderer.h"
#include "startup_probe.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

namespace {

const QString samplePlant = QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json");

/// The project to open at start: the one asked for, else the one open last time (if still there).
QString projectToOpen(const QCommandLineParser& parser, const QCommandLineOption& projectOption,
                      const AppSettings& settings) {
    if (parser.isSet(projectOption))
        return QDir::current().absoluteFilePath(parser.value(projectOption));
    if (!parser.positionalArguments().isEmpty())
        return QDir::current().absoluteFilePath(parser.positionalArguments().constFirst());
    return QFileInfo::exists(settings.lastProject()) ? settings.lastProject() : QString();
}

} // namespace

int main(int argc, char* argv[]) {
    StartupProbe::markProcessStart();
    shuiheng::balance::keepFreedMemory(); // the live balance reconciles at every reading
    const bool screenshots = ScreenshotRenderer::requested(argc, argv);
    if (screenshots)
        ScreenshotRenderer::prepareOffscreenRendering();

    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Shuiheng"));
    QGuiApplication::setApplicationName(QStringLiteral("shuiheng"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Shuiheng"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SHUIHENG_VERSION));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QGuiApplication::translate("main", "Water-balance testing on site."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QGuiApplication::translate("main", "Project file to open (.shuiheng)."),
                                 QStringLiteral("[project]"));
    const QCommandLineOption projectOption(
        QStringLiteral("project"), QGuiApplication::translate("main", "Project file to open (.shuiheng)."),
        QStringLiteral("file"));
    const QCommandLineOption stepOption(
        QStringLiteral("step"),
        QGuiApplication::translate("main",
                                   "Page to show: projects, plant, meters, window, readings, balance, "
                                   "indicators or report."),
        QStringLiteral("page"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QGuiApplication::translate("main", "Render every page offscreen (landscape and portrait; light, dark "
                                           "and sunlight) to PNG files in <dir> and exit. Without a project, "
                                           "a sample project is made for it."),
        QStringLiteral("dir"));
    const QCommandLineOption probeOption(
        QStringLiteral("startup-report"),
        QGuiApplication::translate("main",
                                   "Print the time to the first frame, the project's opening time "
                                   "and the resident memory as JSON, then exit (benchmarks, tests)."));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QGuiApplication::translate("main",
                                   "Language of the user interface: zh_CN (the default) or en; remembered."),
        QStringLiteral("language"));
    parser.addOptions({projectOption, stepOption, screenshotOption, probeOption, languageOption});
    parser.process(app);
    if (parser.positionalArguments().size() > 1) {
        std::fputs("shuiheng: at most one project file\n", stderr);
        return 2;
    }

    // Screenshots change the theme and the page: they get settings of their own, not the user's.
    QTemporaryDir scratch;
    std::unique_ptr<AppSettings> settings =
        screenshots ? std::make_unique<AppSettings>(scratch.filePath(QStringLiteral("settings.ini")))
                    : std::make_unique<AppSettings>();
    if (parser.isSet(languageOption)) {
        settings->setLanguage(parser.value(languageOption));
        if (settings->language() != parser.value(languageOption)) {
            std::fprintf(stderr, "shuiheng: unknown language '%s' (zh_CN or en)\n",
                         qPrintable(parser.value(languageOption)));
            return 2;
        }
    }
    Translations translations;
    translations.use(settings->language());

    // Declared before the engine, so that it outlives the QML that shows it.
    ProjectSession session;
    session.setReportAvailable(true); // qml/report/ReportPage.qml is part of this build
    StartupProbe probe;
    const QString project = projectToOpen(parser, projectOption, *settings);
    if (!project.isEmpty()) {
        probe.beginOpening();
        if (!session.open(project) && !parser.isSet(projectOption))
            settings->setLastProject({}); // gone or damaged: start on the projects page, with the reason
        probe.endOpening();
    } else if (screenshots) {
        session.create(scratch.filePath(QStringLiteral("sample.shuiheng")),
                       QGuiApplication::translate("main", "Sample water-balance test"),
                       QGuiApplication::translate("main", "Sample chemical plant"), samplePlant);
        ScreenshotRenderer::planSampleWindow(session);
    }
    if (session.isOpen()) {
        // Remembered at once: the window's own bookkeeping starts only once it exists.
        settings->setLastProject(session.path());
        settings->noteRecent(session.path());
    } else {
        settings->setCurrentStep(0);
    }
    if (parser.isSet(stepOption)) {
        static const QStringList pages = {"projects", "plant",   "meters",     "window",
                                          "readings", "balance", "indicators", "report"};
        const int page = int(pages.indexOf(parser.value(stepOption)));
        if (page < 0) {
            std::fprintf(stderr, "shuiheng: unknown page '%s'\n", qPrintable(parser.value(stepOption)));
            return 2;
        }
        settings->setCurrentStep(page);
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(settings.get(), &AppSettings::languageChanged, &app, [&] {
        translations.use(settings->language());
        session.reload(); // the step texts are made in the session's language
        engine.retranslate();
    });
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)},
                                 {QStringLiteral("settings"), QVariant::fromValue(settings.get())}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Shuiheng/Ui/Main.qml")));
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) {
        std::fputs("shuiheng: the user interface failed to load\n", stderr);
        return 1;
    }

    if (screenshots) {
        ScreenshotRenderer renderer(window, settings.get(), &session, parser.value(screenshotOption));
        QObject::connect(&renderer, &ScreenshotRenderer::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        renderer.start();
        return app.exec();
    }
    if (parser.isSet(probeOption))
        probe.reportAndQuit(window, &session, settings.get());
    window->show();
    return app.exec();
}
