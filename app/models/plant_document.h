#pragma once
// One plant shown in the app — read from a plant file, or handed over from a project — with its
// header fields, its diagnostics and list models of its nodes and streams. A file that cannot be
// read leaves the document empty with the reasons in `errors`; a plant that is read but invalid is
// shown anyway, with its errors beside it.

#include "node_list_model.h"
#include "stream_list_model.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace shuiheng {
struct Plant;
class PlantGraph;
} // namespace shuiheng

class PlantDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// Local path of the file last given to load(), or the project a plant came from; empty before.
    Q_PROPERTY(QString filePath READ filePath NOTIFY filePathChanged)
    /// The plant's name as written in the file.
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
    /// The unit of every flow in the plant, e.g. "m3/h".
    Q_PROPERTY(QString flowUnit READ flowUnit NOTIFY flowUnitChanged)
    /// Whether a plant was read from the file (it may still have errors).
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    /// Errors of the last load, one readable line each; empty when the file is valid.
    Q_PROPERTY(QStringList errors READ errors NOTIFY errorsChanged)
    /// Warnings of the last load, one readable line each.
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY warningsChanged)
    /// The plant's nodes, in file order.
    Q_PROPERTY(NodeListModel* nodeModel READ nodeModel CONSTANT)
    /// The plant's streams, in file order.
    Q_PROPERTY(StreamListModel* streamModel READ streamModel CONSTANT)

public:
    explicit PlantDocument(QObject* parent = nullptr);
    ~PlantDocument() override;

    QString filePath() const { return filePath_; }
    QString name() const { return name_; }
    QString flowUnit() const { return flowUnit_; }
    bool isLoaded() const { return plant_ != nullptr; }
    QStringList errors() const { return errors_; }
    QStringList warnings() const { return warnings_; }
    NodeListModel* nodeModel() const { return nodeModel_; }
    StreamListModel* streamModel() const { return streamModel_; }

    /// Reads and validates the plant file at `path` (a local path or a file: URL), replacing the
    /// document's content. True when the file is a valid plant; otherwise `errors` says why.
    Q_INVOKABLE bool load(const QString& path);

    /// Shows `plant` (e.g. a project's), validated as a file would be; `source` names where it came
    /// from (becomes filePath). True when it is valid.
    bool setPlant(shuiheng::Plant plant, const QString& source);

    /// Empties the document (no plant, no errors).
    void clear();

    /// The plant shown, or nullptr when none is loaded.
    const shuiheng::Plant* plant() const { return plant_.get(); }

signals:
    void filePathChanged();
    void nameChanged();
    void flowUnitChanged();
    void loadedChanged();
    void errorsChanged();
    void warningsChanged();

private:
    /// Replaces the content; `plant` may be null (then `errors` says why).
    void replace(std::unique_ptr<shuiheng::Plant> plant, const QString& source, QStringList errors,
                 QStringList warnings);

    NodeListModel* nodeModel_;
    StreamListModel* streamModel_;
    // The graph refers to the plant: both live on the heap and are replaced together.
    std::unique_ptr<shuiheng::Plant> plant_;
    std::unique_ptr<shuiheng::PlantGraph> graph_;
    QString filePath_;
    QString name_;
    QString flowUnit_;
    QStringList errors_;
    QStringList warnings_;
};
