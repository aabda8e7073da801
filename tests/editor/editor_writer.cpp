// The process tst_editor_crash starts and kills: a PlantEditor sketching on a project file as fast
// as it can. After each committed edit (saved() and the call returned) it prints one line saying
// what is now in the file, with a single write(2), so that what it printed was acknowledged.
//   editor_writer FILE ROUND
//   node ID NAME           a unit added and named
//   stream ID FROM TO      a stream added
//   move ID X Y            a node pinned at X, Y
//   category ID CATEGORY   a category set, undone and redone

#include "plant_editor.h"

#include <QCoreApplication>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

void acknowledge(const QString& line) {
    const std::string text = line.toStdString() + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0)
            return;
        done += static_cast<std::size_t>(n);
    }
}

int fail(const PlantEditor& editor) {
    std::fprintf(stderr, "editor_writer: %s\n", editor.error().toStdString().c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: editor_writer FILE ROUND\n");
        return 2;
    }
    const QString round = QString::fromLocal8Bit(argv[2]);
    PlantEditor editor;
    editor.setWho(QStringLiteral("crash-test"));
    editor.setProjectPath(QString::fromLocal8Bit(argv[1]));
    if (!editor.ready())
        return fail(editor);
    for (int k = 0;; ++k) {
        const QString id = editor.addNode(QStringLiteral("unit"), QStringLiteral("process"));
        const QString name = QStringLiteral("N%1-%2").arg(round).arg(k);
        if (id.isEmpty() || !editor.setNodeField(id, QStringLiteral("name"), name))
            return fail(editor);
        acknowledge(QStringLiteral("node %1 %2").arg(id, name));
        if (k % 2 == 0) {
            const QString stream = editor.connectNodes(QStringLiteral("W1"), id);
            if (stream.isEmpty())
                return fail(editor);
            acknowledge(QStringLiteral("stream %1 W1 %2").arg(stream, id));
        }
        if (k % 3 == 1) {
            const double x = 100 + 7 * k, y = 80 + 5 * k;
            if (!editor.moveNode(id, x, y))
                return fail(editor);
            acknowledge(QStringLiteral("move %1 %2 %3").arg(id).arg(x).arg(y));
        }
        if (k % 4 == 3) {
            // Undo and redo of an edit of its own: a kill between them leaves only it undone.
            if (!editor.setNodeField(id, QStringLiteral("category"), QStringLiteral("cooling")) ||
                !editor.undo() || !editor.redo())
                return fail(editor);
            acknowledge(QStringLiteral("category %1 cooling").arg(id));
        }
    }
}
