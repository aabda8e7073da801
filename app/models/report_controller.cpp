#include "report_controller.h"

#include "data_dir.h"
#include "io/atomic_file.h"
#include "local_path.h"
#include "report/prepared_report.h"
#include "report/report_figures.h"
#include "report/report_pdf.h"
#include "report/xlsx_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {

using namespace shuiheng::report;

struct Made {
    std::shared_ptr<const PreparedReport> prepared;
    ReportOutput output;
    QString error;
};

} // namespace

ReportController::ReportController(QObject* parent)
    : QObject(parent) {}

ReportController::~ReportController() = default;

void ReportController::setProjectPath(const QString& path) {
    if (path == projectPath_)
        return;
    projectPath_ = path;
    emit projectPathChanged();
}

void ReportController::setLanguage(const QString& language) {
    if (language == language_)
        return;
    language_ = language;
    emit languageChanged();
}

void ReportController::setError(const QString& error) {
    if (error == error_)
        return;
    error_ = error;
    emit errorChanged();
}

void ReportController::setBusy(bool busy) {
    if (busy == busy_)
        return;
    busy_ = busy;
    emit busyChanged();
}

void ReportController::generate() {
    if (projectPath_.isEmpty()) {
        setError(tr("No project is open."));
        return;
    }
    const std::string path = localPath(projectPath_).toStdString();
    const std::string lang = language_.toStdString();
    ResultOptions options;
    const QString data = shippedDataDir();
    options.quotaDir = data.isEmpty() ? std::string() : (data + QStringLiteral("/quotas")).toStdString();
    const int generation = ++generation_;
    setBusy(true);
    auto* watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_)
            return; // a newer request is on its way
        setBusy(false);
        const Made made = watcher->result();
        if (!made.error.isEmpty()) {
            setError(made.error);
            return;
        }
        const QString file = previewDir_.filePath(QStringLiteral("report-%1.pdf").arg(generation));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(made.output.pdf) != made.output.pdf.size()) {
            setError(tr("The preview could not be written: %1").arg(out.errorString()));
            return;
        }
        out.close();
        prepared_ = made.prepared;
        pdfUrl_ = QUrl::fromLocalFile(file);
        pageCount_ = made.output.pages.pageCount;
        setError({});
        emit reportChanged();
    });
    watcher->setFuture(QtConcurrent::run([path, lang, options] {
        Made made;
        std::string error;
        auto prepared = prepareReport(path, lang, {}, options, error);
        if (!prepared) {
            made.error = QString::fromStdString(error);
            return made;
        }
        made.prepared = std::make_shared<const PreparedReport>(std::move(*prepared));
        made.output = makeReport(*made.prepared);
        if (made.output.pdf.isEmpty())
            made.error = QString::fromStdString(made.output.error);
        return made;
    }));
}

void ReportController::exported(const QString& target) {
    setError({});
    lastExport_ = target;
    emit lastExportChanged();
}

bool ReportController::exportPdf(const QString& target) {
    if (pdfUrl_.isEmpty()) {
        setError(tr("Make the report first."));
        return false;
    }
    QFile preview(pdfUrl_.toLocalFile());
    if (!preview.open(QIODevice::ReadOnly)) {
        setError(preview.errorString());
        return false;
    }
    const QByteArray bytes = preview.readAll();
    const QString path = localPath(target);
    const std::string failure = shuiheng::writeFileAtomically(
        path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!failure.empty()) {
        setError(QString::fromStdString(failure));
        return false;
    }
    exported(path);
    return true;
}

bool ReportController::exportXlsx(const QString& target) {
    if (!prepared_) {
        setError(tr("Make the report first."));
        return false;
    }
    const QString path = localPath(target);
    const std::string failure = shuiheng::report::exportXlsx(path.toStdString(), prepared_->source,
                                                             prepared_->results, prepared_->texts.words);
    if (!failure.empty()) {
        setError(QString::fromStdString(failure));
        return false;
    }
    exported(path);
    return true;
}

bool ReportController::exportSankey(const QString& target) {
    if (!prepared_) {
        setError(tr("Make the report first."));
        return false;
    }
    const QString path = localPath(target);
    const Sankey sankey =
        siteSankeyOf(prepared_->source.plant, prepared_->results, prepared_->source.enterprise);
    const std::string failure = shuiheng::writeFileAtomically(path.toStdString(), sankey.svg);
    if (!failure.empty()) {
        setError(QString::fromStdString(failure));
        return false;
    }
    exported(path);
    return true;
}
