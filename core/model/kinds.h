#pragma once
// The vocabularies of the plant file v1: node kinds, source origins, stream types.
// Each has a stable spelling in the file; parse* returns nullopt for an unknown spelling.

#include <optional>
#include <string_view>

namespace shuiheng {

enum class NodeKind { Source, Unit, Group, Discharge, Consumption, Loss };

enum class SourceOrigin {
    Municipal,
    Groundwater,
    Surface,
    Reclaimed,
    Rain,
    Mine,
    Brackish,
    PurchasedSteam,
    Other
};

/// What a stream carries. Derived from its ends unless the file says `recycle`.
enum class StreamType { Intake, Cascade, Recycle, Discharge, Consumption, Leakage };

std::string_view toString(NodeKind kind);
std::string_view toString(SourceOrigin origin);
std::string_view toString(StreamType type);

std::optional<NodeKind> parseNodeKind(std::string_view text);
std::optional<SourceOrigin> parseSourceOrigin(std::string_view text);
std::optional<StreamType> parseStreamType(std::string_view text);

/// Source, discharge, consumption and loss nodes: water enters or leaves the site there; no balance.
bool isBoundary(NodeKind kind);
/// Discharge, consumption and loss nodes.
bool isSink(NodeKind kind);
/// Non-conventional water (非常规水资源): reclaimed, rain, mine and brackish water.
bool isNonConventional(SourceOrigin origin);

} // namespace shuiheng
