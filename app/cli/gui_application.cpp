#include "cli/gui_application.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace shuiheng::cli {

std::unique_ptr<QGuiApplication> guiApplication() {
    if (QCoreApplication::instance())
        return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a runtime directory Qt warns on stderr, where only our own messages belong: a
    // private one (QTemporaryDir makes it 0700), removed when the command ends.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        static QTemporaryDir runtime(QDir::tempPath() + QStringLiteral("/shuiheng-runtime-XXXXXX"));
        if (runtime.isValid())
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    }
    static int argc = 1;
    static char name[] = "shuiheng-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace shuiheng::cli
