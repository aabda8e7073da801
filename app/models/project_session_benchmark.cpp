// ProjectSession: the project's benchmarking settings (the plant's "benchmark" extension field,
// docs/indicators.md), written like a meter edit: one change in the project's history.

#include "model/plant.h"
#include "project_session.h"

#include <QJsonDocument>
#include <QJsonObject>

bool ProjectSession::setBenchmark(const QString& industry, const QString& quota) {
    return writeMeters(
        [&](shuiheng::Plant& plant) {
            // Keep what else the setting says (region, declared conditions).
            QJsonObject setting;
            if (const auto it = plant.extra.find("benchmark"); it != plant.extra.end())
                setting = QJsonDocument::fromJson(QByteArray::fromStdString(it->second)).object();
            const auto put = [&](const QString& key, const QString& value) {
                if (value.trimmed().isEmpty())
                    setting.remove(key);
                else
                    setting.insert(key, value.trimmed());
            };
            put(QStringLiteral("industry"), industry);
            put(QStringLiteral("quota"), quota);
            if (setting.isEmpty())
                plant.extra.erase("benchmark");
            else
                plant.extra["benchmark"] =
                    QJsonDocument(setting).toJson(QJsonDocument::Compact).toStdString();
            return true;
        },
        quota.isEmpty() ? tr("clear the benchmark") : tr("benchmark against %1").arg(quota));
}
