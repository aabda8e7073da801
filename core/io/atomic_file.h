#pragma once
// Whole-file reads and atomic writes: a write goes to a temporary file beside the target, is
// flushed to disk, then renamed over it, so a crash leaves either the old or the new file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace shuiheng {

/// The file's bytes, or nullopt with `error` set to a readable reason.
std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::string& error);

/// Empty on success, otherwise what went wrong; the target is untouched on failure.
std::string writeFileAtomically(const std::filesystem::path& path, std::string_view content);

} // namespace shuiheng
