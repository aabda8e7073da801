// The plant's structs as table rows and back (store_internal.h).

#include "store/extra_json.h"
#include "store/store_internal.h"

#include <QMetaType>
#include <nlohmann/json.hpp>

namespace shuiheng::store::detail {
namespace {

QString text(std::string_view value) {
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString extras(const ExtraFields& extra) {
    return qs(extrasToJson(extra));
}

ExtraFields extrasOf(const QVariant& value) {
    return extrasFromJson(ss(value));
}

} // namespace

QVariant nullable(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

QVariant nullable(const std::optional<int>& value) {
    return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<double> optionalDouble(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

std::optional<int> optionalInt(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

int fieldIndex(const EntityTable& table, const char* field) {
    for (std::size_t i = 0; i < table.fields.size(); ++i)
        if (std::string_view(table.fields[i]) == field)
            return static_cast<int>(i);
    return -1;
}

QVariantList nodeValues(const Node& node, int ordinal) {
    return {static_cast<qlonglong>(ordinal),
            qs(node.name),
            text(toString(node.kind)),
            qs(node.parent),
            node.origin ? text(toString(*node.origin)) : QString(""),
            qs(node.category),
            extras(node.extra)};
}

Node nodeFrom(const QString& id, const QVariantList& v) {
    Node node;
    node.id = id.toStdString();
    node.name = ss(v[1]);
    node.kind = parseNodeKind(ss(v[2])).value_or(NodeKind::Unit);
    node.parent = ss(v[3]);
    if (const std::string origin = ss(v[4]); !origin.empty())
        node.origin = parseSourceOrigin(origin);
    node.category = ss(v[5]);
    node.extra = extrasOf(v[6]);
    return node;
}

QVariantList streamValues(const Stream& stream, int ordinal) {
    const auto& m = stream.measurement;
    return {static_cast<qlonglong>(ordinal),
            qs(stream.from),
            qs(stream.to),
            stream.declaredType ? text(toString(*stream.declaredType)) : QString(""),
            nullable(m ? std::optional<double>(m->value) : std::nullopt),
            nullable(m ? std::optional<double>(m->sigma) : std::nullopt),
            m ? extras(m->extra) : QString(""),
            extras(stream.extra)};
}

Stream streamFrom(const QString& id, const QVariantList& v) {
    Stream stream;
    stream.id = id.toStdString();
    stream.from = ss(v[1]);
    stream.to = ss(v[2]);
    if (const std::string type = ss(v[3]); !type.empty())
        stream.declaredType = parseStreamType(type);
    if (!v[4].isNull()) {
        Measurement m;
        m.value = v[4].toDouble();
        m.sigma = v[5].toDouble();
        m.extra = extrasOf(v[6]);
        stream.measurement = m;
    }
    stream.extra = extrasOf(v[7]);
    return stream;
}

QVariantList meterValues(const Meter& m, int ordinal) {
    return {static_cast<qlonglong>(ordinal),
            qs(m.stream),
            text(toString(m.kind)),
            qs(m.unit),
            m.mpe,
            nullable(m.rollover),
            m.factor,
            qs(m.serial),
            qs(m.qrText),
            m.method ? text(toString(*m.method)) : QString(""),
            nullable(m.dn),
            qs(m.accuracyClass),
            qs(m.calibrationDate),
            qs(m.calibrationDue),
            qs(m.certificate),
            nullable(m.level),
            qs(m.installed),
            qs(m.removed),
            extras(m.extra)};
}

Meter meterFrom(const QString& id, const QVariantList& v) {
    Meter m;
    m.id = id.toStdString();
    m.stream = ss(v[1]);
    m.kind = parseMeterKind(ss(v[2])).value_or(MeterKind::Totalizer);
    m.unit = ss(v[3]);
    m.mpe = v[4].toDouble();
    m.rollover = optionalDouble(v[5]);
    m.factor = v[6].toDouble();
    m.serial = ss(v[7]);
    m.qrText = ss(v[8]);
    if (const std::string method = ss(v[9]); !method.empty())
        m.method = parseReadingMethod(method);
    m.dn = optionalInt(v[10]);
    m.accuracyClass = ss(v[11]);
    m.calibrationDate = ss(v[12]);
    m.calibrationDue = ss(v[13]);
    m.certificate = ss(v[14]);
    m.level = optionalInt(v[15]);
    m.installed = ss(v[16]);
    m.removed = ss(v[17]);
    m.extra = extrasOf(v[18]);
    return m;
}

QVariantList campaignValues(const Campaign& c) {
    return {qs(c.name),      qs(c.windowStart),
            qs(c.windowEnd), qs(nlohmann::json(c.roundTimes).dump()),
            qs(c.note),      qs(nlohmann::json(c.route).dump())};
}

/// The strings of a JSON array (round times, a route); empty when the text is not one.
static std::vector<std::string> stringList(const std::string& json) {
    std::vector<std::string> out;
    try {
        const auto items = nlohmann::json::parse(json);
        if (items.is_array())
            for (const auto& item : items)
                if (item.is_string())
                    out.push_back(item.get<std::string>());
    } catch (const nlohmann::json::exception&) {
    }
    return out;
}

Campaign campaignFrom(const QString& id, const QVariantList& v) {
    Campaign c;
    c.id = id.toStdString();
    c.name = ss(v[0]);
    c.windowStart = ss(v[1]);
    c.windowEnd = ss(v[2]);
    c.roundTimes = stringList(ss(v[3]));
    c.note = ss(v[4]);
    c.route = stringList(ss(v[5]));
    return c;
}

QVariantList productionValues(const ProductionData& p) {
    return {p.quantity,
            qs(p.unit),
            qs(p.per),
            nullable(p.valueAdded),
            qs(p.valueAddedUnit),
            nullable(p.workingDays),
            nullable(p.staff),
            extras(p.extra)};
}

ProductionData productionFrom(const QVariantList& v) {
    ProductionData p;
    p.quantity = v[0].toDouble();
    p.unit = ss(v[1]);
    p.per = ss(v[2]);
    p.valueAdded = optionalDouble(v[3]);
    p.valueAddedUnit = ss(v[4]);
    p.workingDays = optionalDouble(v[5]);
    p.staff = optionalInt(v[6]);
    p.extra = extrasOf(v[7]);
    return p;
}

Result<std::vector<std::pair<QString, Version>>> liveEntities(Database& db, const EntityTable& table) {
    auto current = currentVersions(db, table);
    if (!current)
        return current.status();
    std::vector<std::pair<QString, Version>> live;
    for (auto& [key, version] : *current)
        if (!version.deleted)
            live.emplace_back(key, std::move(version));
    if (!table.fields.empty() && std::string_view(table.fields[0]) == "ordinal")
        std::stable_sort(live.begin(), live.end(), [](const auto& a, const auto& b) {
            return a.second.values[0].toLongLong() < b.second.values[0].toLongLong();
        });
    return live;
}

Status requireLiveMeter(Database& db, const std::string& id) {
    auto v = currentVersion(db, meterTable(), qs(id));
    if (!v)
        return v.status();
    if (!*v || (*v)->deleted)
        return Status(ErrorKind::NotFound, "unknown meter '" + id + "'");
    return {};
}

Result<std::map<std::string, Meter>> liveMeters(Database& db, const std::set<std::string>* ids) {
    if (ids && ids->size() <= 16) {
        // A few meters (a reading entered by hand): looked up one by one rather than all loaded.
        std::map<std::string, Meter> meters;
        for (const std::string& id : *ids) {
            auto v = currentVersion(db, meterTable(), qs(id));
            if (!v)
                return v.status();
            if (*v && !(*v)->deleted)
                meters.emplace(id, meterFrom(qs(id), (*v)->values));
        }
        return meters;
    }
    auto live = liveEntities(db, meterTable());
    if (!live)
        return live.status();
    std::map<std::string, Meter> meters;
    for (const auto& [key, version] : *live)
        meters.emplace(key.toStdString(), meterFrom(key, version.values));
    return meters;
}

Result<std::string> flowUnit(Database& db) {
    auto q = db.select(QStringLiteral("SELECT flow_unit FROM project WHERE superseded_by IS NULL"));
    if (!q)
        return q.status();
    if (!q->next())
        return Status(ErrorKind::Damaged, "the project has no project record");
    return ss(q->value(0));
}

} // namespace shuiheng::store::detail
