// A helper for the process tests (not a test itself). Modes:
//   store_writer add FILE SEED   adds readings in a loop (with an edit now and then and a batch of 20
//                                every so often); prints "add ID" or "edit ID VALUE" on stdout once the
//                                change is committed; runs until killed.
//   store_writer hold FILE MS    takes the write lock, prints "locked", holds it MS ms, lets go.

#include "store/database.h"
#include "store/project_store.h"

#include <QRandomGenerator>
#include <QThread>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

using namespace shuiheng;

namespace {

/// Writes the whole line with one write(2): what is acknowledged is in the pipe even if killed next.
void acknowledge(const std::string& line) {
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0)
            return;
        done += static_cast<std::size_t>(n);
    }
}

int fail(const store::Status& s) {
    std::fprintf(stderr, "store_writer: %s\n", s.message().c_str());
    return 1;
}

int add(const std::string& path, quint32 seed) {
    store::ProjectStore project;
    if (store::Status s = project.open(path, {false, 10000, true}); !s)
        return fail(s);
    QRandomGenerator random(seed);
    const store::Actor actor{"crash-test", "writer-" + std::to_string(seed)};
    std::vector<std::string> mine;
    for (long step = 0;; ++step) {
        const int meter = 1 + static_cast<int>(random.bounded(3));
        auto timeAt = [step](int second) {
            char text[40];
            std::snprintf(text, sizeof text, "2026-07-%02dT%02d:%02d:%02d+08:00",
                          1 + static_cast<int>(step / 1440 % 28), static_cast<int>(step / 60 % 24),
                          static_cast<int>(step % 60), second);
            return std::string(text);
        };
        if (step % 25 == 24) {
            std::vector<store::NewReading> batch;
            for (int i = 0; i < 20; ++i) {
                store::NewReading e;
                e.reading =
                    Reading{"M3", timeAt(10 + i), 10 + random.generateDouble(), "", "", "batch", "", {}};
                batch.push_back(e);
            }
            store::ImportOptions options;
            options.returnIds = true;
            auto report = project.addReadings(batch, actor, options);
            if (!report)
                return fail(report.status());
            for (const std::string& id : report->ids) {
                acknowledge("add " + id);
                mine.push_back(id);
            }
        } else if (step % 10 == 9 && !mine.empty()) {
            const std::string& id = mine[random.bounded(static_cast<quint32>(mine.size()))];
            const double value = static_cast<double>(random.bounded(100000u)) / 8.0;
            auto edited = project.editReading(id, value, "crash test edit", actor);
            if (!edited)
                return fail(edited.status());
            char text[80];
            std::snprintf(text, sizeof text, "%.17g", value);
            acknowledge("edit " + id + " " + text);
        } else {
            store::NewReading e;
            e.reading = Reading{"M" + std::to_string(meter),
                                timeAt(static_cast<int>(seed % 60)),
                                random.generateDouble() * 1000,
                                "",
                                "",
                                "",
                                "",
                                {}};
            auto added = project.addReading(e, actor);
            if (!added)
                return fail(added.status());
            acknowledge("add " + added->id);
            mine.push_back(added->id);
        }
    }
}

int hold(const std::string& path, int ms) {
    store::Database db;
    if (store::Status s = db.open(QString::fromStdString(path), false, 10000); !s)
        return fail(s);
    store::WriteTransaction transaction(db);
    if (store::Status s = transaction.begin(); !s)
        return fail(s);
    acknowledge("locked");
    QThread::msleep(static_cast<unsigned long>(ms));
    if (store::Status s = transaction.commit(); !s)
        return fail(s);
    acknowledge("released");
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "add") == 0)
        return add(argv[2], static_cast<quint32>(std::stoul(argv[3])));
    if (argc == 4 && std::strcmp(argv[1], "hold") == 0)
        return hold(argv[2], std::stoi(argv[3]));
    std::fprintf(stderr, "usage: store_writer add FILE SEED | hold FILE MS\n");
    return 2;
}
