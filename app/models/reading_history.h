#pragma once
// Where a number came from (docs/app.md, "History"): for a flow (stream), an indicator or a meter,
// the readings behind it — a flow's through the samples core/campaign derived it from, an
// indicator's through the streams core/indicators says entered it — and every change to each of
// those readings from the store's history: who, when, on which device, why, old → new; with the
// plausibility warnings recorded and the reasons given.

#include "project_session.h"
#include "record_list_model.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

class ReadingHistory : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The open project.
    Q_PROPERTY(ProjectSession* session READ session WRITE setSession NOTIFY sessionChanged)
    /// What is shown: "stream", "indicator" or "meter", and its id (an indicator: "key" for the site,
    /// "key@scope" for a group or unit).
    Q_PROPERTY(QString kind READ kind NOTIFY loaded)
    Q_PROPERTY(QString subject READ subject NOTIFY loaded)
    /// One line saying what it is ("Flow S3 · 循环冷却系统 → 污水管网").
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    /// The rows, readings in time order each followed by its changes: type (reading, change,
    /// warning), meter, time, value, readingId, version, at, who, device, why, field, oldValue, newValue.
    Q_PROPERTY(RecordListModel* rows READ rows CONSTANT)
    /// Readings shown and changes made to them after they were entered.
    Q_PROPERTY(int readingCount READ readingCount NOTIFY loaded)
    Q_PROPERTY(int changeCount READ changeCount NOTIFY loaded)
    /// Why nothing is shown, in plain words; empty when rows were found.
    Q_PROPERTY(QString message READ message NOTIFY loaded)

public:
    explicit ReadingHistory(QObject* parent = nullptr);

    ProjectSession* session() const { return session_; }
    void setSession(ProjectSession* session);
    QString kind() const { return kind_; }
    QString subject() const { return subject_; }
    QString title() const { return title_; }
    RecordListModel* rows() const { return rows_; }
    int readingCount() const { return readingCount_; }
    int changeCount() const { return changeCount_; }
    QString message() const { return message_; }

    /// Shows the history of `id` of `kind`; false (and `message`) when there is no such thing or
    /// nothing behind it.
    Q_INVOKABLE bool load(const QString& kind, const QString& id);

signals:
    void sessionChanged();
    void loaded();

private:
    bool fail(const QString& message);

    QPointer<ProjectSession> session_;
    RecordListModel* rows_;
    QString kind_, subject_, title_, message_;
    int readingCount_ = 0;
    int changeCount_ = 0;
};
