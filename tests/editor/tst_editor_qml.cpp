// The Qt Quick Test runner of the plant editor's page: runs every tst_*.qml here against the app's
// QML modules, with `projects` to make real project files (SQLite, in a temporary folder) and a
// folder for the screenshots the tests write (SHUIHENG_SCREENSHOT_DIR, else a temporary one).

#include "io/plant_file.h"
#include "store/project_store.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

/// Makes project files for the tests.
class Projects : public QObject {
    Q_OBJECT
    /// Where screenshots go.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)

public:
    QString screenshotDir() const {
        const QString dir = qEnvironmentVariable("SHUIHENG_SCREENSHOT_DIR", dir_.filePath("screenshots"));
        QDir().mkpath(dir);
        return dir;
    }

    /// A new project file, empty or holding the sample plant; its path.
    Q_INVOKABLE QString create(bool withSample) {
        const QString file = dir_.filePath(QStringLiteral("page%1.shuiheng").arg(++count_));
        shuiheng::store::ProjectStore project;
        const shuiheng::store::Actor actor{"tester", "test-device"};
        if (const auto s = project.create(file.toStdString(), {"", "编辑器测试", "", "", 0}, actor); !s)
            qFatal("create: %s", s.message().c_str());
        if (withSample) {
            const auto sample = shuiheng::loadPlantFile(SHUIHENG_DATA_DIR "/plants/sample-plant.json");
            if (const auto r = project.importPlant(*sample.plant, actor); !r)
                qFatal("import: %s", r.status().message().c_str());
        }
        return file;
    }

    /// How many versions and changes the project's history holds for the entity.
    Q_INVOKABLE int historyLength(const QString& file, const QString& type, const QString& id) {
        shuiheng::store::ProjectStore project;
        if (!project.open(file.toStdString()))
            return -1;
        auto history = project.history(type.toStdString(), id.toStdString());
        return history ? static_cast<int>(history->size()) : -1;
    }

    /// The share of the image's pixels that differ from its most common colour: 0 for a blank image.
    Q_INVOKABLE double inkShare(const QString& file) const {
        const QImage image(file);
        if (image.isNull())
            return -1;
        QHash<QRgb, qsizetype> counts;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                ++counts[image.pixel(x, y)];
        qsizetype most = 0, all = 0;
        for (const qsizetype n : counts) {
            most = std::max(most, n);
            all += n;
        }
        return all == 0 ? 0 : 1.0 - double(most) / double(all);
    }

private:
    QTemporaryDir dir_;
    int count_ = 0;
};

/// Prepares the engine as the app does: Material style, modules found in the resources.
class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // SHUIHENG_TEST_TRANSLATION=file.qm: look at the page in another language (screenshots).
        if (const QString qm = qEnvironmentVariable("SHUIHENG_TEST_TRANSLATION"); !qm.isEmpty()) {
            if (translator_.load(qm))
                QCoreApplication::installTranslator(&translator_);
            else
                qWarning("cannot load %s", qPrintable(qm));
        }
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("projects"), &projects_);
    }

private:
    Projects projects_;
    QTranslator translator_;
};

QUICK_TEST_MAIN_WITH_SETUP(shuiheng_editor_qml, Setup)

#include "tst_editor_qml.moc"
