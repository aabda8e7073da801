#include "cli/store_support.h"

#include "cli/exit_codes.h"

#include <QFile>
#include <QString>
#include <ostream>

namespace shuiheng::cli {

void addActorOptions(CLI::App& command, ActorArgs& args) {
    command.add_option("--by", args.who, "who makes the change (default: the user's login name)");
    command.add_option("--device", args.device, "on which device (default: this computer's host name)");
}

int busyTimeoutMs() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("SHUIHENG_BUSY_TIMEOUT_MS", &ok);
    return ok && ms >= 0 ? ms : 5000;
}

int reportStoreFailure(const store::Status& status, std::ostream& err, const std::string& file) {
    if (!file.empty() && !status.message().starts_with(file))
        err << file << ": ";
    err << status.message() << '\n';
    switch (status.kind()) {
    case store::ErrorKind::InvalidInput:
    case store::ErrorKind::NotFound:
    case store::ErrorKind::NotAProject:
    case store::ErrorKind::NewerVersion:
    case store::ErrorKind::Damaged:
    case store::ErrorKind::ReadOnly:
        return exitInvalidInput;
    default:
        return exitInternal;
    }
}

bool isProjectFile(const std::string& path) {
    const QString name = QString::fromStdString(path);
    if (name.endsWith(QLatin1String(".shuiheng"), Qt::CaseInsensitive))
        return true;
    QFile file(name);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace shuiheng::cli
