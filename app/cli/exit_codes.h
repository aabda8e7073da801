#pragma once
// Exit statuses of shuiheng-cli (shared/contract.md).

namespace shuiheng::cli {

inline constexpr int exitOk = 0;
inline constexpr int exitInternal = 1;
inline constexpr int exitInvalidInput = 2;

} // namespace shuiheng::cli
