#pragma once
// The report page's controller (qml/report/ReportPage.qml): makes the water-balance test report of
// a project or plant file on a worker thread, keeps the PDF in a temporary file for the preview, and
// exports it, the spreadsheet or the Sankey diagram where the user chooses. docs/report.md.

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace shuiheng::report {
struct PreparedReport;
}

class ReportController : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The project (.shuiheng) or plant file the report is made from (local path or file: URL).
    Q_PROPERTY(QString projectPath READ projectPath WRITE setProjectPath NOTIFY projectPathChanged)
    /// Language of the documents: "zh" (default) or "en".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// True while a report is being made.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// The previewed PDF (a temporary file), empty before the first report.
    Q_PROPERTY(QUrl pdfUrl READ pdfUrl NOTIFY reportChanged)
    /// Pages of the previewed report.
    Q_PROPERTY(int pageCount READ pageCount NOTIFY reportChanged)
    /// What went wrong last, in plain words; empty when the last action succeeded.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// What the last export wrote, for the user to see ("Saved …").
    Q_PROPERTY(QString lastExport READ lastExport NOTIFY lastExportChanged)

public:
    explicit ReportController(QObject* parent = nullptr);
    ~ReportController() override;

    QString projectPath() const { return projectPath_; }
    void setProjectPath(const QString& path);
    QString language() const { return language_; }
    void setLanguage(const QString& language);
    bool busy() const { return busy_; }
    QUrl pdfUrl() const { return pdfUrl_; }
    int pageCount() const { return pageCount_; }
    QString error() const { return error_; }
    QString lastExport() const { return lastExport_; }

    /// Makes the report in the background; reportChanged (or errorChanged) when done.
    Q_INVOKABLE void generate();
    /// Copies the previewed PDF to `target` (path or file: URL). False with `error` set on failure.
    Q_INVOKABLE bool exportPdf(const QString& target);
    /// Writes the spreadsheet of the tables to `target`.
    Q_INVOKABLE bool exportXlsx(const QString& target);
    /// Writes the site Sankey diagram (SVG) to `target`.
    Q_INVOKABLE bool exportSankey(const QString& target);

signals:
    void projectPathChanged();
    void languageChanged();
    void busyChanged();
    void reportChanged();
    void errorChanged();
    void lastExportChanged();

private:
    void setError(const QString& error);
    void setBusy(bool busy);
    void exported(const QString& target);

    QString projectPath_;
    QString language_ = QStringLiteral("zh");
    bool busy_ = false;
    QUrl pdfUrl_;
    int pageCount_ = 0;
    QString error_;
    QString lastExport_;
    QTemporaryDir previewDir_;
    int generation_ = 0;
    std::shared_ptr<const shuiheng::report::PreparedReport> prepared_; ///< of the report previewed
};
