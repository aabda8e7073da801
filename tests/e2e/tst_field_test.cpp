// The Qt Quick Test runner of the end-to-end field test (tst_field_test.qml): the app's window driven
// through a whole water-balance test on the sample plant. `fieldData` gives the test what a
// technician carries in the field — the plant with its meters and the register values to read — and
// reads back what the app wrote: the project file (through the store, not the app) and the exported
// plant file.

#include "../qml/app_quick_test_setup.h"
#include "store/project_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariantMap>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Shuiheng_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Shuiheng_UiPlugin)

namespace {

QJsonObject readObject(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    return QJsonDocument::fromJson(in.readAll()).object();
}

} // namespace

/// The field data of the test and read-back of what the app wrote.
class FieldData : public QObject {
    Q_OBJECT

public:
    explicit FieldData(QString dir)
        : dir_(std::move(dir)) {}

    /// The sample campaign's plant with its meters but none of its readings (what a project starts
    /// from before the test), written to a file of its own; its path.
    Q_INVOKABLE QString plantWithMeters(const QString& campaignFile) const {
        QJsonObject plant = readObject(campaignFile);
        plant.remove(QStringLiteral("readings"));
        const QString out = dir_ + QStringLiteral("/plant-with-meters.json");
        QFile file(out);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(plant).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(out));
        return out;
    }

    /// The register values of the sample campaign by meter and reading time ("M1" → {time: value}).
    Q_INVOKABLE QVariantMap registerValues(const QString& campaignFile) const {
        QVariantMap byMeter;
        for (const QJsonValue reading :
             readObject(campaignFile).value(QStringLiteral("readings")).toArray()) {
            const QJsonObject r = reading.toObject();
            QVariantMap values = byMeter.value(r.value(QStringLiteral("meter")).toString()).toMap();
            values.insert(r.value(QStringLiteral("time")).toString(),
                          r.value(QStringLiteral("value")).toDouble());
            byMeter.insert(r.value(QStringLiteral("meter")).toString(), values);
        }
        return byMeter;
    }

    /// A plant file as JSON (for the exported file).
    Q_INVOKABLE QVariantMap readPlantFile(const QString& file) const {
        return readObject(file).toVariantMap();
    }

    /// The readings the project file holds, read through the store (not the app): meter, time, value.
    Q_INVOKABLE QVariantList storedReadings(const QString& projectFile) const {
        shuiheng::store::ProjectStore project;
        if (auto opened = project.open(projectFile.toStdString()); !opened)
            qFatal("open %s: %s", qPrintable(projectFile), opened.message().c_str());
        QVariantList out;
        auto readings = project.readings({});
        if (!readings)
            qFatal("readings: %s", readings.status().message().c_str());
        for (const auto& r : *readings)
            out.append(QVariantMap{{QStringLiteral("meter"), QString::fromStdString(r.reading.meter)},
                                   {QStringLiteral("time"), QString::fromStdString(r.reading.time)},
                                   {QStringLiteral("value"), r.reading.value},
                                   {QStringLiteral("version"), r.version}});
        return out;
    }

private:
    QString dir_;
};

/// Prepares the engine as the app does (app_quick_test_setup.h), with `fieldData`.
class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { shuiheng::test::prepareAppEnvironment(temp_); }

    void qmlEngineAvailable(QQmlEngine* engine) {
        shuiheng::test::prepareAppEngine(engine, temp_);
        engine->rootContext()->setContextProperty(QStringLiteral("fieldData"), &fieldData_);
    }

private:
    QTemporaryDir temp_;
    FieldData fieldData_{temp_.path()};
};

QUICK_TEST_MAIN_WITH_SETUP(shuiheng_field_test, Setup)

#include "tst_field_test.moc"
