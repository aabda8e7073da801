// The Qt Quick Test runner of the report page: every tst_*.qml in tests/report/qml against the
// app's QML modules, with a temporary folder for exports and the sample's path.

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Material")); }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("testTempDir"), temp_.path());
        engine->rootContext()->setContextProperty(
            QStringLiteral("sampleCampaign"),
            QStringLiteral(SHUIHENG_DATA_DIR "/plants/sample-campaign.json"));
    }

private:
    QTemporaryDir temp_;
};

QUICK_TEST_MAIN_WITH_SETUP(shuiheng_report_qml, Setup)

#include "tst_report_qml.moc"
