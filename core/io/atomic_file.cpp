#include "io/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace shuiheng {

std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "'" + path.string() + "' is a directory, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open '" + path.string() + "': " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "cannot read '" + path.string() + "'";
        return std::nullopt;
    }
    return std::move(buffer).str();
}

std::string writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        return "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
    auto fail = [&](const char* what) {
        const std::string reason = std::string(what) + " '" + pattern + "': " + std::strerror(errno);
        ::close(fd);
        ::unlink(pattern.c_str());
        return reason;
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        return fail("cannot flush");
    ::fchmod(fd, 0644);
    if (::close(fd) != 0) {
        ::unlink(pattern.c_str());
        return "cannot close '" + pattern + "': " + std::strerror(errno);
    }
    if (::rename(pattern.c_str(), path.c_str()) != 0) {
        const std::string reason = "cannot replace '" + path.string() + "': " + std::strerror(errno);
        ::unlink(pattern.c_str());
        return reason;
    }
    // Make the rename itself durable.
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace shuiheng
