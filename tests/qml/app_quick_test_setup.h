#pragma once
// What every Qt Quick Test runner of the app's pages prepares, as the app itself does: the Material
// style, the app's QML modules from the resources, and files only in the test's temporary folder
// (settings, the quota library) or the source tree (reference data) — never the user's.

#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>

namespace shuiheng::test {

/// At applicationAvailable(), before the first engine.
inline void prepareAppEnvironment(const QTemporaryDir& temp) {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // AppSettings made by the tests write here, never into the user's configuration.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(temp.filePath(QStringLiteral("config"))));
    // The quota tables and rule sets the benchmark page reads: the source tree's, never the user's.
    qputenv("SHUIHENG_DATA_DIR", SHUIHENG_DATA_DIR);
    qputenv("SHUIHENG_QUOTA_LIBRARY", QFile::encodeName(temp.filePath(QStringLiteral("quotas"))));
    // The sample project ("Try the sample project") is made here, never in the user's data folder.
    qputenv("SHUIHENG_SAMPLE_DIR", QFile::encodeName(temp.filePath(QStringLiteral("sample"))));
}

/// At qmlEngineAvailable(): the modules, and where the tests may write project files
/// (`testTempDir`) and find the sample data (`dataDir`, `testDataDir`).
inline void prepareAppEngine(QQmlEngine* engine, const QTemporaryDir& temp) {
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine->rootContext()->setContextProperty(QStringLiteral("testTempDir"), temp.path());
    engine->rootContext()->setContextProperty(QStringLiteral("dataDir"), QStringLiteral(SHUIHENG_DATA_DIR));
    engine->rootContext()->setContextProperty(QStringLiteral("testDataDir"),
                                              QStringLiteral(SHUIHENG_TEST_DATA_DIR));
}

} // namespace shuiheng::test
