#include "model/kinds.h"

#include <array>
#include <utility>

namespace shuiheng {
namespace {

template <typename Enum, std::size_t N>
using Spellings = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Spellings<NodeKind, 6> nodeKinds{{{NodeKind::Source, "source"},
                                            {NodeKind::Unit, "unit"},
                                            {NodeKind::Group, "group"},
                                            {NodeKind::Discharge, "discharge"},
                                            {NodeKind::Consumption, "consumption"},
                                            {NodeKind::Loss, "loss"}}};

constexpr Spellings<SourceOrigin, 9> origins{{{SourceOrigin::Municipal, "municipal"},
                                              {SourceOrigin::Groundwater, "groundwater"},
                                              {SourceOrigin::Surface, "surface"},
                                              {SourceOrigin::Reclaimed, "reclaimed"},
                                              {SourceOrigin::Rain, "rain"},
                                              {SourceOrigin::Mine, "mine"},
                                              {SourceOrigin::Brackish, "brackish"},
                                              {SourceOrigin::PurchasedSteam, "purchased-steam"},
                                              {SourceOrigin::Other, "other"}}};

constexpr Spellings<StreamType, 6> streamTypes{{{StreamType::Intake, "intake"},
                                                {StreamType::Cascade, "cascade"},
                                                {StreamType::Recycle, "recycle"},
                                                {StreamType::Discharge, "discharge"},
                                                {StreamType::Consumption, "consumption"},
                                                {StreamType::Leakage, "leakage"}}};

template <typename Enum, std::size_t N>
std::string_view spell(const Spellings<Enum, N>& table, Enum value) {
    for (const auto& [e, text] : table)
        if (e == value)
            return text;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const Spellings<Enum, N>& table, std::string_view text) {
    for (const auto& [e, spelling] : table)
        if (spelling == text)
            return e;
    return std::nullopt;
}

} // namespace

std::string_view toString(NodeKind kind) {
    return spell(nodeKinds, kind);
}
std::string_view toString(SourceOrigin origin) {
    return spell(origins, origin);
}
std::string_view toString(StreamType type) {
    return spell(streamTypes, type);
}

std::optional<NodeKind> parseNodeKind(std::string_view text) {
    return lookup(nodeKinds, text);
}
std::optional<SourceOrigin> parseSourceOrigin(std::string_view text) {
    return lookup(origins, text);
}
std::optional<StreamType> parseStreamType(std::string_view text) {
    return lookup(streamTypes, text);
}

bool isBoundary(NodeKind kind) {
    return kind != NodeKind::Unit && kind != NodeKind::Group;
}
bool isSink(NodeKind kind) {
    return kind == NodeKind::Discharge || kind == NodeKind::Consumption || kind == NodeKind::Loss;
}
bool isNonConventional(SourceOrigin origin) {
    return origin == SourceOrigin::Reclaimed || origin == SourceOrigin::Rain ||
           origin == SourceOrigin::Mine || origin == SourceOrigin::Brackish;
}

} // namespace shuiheng
