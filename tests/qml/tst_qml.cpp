// The Qt Quick Test runner: runs every tst_*.qml in tests/qml against the app's QML modules.

#include "app_quick_test_setup.h"
#include "qr_picture.h"
#include "store_probe.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

/// Prepares the engine as the app does (app_quick_test_setup.h).
class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { shuiheng::test::prepareAppEnvironment(temp_); }
    void qmlEngineAvailable(QQmlEngine* engine) {
        shuiheng::test::prepareAppEngine(engine, temp_);
        // The camera test checks the photo in the project file through the store itself.
        engine->rootContext()->setContextProperty(QStringLiteral("storeProbe"),
                                                  new shuiheng::test::StoreProbe(engine));
        // The scanning test writes the picture of a QR label the camera would have taken.
        engine->rootContext()->setContextProperty(QStringLiteral("qrPicture"),
                                                  new shuiheng::test::QrPicture(engine));
    }

private:
    QTemporaryDir temp_;
};

QUICK_TEST_MAIN_WITH_SETUP(shuiheng_qml, Setup)

#include "tst_qml.moc"
