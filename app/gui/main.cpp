// shuiheng: the Qt Quick app. Opens a plant file and shows its nodes and streams.

#include "plant_document.h"
#include "screenshot_renderer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

int main(int argc, char* argv[]) {
    if (ScreenshotRenderer::requested(argc, argv))
        ScreenshotRenderer::prepareOffscreenRendering();

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("shuiheng"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Shuiheng"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SHUIHENG_VERSION));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QGuiApplication::translate("main", "Water-balance testing on site."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("plant-file"),
        QGuiApplication::translate("main", "Plant file to open (default: the sample plant)."),
        QStringLiteral("[plant-file]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QGuiApplication::translate("main",
                                   "Render the window offscreen at 1280x800, save <dir>/main.png and exit."),
        QStringLiteral("dir"));
    parser.addOption(screenshotOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs("shuiheng: at most one plant file\n", stderr);
        return 2;
    }
    const QString plantFile = positional.isEmpty()
                                  ? QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-plant.json")
                                  : QDir::current().absoluteFilePath(positional.first());

    // Declared before the engine, so it outlives the QML that shows it.
    PlantDocument document;
    document.load(plantFile); // a bad file is shown with its errors

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Shuiheng/Ui/Main.qml")));
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) {
        std::fputs("shuiheng: the user interface failed to load\n", stderr);
        return 1;
    }

    if (parser.isSet(screenshotOption)) {
        ScreenshotRenderer renderer(window, parser.value(screenshotOption));
        QObject::connect(&renderer, &ScreenshotRenderer::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        renderer.start();
        return app.exec();
    }
    window->show();
    return app.exec();
}
