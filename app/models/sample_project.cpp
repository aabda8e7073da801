#include "sample_project.h"

#include "data_dir.h"
#include "io/plant_file.h"
#include "project_session.h"
#include "qt_text.h"
#include "store/project_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace {

namespace store = shuiheng::store;

std::string encoded(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

/// The sample's file names in the order they are tried: sample.shuiheng, sample-2.shuiheng, …
QString candidateName(int index) {
    return index == 1 ? QStringLiteral("sample.shuiheng") : QStringLiteral("sample-%1.shuiheng").arg(index);
}

/// How many fresh samples may pile up beside damaged ones before giving up.
constexpr int maxCandidates = 20;

} // namespace

SampleProject::SampleProject(QObject* parent)
    : QObject(parent)
    , folder_(defaultFolder()) {}

QString SampleProject::defaultFolder() {
    if (qEnvironmentVariableIsSet("SHUIHENG_SAMPLE_DIR"))
        return qEnvironmentVariable("SHUIHENG_SAMPLE_DIR");
    return userDataDir() + QStringLiteral("/sample");
}

QString SampleProject::sourcePlant() {
    const QString data = shippedDataDir();
    const QString plant = QDir(data).filePath(QStringLiteral("plants/sample-campaign.json"));
    return !data.isEmpty() && QFileInfo::exists(plant) ? plant : QString();
}

void SampleProject::setFolder(const QString& folder) {
    if (folder == folder_)
        return;
    folder_ = folder;
    emit folderChanged();
}

void SampleProject::setNotice(const QString& text) {
    if (text == notice_)
        return;
    notice_ = text;
    emit noticeChanged();
}

bool SampleProject::fail(const QString& text) {
    setNotice(text);
    return false;
}

bool SampleProject::openIn(ProjectSession* session) {
    if (!session)
        return fail(tr("No project session to open the sample in."));
    const QDir folder(folder_);
    QStringList damaged;
    for (int index = 1; index <= maxCandidates; ++index) {
        const QString path = folder.filePath(candidateName(index));
        if (QFileInfo::exists(path)) {
            // The user's sample, perhaps changed: reused as it is, never made again over it.
            if (session->open(path)) {
                setNotice({});
                return true;
            }
            damaged << session->errorMessage();
            continue;
        }
        if (!make(path))
            return false;
        if (!session->open(path))
            return fail(tr("The sample project was made but does not open: %1").arg(session->errorMessage()));
        setNotice(damaged.isEmpty()
                      ? QString()
                      : tr("The sample project in %1 does not open (%2); it was left as it is and a fresh "
                           "sample was made beside it: %3.")
                            .arg(QDir::toNativeSeparators(folder_), damaged.join(QStringLiteral("; ")),
                                 QFileInfo(path).fileName()));
        return true;
    }
    return fail(tr("No sample project could be opened or made in %1: %2")
                    .arg(QDir::toNativeSeparators(folder_), damaged.join(QStringLiteral("; "))));
}

bool SampleProject::make(const QString& path) {
    const QString plantFile = sourcePlant();
    if (plantFile.isEmpty())
        return fail(
            tr("The sample plant (plants/sample-campaign.json) is not among the shipped data%1.")
                .arg(shippedDataDir().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(shippedDataDir())));
    shuiheng::PlantFileResult plant = shuiheng::loadPlantFile(encoded(plantFile));
    if (!plant.ok())
        return fail(tr("The sample plant %1 cannot be read.").arg(plantFile));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(tr("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath()));

    // Made under another name and moved into place complete. A partial file is only ever ours (a
    // run killed while making it): removing it loses nothing.
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        store::ProjectStore made;
        store::ProjectMeta meta;
        meta.name = tr("Sample project: water-balance test").toStdString();
        meta.enterprise = tr("A salt-lake potash works in Qinghai (made-up sample)").toStdString();
        if (const store::Status status = made.create(encoded(partial), meta, {}); !status)
            return fail(
                tr("Cannot create the sample project %1: %2").arg(partial, toQString(status.message())));
        store::ImportOptions options;
        options.source = QFileInfo(plantFile).fileName().toStdString();
        if (auto report = made.importPlant(*plant.plant, {}, options); !report) {
            made.close();
            QFile::remove(partial);
            return fail(
                tr("The sample plant could not be imported: %1").arg(toQString(report.status().message())));
        }
        made.close();
    }
    if (!planWindow(partial)) {
        QFile::remove(partial);
        return false;
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return fail(tr("Cannot move the sample project into place at %1.").arg(path));
    }
    return true;
}

bool SampleProject::planWindow(const QString& path) {
    store::ProjectStore project;
    if (const store::Status status = project.open(encoded(path)); !status)
        return fail(tr("Cannot plan the sample's test window: %1").arg(toQString(status.message())));
    auto campaigns = project.campaigns();
    if (!campaigns || campaigns->empty())
        return fail(tr("The sample project has no campaign to plan."));
    store::Campaign plan = campaigns->back();
    plan.windowStart = "2026-06-01T00:00:00+08:00";
    plan.windowEnd = "2026-06-04T23:59:59+08:00";
    plan.roundTimes = {"08:00"};
    if (const store::Status status = project.updateCampaign(plan, {}, "sample test window"); !status)
        return fail(tr("Cannot plan the sample's test window: %1").arg(toQString(status.message())));
    return true;
}
