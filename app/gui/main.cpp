// shuiheng: the Qt Quick app for water-balance tests on site. Opens the project given (or the one
// open when the app last ran) at the page where the user was; on a first run, and with --sample,
// the sample project on the balance page (docs/app.md, "First run").

#include "app_settings.h"
#include "balance/heap_policy.h"
#include "project_session.h"
#include "sample_project.h"
#include "screenshot_renderer.h"
#include "startup_probe.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
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

/// The project to open at start: the one asked for, else the one open last time (if still there).
QString projectToOpen(const QCommandLineParser& parser, const QCommandLineOption& projectOption,
                      const AppSettings& settings) {
    if (parser.isSet(projectOption))
        return QDir::current().absoluteFilePath(parser.value(projectOption));
    if (!parser.positionalArguments().isEmpty())
        return QDir::current().absoluteFilePath(parser.positionalArguments().constFirst());
    return QFileInfo::exists(settings.lastProject()) ? settings.lastProject() : QString();
}

/// A first run: no project was open last time and none was ever opened.
bool firstRun(const AppSettings& settings) {
    return settings.lastProject().isEmpty() && settings.recentProjects().isEmpty();
}

/// The window's pages in navigation order (qml/Main.qml's pageKeys): settings' currentStep.
const QStringList pages = {"projects", "plant",   "meters",     "window",
                           "readings", "balance", "indicators", "report"};

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
    // The installed desktop entry and icon (packaging/desktop): the window manager's taskbar entry
    // and the window's icon where the icon theme has it.
    QGuiApplication::setDesktopFileName(QStringLiteral("cn.shuiheng.shuiheng"));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.shuiheng.shuiheng")));
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
    const QCommandLineOption sampleOption(
        QStringLiteral("sample"),
        QGuiApplication::translate("main",
                                   "Open the sample project on the balance page (made in the user's data "
                                   "folder the first time, then reused with any changes made in it)."));
    parser.addOptions(
        {projectOption, stepOption, screenshotOption, probeOption, languageOption, sampleOption});
    parser.process(app);
    if (parser.positionalArguments().size() > 1) {
        std::fputs("shuiheng: at most one project file\n", stderr);
        return 2;
    }
    if (parser.isSet(sampleOption) &&
        (parser.isSet(projectOption) || !parser.positionalArguments().isEmpty())) {
        std::fputs("shuiheng: --sample opens the sample project: give no other project\n", stderr);
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
    const QString project =
        parser.isSet(sampleOption) ? QString() : projectToOpen(parser, projectOption, *settings);
    // The sample: asked for, or a first run; the screenshots of no project make theirs in scratch.
    const bool openSample = parser.isSet(sampleOption) || (project.isEmpty() && firstRun(*settings));
    if (!project.isEmpty()) {
        probe.beginOpening();
        if (!session.open(project)) {
            std::fprintf(stderr, "shuiheng: %s\n", qPrintable(session.errorMessage()));
            if (!parser.isSet(projectOption))
                settings->setLastProject({}); // gone or damaged: start on the projects page, with the reason
        }
        probe.endOpening();
    }
    QString startNotice;
    if (project.isEmpty() && (openSample || screenshots)) {
        SampleProject sample;
        if (screenshots && !parser.isSet(sampleOption))
            sample.setFolder(scratch.path());
        probe.beginOpening();
        const bool opened = sample.openIn(&session);
        probe.endOpening();
        startNotice = sample.notice();
        if (!startNotice.isEmpty())
            std::fprintf(stderr, "shuiheng: %s\n", qPrintable(startNotice));
        if (opened)
            settings->setCurrentStep(int(pages.indexOf(QStringLiteral("balance")))); // diagram and verdict
    }
    if (session.isOpen()) {
        // Remembered at once: the window's own bookkeeping starts only once it exists.
        settings->setLastProject(session.path());
        settings->noteRecent(session.path());
    } else {
        settings->setCurrentStep(0);
    }
    if (parser.isSet(stepOption)) {
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
                                 {QStringLiteral("settings"), QVariant::fromValue(settings.get())},
                                 {QStringLiteral("startNotice"), startNotice}});
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
