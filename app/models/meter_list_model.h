#pragma once
// The project's meters for the Meters page: what each one measures, its calibration status, and a
// search by id, QR text or serial number. Replaced meters stay listed (their readings still count).

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace shuiheng {
struct Plant;
}

class MeterListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MeterListModel is provided by ProjectSession")

    /// Number of meters listed (after the search).
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Number of meters in the project, whatever the search.
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    /// Meters in service whose calibration has expired.
    Q_PROPERTY(int expiredCount READ expiredCount NOTIFY countChanged)
    /// Shows only meters whose id, QR text or serial contains this (case-insensitive); empty: all.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        StreamRole,            ///< id of the stream measured
        StreamTextRole,        ///< "from name → to name" of that stream; empty when unknown
        KindRole,              ///< totalizer or flowrate
        UnitRole,              ///< register or flow unit
        MpeRole,               ///< maximum permissible error, fraction
        SerialRole,            ///< manufacturer's serial; may be empty
        QrTextRole,            ///< what its QR label encodes; may be empty
        CalibrationDueRole,    ///< ISO date; empty when unknown
        CalibrationStatusRole, ///< valid, due-soon (within 30 days), expired, unknown, replaced
        ReplacedRole,          ///< the meter has been taken out (it has a `removed` time)
        LevelRole,             ///< metering level 1–3; 0 when not given
        ReadingCountRole,      ///< readings of this meter in the current campaign
    };
    Q_ENUM(Roles)

    explicit MeterListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(shown_.size()); }
    int total() const { return static_cast<int>(all_.size()); }
    int expiredCount() const;
    QString search() const { return search_; }
    void setSearch(const QString& search);

    /// Replaces the rows with the plant's meters (nullptr: none); `today` decides calibration status.
    void reset(const shuiheng::Plant* plant, QDate today = QDate::currentDate());

    /// Calibration status of a meter due on `due` (ISO date) as seen on `today`.
    static QString calibrationStatus(const QString& due, bool replaced, QDate today);

signals:
    void countChanged();
    void searchChanged();

private:
    struct Row {
        QString id;
        QString stream;
        QString streamText;
        QString kind;
        QString unit;
        double mpe = 0;
        QString serial;
        QString qrText;
        QString calibrationDue;
        QString calibrationStatus;
        bool replaced = false;
        int level = 0;
        int readingCount = 0;
    };
    bool matches(const Row& row) const;
    void collectShown(); ///< shown_ from all_ and the search
    void refilter();

    QList<Row> all_;
    QList<int> shown_; ///< indices into all_ that match the search
    QString search_;
};
