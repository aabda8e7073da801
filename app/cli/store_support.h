#pragma once
// What the project commands share: opening a .shuiheng file, who is acting, and how a store failure
// becomes a message and an exit status (2: the file or the data given; 1: the disk, a lock, a bug).

#include "store/project_store.h"

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <string>

namespace shuiheng::cli {

/// --by WHO and --device NAME of a command that changes a project.
struct ActorArgs {
    std::string who;
    std::string device;
    store::Actor actor() const { return {who, device}; }
};
void addActorOptions(CLI::App& command, ActorArgs& args);

/// How long a writer waits for another: SHUIHENG_BUSY_TIMEOUT_MS, else 5000 ms.
int busyTimeoutMs();

/// Prints "FILE: message" (the file's name only when the message does not start with it) and
/// returns the exit status for it.
int reportStoreFailure(const store::Status& status, std::ostream& err, const std::string& file = {});

/// True when the path names a project file (.shuiheng, or an SQLite file by its first bytes).
bool isProjectFile(const std::string& path);

} // namespace shuiheng::cli
