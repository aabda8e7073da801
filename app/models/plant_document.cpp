#include "plant_document.h"

#include "io/plant_file.h"
#include "model/plant_graph.h"
#include "qt_text.h"
#include "validation/validate_plant.h"

#include <QFile>
#include <QUrl>
#include <exception>

namespace {

template <typename T>
void assign(T& member, const T& value, void (PlantDocument::*changed)(), PlantDocument* document) {
    if (member == value)
        return;
    member = value;
    emit(document->*changed)();
}

} // namespace

PlantDocument::PlantDocument(QObject* parent)
    : QObject(parent)
    , nodeModel_(new NodeListModel(this))
    , streamModel_(new StreamListModel(this)) {}

PlantDocument::~PlantDocument() = default;

namespace {

/// Splits diagnostics into readable error and warning lines.
void describe(const shuiheng::Diagnostics& diagnostics, QStringList& errors, QStringList& warnings) {
    for (const shuiheng::Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == shuiheng::Severity::Error)
            errors.append(toQString(diagnostic.toString()));
        else if (diagnostic.severity == shuiheng::Severity::Warning)
            warnings.append(toQString(diagnostic.toString()));
    }
}

} // namespace

bool PlantDocument::load(const QString& path) {
    const QString localPath = path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path;

    std::unique_ptr<shuiheng::Plant> plant;
    QStringList errors;
    QStringList warnings;
    try {
        shuiheng::PlantFileResult result =
            shuiheng::loadPlantFile(std::filesystem::path(QFile::encodeName(localPath).toStdString()));
        describe(result.diagnostics, errors, warnings);
        if (result.plant)
            plant = std::make_unique<shuiheng::Plant>(std::move(*result.plant));
    } catch (const std::exception& e) {
        plant.reset();
        errors.append(
            tr("error: %1: cannot read the plant file: %2").arg(localPath, QString::fromUtf8(e.what())));
    }
    if (!plant && errors.isEmpty())
        errors.append(tr("error: %1: not a plant file").arg(localPath));
    const bool ok = plant && errors.isEmpty();
    replace(std::move(plant), localPath, errors, warnings);
    return ok;
}

bool PlantDocument::setPlant(shuiheng::Plant plant, const QString& source) {
    QStringList errors;
    QStringList warnings;
    describe(shuiheng::validatePlant(plant), errors, warnings);
    const bool ok = errors.isEmpty();
    replace(std::make_unique<shuiheng::Plant>(std::move(plant)), source, errors, warnings);
    return ok;
}

void PlantDocument::clear() {
    replace(nullptr, QString(), {}, {});
}

void PlantDocument::replace(std::unique_ptr<shuiheng::Plant> plant, const QString& source, QStringList errors,
                            QStringList warnings) {
    std::unique_ptr<shuiheng::PlantGraph> graph;
    if (plant)
        graph = std::make_unique<shuiheng::PlantGraph>(*plant);

    // The models hold copies of what they show; the old graph goes before the plant it refers to.
    const bool wasLoaded = isLoaded();
    graph_ = std::move(graph);
    plant_ = std::move(plant);
    nodeModel_->reset(graph_.get());
    streamModel_->reset(graph_.get());

    assign(filePath_, source, &PlantDocument::filePathChanged, this);
    assign(name_, plant_ ? toQString(plant_->name) : QString(), &PlantDocument::nameChanged, this);
    assign(flowUnit_, plant_ ? toQString(plant_->flowUnit) : QString(), &PlantDocument::flowUnitChanged,
           this);
    if (isLoaded() != wasLoaded)
        emit loadedChanged();
    assign(errors_, errors, &PlantDocument::errorsChanged, this);
    assign(warnings_, warnings, &PlantDocument::warningsChanged, this);
}
