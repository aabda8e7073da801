// The Qt Quick Test runner: runs every tst_*.qml in tests/qml against the app's QML modules.

#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

/// Prepares the engine as the app does: Material style, modules found in the resources.
class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // AppSettings made by the tests write here, never into the user's configuration.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(temp_.filePath(QStringLiteral("config"))));
        // The quota tables and rule sets the benchmark page reads: the source tree's, never the user's.
        qputenv("SHUIHENG_DATA_DIR", SHUIHENG_DATA_DIR);
        qputenv("SHUIHENG_QUOTA_LIBRARY", QFile::encodeName(temp_.filePath(QStringLiteral("quotas"))));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // Where the tests may write project files, and the sample data they read.
        engine->rootContext()->setContextProperty(QStringLiteral("testTempDir"), temp_.path());
        engine->rootContext()->setContextProperty(QStringLiteral("dataDir"),
                                                  QStringLiteral(SHUIHENG_DATA_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testDataDir"),
                                                  QStringLiteral(SHUIHENG_TEST_DATA_DIR));
    }

private:
    QTemporaryDir temp_;
};

QUICK_TEST_MAIN_WITH_SETUP(shuiheng_qml, Setup)

#include "tst_qml.moc"
