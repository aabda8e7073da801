#include "plant_document.h"

#include "io/plant_file.h"
#include "model/plant_graph.h"
#include "qt_text.h"

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

bool PlantDocument::load(const QString& path) {
    const QString localPath = path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path;

    std::unique_ptr<shuiheng::Plant> plant;
    std::unique_ptr<shuiheng::PlantGraph> graph;
    QStringList errors;
    QStringList warnings;
    bool ok = false;
    try {
        shuiheng::PlantFileResult result =
            shuiheng::loadPlantFile(std::filesystem::path(QFile::encodeName(localPath).toStdString()));
        for (const shuiheng::Diagnostic& diagnostic : result.diagnostics) {
            if (diagnostic.severity == shuiheng::Severity::Error)
                errors.append(toQString(diagnostic.toString()));
            else if (diagnostic.severity == shuiheng::Severity::Warning)
                warnings.append(toQString(diagnostic.toString()));
        }
        ok = result.ok();
        if (result.plant) {
            plant = std::make_unique<shuiheng::Plant>(std::move(*result.plant));
            graph = std::make_unique<shuiheng::PlantGraph>(*plant);
        }
    } catch (const std::exception& e) {
        plant.reset();
        graph.reset();
        ok = false;
        errors.append(
            tr("error: %1: cannot read the plant file: %2").arg(localPath, QString::fromUtf8(e.what())));
    }
    if (!plant && errors.isEmpty())
        errors.append(tr("error: %1: not a plant file").arg(localPath));

    // The models hold copies of what they show; the old graph goes before the plant it refers to.
    const bool wasLoaded = isLoaded();
    graph_ = std::move(graph);
    plant_ = std::move(plant);
    nodeModel_->reset(graph_.get());
    streamModel_->reset(graph_.get());

    assign(filePath_, localPath, &PlantDocument::filePathChanged, this);
    assign(name_, plant_ ? toQString(plant_->name) : QString(), &PlantDocument::nameChanged, this);
    assign(flowUnit_, plant_ ? toQString(plant_->flowUnit) : QString(), &PlantDocument::flowUnitChanged,
           this);
    if (isLoaded() != wasLoaded)
        emit loadedChanged();
    assign(errors_, errors, &PlantDocument::errorsChanged, this);
    assign(warnings_, warnings, &PlantDocument::warningsChanged, this);
    return ok;
}
