// The packaging's cheap checks, run by the suite (packaging/install-check.sh does the full install
// into a clean root): the app's package names every QML module the UI loads, the desktop entry and
// the AppStream metainfo validate, every subcommand has a manual page that groff reads without a
// warning, bash completes the CLI, and an installed tree finds its data where it is installed.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString sourceDir = QStringLiteral(SHUIHENG_SOURCE_DIR);
const QString buildDir = QStringLiteral(SHUIHENG_BUILD_DIR);

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments, const QString& workingDir = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDir);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Run r;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        r.err = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

QByteArray describe(const Run& r) {
    return QStringLiteral("exit %1\n--- stdout:\n%2--- stderr:\n%3")
        .arg(r.exitCode)
        .arg(r.out, r.err)
        .toUtf8();
}

QSet<QString> lines(const QString& text) {
    const QStringList list = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return {list.begin(), list.end()};
}

/// The packages of some sets of packaging/debian-packages.txt, as make-debs.sh reads them.
QSet<QString> packageSet(const QStringList& sets) {
    const Run r = run(sourceDir + "/packaging/install-deps.sh", QStringList{"--list"} + sets);
    if (r.exitCode != 0)
        qFatal("%s", describe(r).constData());
    return lines(r.out);
}

/// The modules `import`ed by the QML files (not our own Shuiheng.* modules, nor QtTest).
QSet<QString> importsOf(const QStringList& files) {
    static const QRegularExpression importLine(QStringLiteral(R"(^import\s+([A-Za-z][\w.]*))"),
                                               QRegularExpression::MultilineOption);
    QSet<QString> modules;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = importLine.globalMatch(text); match.hasNext();) {
            const QString module = match.next().captured(1);
            if (!module.startsWith(QStringLiteral("Shuiheng.")) && module != QStringLiteral("QtTest"))
                modules.insert(module);
        }
    }
    return modules;
}

QString qmldirOf(const QString& module) {
    return QLibraryInfo::path(QLibraryInfo::QmlImportsPath) + QLatin1Char('/') +
           QString(module).replace(QLatin1Char('.'), QLatin1Char('/')) + QStringLiteral("/qmldir");
}

/// The modules and what they import in turn (their qmldir's import and depends lines), as the
/// QML engine loads them. A module without a qmldir of its own (QtQml.Models lives in QtQml's
/// plugin; the other platforms' Controls styles, imported optionally) is part of another.
QSet<QString> importClosure(QSet<QString> todo) {
    QSet<QString> seen;
    while (!todo.isEmpty()) {
        const QString module = *todo.begin();
        todo.erase(todo.begin());
        if (seen.contains(module))
            continue;
        QFile qmldir(qmldirOf(module));
        if (!qmldir.open(QIODevice::ReadOnly))
            continue;
        seen.insert(module);
        for (const QByteArray& raw : qmldir.readAll().split('\n')) {
            QStringList words = QString::fromUtf8(raw).simplified().split(QLatin1Char(' '));
            if (words.value(0) == QStringLiteral("optional") || words.value(0) == QStringLiteral("default"))
                words.removeFirst();
            if (words.value(0) == QStringLiteral("import") || words.value(0) == QStringLiteral("depends"))
                todo.insert(words.value(1));
        }
    }
    return seen;
}

/// The Debian package that installed each module's qmldir (dpkg -S).
QSet<QString> packagesOf(const QSet<QString>& modules) {
    QSet<QString> packages;
    for (const QString& module : modules) {
        const Run r = run(QStringLiteral("dpkg"), {QStringLiteral("-S"), qmldirOf(module)});
        if (r.exitCode != 0)
            qFatal("no Debian package holds %s: %s", qPrintable(module), describe(r).constData());
        packages.insert(r.out.section(QLatin1Char(':'), 0, 0));
    }
    return packages;
}

QString joined(const QSet<QString>& set) {
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QStringLiteral(", "));
}

/// `shuiheng-cli WORDS... --help`'s subcommands, recursively: "balance", "project new", ...
QStringList subcommands(const QString& cli, const QStringList& words = {}) {
    const Run r = run(cli, words + QStringList{QStringLiteral("--help")});
    QStringList found;
    bool inside = false;
    for (const QString& line : r.out.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char(' ')) && line.endsWith(QLatin1Char(':'))) {
            inside = line == QStringLiteral("Subcommands:");
            continue;
        }
        if (inside && line.startsWith(QStringLiteral("  ")) && !line.startsWith(QStringLiteral("   "))) {
            const QStringList path = words + QStringList{line.simplified().section(QLatin1Char(' '), 0, 0)};
            found << path.join(QLatin1Char(' ')) << subcommands(cli, path);
        }
    }
    return found;
}

} // namespace

class TestPackaging : public QObject {
    Q_OBJECT

private slots:
    void qmlModulesAreTheRunSet() {
        // dpkg-shlibdeps cannot see QML modules: the app's Depends (the run set) must name the
        // package of every module the UI imports and of those they import, and nothing else.
        QStringList all;
        QStringList always;
        QDirIterator it(sourceDir + "/qml", {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            all << file;
            // Loaded by ReadingEntryPage's Loader only where QtMultimedia is installed: the camera set.
            if (!file.endsWith(QStringLiteral("/CameraCapture.qml")))
                always << file;
        }
        QVERIFY(!always.isEmpty() && always.size() < all.size());
        const QSet<QString> needed = packagesOf(importClosure(importsOf(always)));
        const QSet<QString> optional = packagesOf(importClosure(importsOf(all))) - needed;

        auto qmlPackages = [](const QSet<QString>& packages) {
            QSet<QString> modules;
            for (const QString& p : packages)
                if (p.startsWith(QStringLiteral("qml6-module-")))
                    modules.insert(p);
            return modules;
        };
        const QSet<QString> run = qmlPackages(packageSet({QStringLiteral("run")}));
        const QSet<QString> camera = qmlPackages(packageSet({QStringLiteral("camera")}));
        QVERIFY2(run == needed, qPrintable(QStringLiteral("the run set's QML modules: %1\nthe UI loads: %2")
                                               .arg(joined(run), joined(needed))));
        QVERIFY2(
            camera == optional,
            qPrintable(QStringLiteral("the camera set's QML modules: %1\nthe camera page loads besides: %2")
                           .arg(joined(camera), joined(optional))));
    }

    void versionsAgree() {
        QFile changelog(sourceDir + "/packaging/debian/changelog");
        QVERIFY(changelog.open(QIODevice::ReadOnly));
        const QString first = QString::fromUtf8(changelog.readLine());
        QCOMPARE(first.section(QLatin1Char('('), 1).section(QLatin1Char(')'), 0, 0),
                 QStringLiteral(SHUIHENG_VERSION));
        QFile metainfo(buildDir + "/packaging/cn.shuiheng.shuiheng.metainfo.xml");
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        QVERIFY(metainfo.readAll().contains("<release version=\"" SHUIHENG_VERSION "\""));
    }

    void desktopEntryValidates() {
        const Run r = run(QStringLiteral("desktop-file-validate"),
                          {sourceDir + "/packaging/desktop/cn.shuiheng.shuiheng.desktop"});
        QVERIFY2(r.exitCode == 0 && r.out.isEmpty() && r.err.isEmpty(), describe(r));
    }

    void metainfoValidates() {
        const Run r =
            run(QStringLiteral("appstreamcli"),
                {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
                 buildDir + "/packaging/cn.shuiheng.shuiheng.metainfo.xml"});
        QVERIFY2(r.exitCode == 0 && !r.out.contains(QStringLiteral("W:")) &&
                     !r.out.contains(QStringLiteral("E:")),
                 describe(r));
    }

    void manPageForEverySubcommand() {
        const QString cli = buildDir + "/bin/shuiheng-cli";
        const QStringList commands = subcommands(cli);
        QVERIFY2(commands.contains(QStringLiteral("balance")) &&
                     commands.contains(QStringLiteral("project new")),
                 qPrintable(commands.join(QLatin1Char('\n'))));
        QStringList pages{QStringLiteral("shuiheng"), QStringLiteral("shuiheng-cli")};
        for (const QString& command : commands)
            pages << QStringLiteral("shuiheng-cli-") +
                         QString(command).replace(QLatin1Char(' '), QLatin1Char('-'));
        const QDir man(buildDir + "/packaging/man");
        QStringList written = man.entryList({QStringLiteral("*.1")}, QDir::Files);
        for (QString& page : written)
            page.chop(2);
        pages.sort();
        written.sort();
        QCOMPARE(written, pages);
        for (const QString& page : pages) {
            // groff with every warning on; -z: parse and lay out, print nothing.
            const Run r = run(QStringLiteral("groff"),
                              {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                               QStringLiteral("-Tutf8"), man.filePath(page + ".1")});
            QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(page + ": " + describe(r)));
            const Run text =
                run(QStringLiteral("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"),
                                              QStringLiteral("-P-cbou"), man.filePath(page + ".1")});
            QVERIFY2(text.out.contains(QStringLiteral("NAME")) &&
                         text.out.contains(QStringLiteral("SYNOPSIS")) &&
                         text.out.contains(QStringLiteral("OPTIONS")),
                     qPrintable(page + ":\n" + text.out.left(2000)));
        }
    }

    void bashCompletesTheCli_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("subcommand") << "shuiheng-cli bal"
                                    << "balance";
        QTest::newRow("option") << "shuiheng-cli balance --js"
                                << "--json";
        QTest::newRow("nested subcommand") << "shuiheng-cli project ne"
                                           << "new";
        QTest::newRow("nested option") << "shuiheng-cli project new x.shuiheng --pla"
                                       << "--plant";
        QTest::newRow("file") << "shuiheng-cli balance data/plants/sample-pl"
                              << "data/plants/sample-plant.json";
    }

    void bashCompletesTheCli() {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), buildDir + "/bin:" + env.value(QStringLiteral("PATH")));
        const QString script = QStringLiteral("source %1/packaging/completion/shuiheng-cli\n"
                                              "COMP_WORDS=(%2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                                              "_shuiheng_cli; printf '%s\\n' \"${COMPREPLY[@]}\"")
                                   .arg(sourceDir, line);
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), script}, sourceDir, env);
        QVERIFY2(r.exitCode == 0 &&
                     r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) == QStringList{expected},
                 describe(r));
    }

    void installedTreeFindsItsData() {
        // What the .debs hold is `cmake --install`'s tree, split by packaging/debian/*.install.
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        const Run install = run(QStringLiteral("cmake"), {QStringLiteral("--install"), buildDir,
                                                          QStringLiteral("--prefix"), prefix.path()});
        QVERIFY2(install.exitCode == 0, describe(install));

        // Every installed file goes to one package, and every line of the .install files finds one.
        QStringList installed;
        QDirIterator it(prefix.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            installed << QStringLiteral("usr") + it.next().mid(prefix.path().size());
        QMap<QString, int> owners;
        for (const QString& package :
             {QStringLiteral("shuiheng"), QStringLiteral("shuiheng-cli"), QStringLiteral("shuiheng-data")}) {
            QFile list(sourceDir + "/packaging/debian/" + package + ".install");
            QVERIFY(list.open(QIODevice::ReadOnly));
            for (const QString& pattern : lines(QString::fromUtf8(list.readAll()))) {
                // dh_install's patterns: a * stays within one folder; a folder takes what is in it.
                const QRegularExpression match(
                    QRegularExpression::anchoredPattern(QRegularExpression::escape(pattern).replace(
                                                            QStringLiteral("\\*"), QStringLiteral("[^/]*")) +
                                                        QStringLiteral("(/.*)?")));
                int found = 0;
                for (const QString& file : installed)
                    if (match.match(file).hasMatch()) {
                        ++owners[file];
                        ++found;
                    }
                QVERIFY2(found > 0, qPrintable(package + ".install: nothing installed matches " + pattern));
            }
        }
        for (const QString& file : installed)
            QVERIFY2(owners.value(file) == 1,
                     qPrintable(file + QStringLiteral(" is in %1 packages").arg(owners.value(file))));

        // The installed CLI reads the installed quota tables: the sample's benchmark is known.
        const QString bin = prefix.filePath(QStringLiteral("bin/shuiheng-cli"));
        const QString sample = prefix.filePath(QStringLiteral("share/shuiheng/plants/sample-plant.json"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SHUIHENG_DATA_DIR"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), prefix.filePath(QStringLiteral("home-data")));
        const Run quotas = run(bin, {QStringLiteral("quotas"), QStringLiteral("list")}, prefix.path(), env);
        QVERIFY2(quotas.exitCode == 0 && quotas.out.contains(QStringLiteral("gbt-18916")), describe(quotas));
        const Run balance = run(bin, {QStringLiteral("balance"), sample}, prefix.path(), env);
        QVERIFY2(balance.exitCode == 0 && balance.out.contains(QStringLiteral("chi-square")),
                 describe(balance));

        // The installed app's first run makes the sample project from the installed sample campaign
        // and opens it on the balance page.
        QProcessEnvironment appEnv = env;
        appEnv.insert(QStringLiteral("XDG_CONFIG_HOME"), prefix.filePath(QStringLiteral("home-config")));
        appEnv.remove(QStringLiteral("SHUIHENG_SAMPLE_DIR"));
        const Run first = run(prefix.filePath(QStringLiteral("bin/shuiheng")),
                              {QStringLiteral("--startup-report")}, prefix.path(), appEnv);
        QVERIFY2(first.exitCode == 0 && first.out.contains(QStringLiteral("\"projectOpen\":true")) &&
                     first.out.contains(QStringLiteral("\"page\":\"balance\"")),
                 describe(first));
        QVERIFY(
            QFileInfo::exists(prefix.filePath(QStringLiteral("home-data/shuiheng/sample/sample.shuiheng"))));

        // Once the installed data are gone, the CLI must not find the source tree's instead.
        QVERIFY(QDir(prefix.filePath(QStringLiteral("share/shuiheng/quotas"))).removeRecursively());
        const Run without = run(bin, {QStringLiteral("quotas"), QStringLiteral("list")}, prefix.path(), env);
        QVERIFY2(!without.out.contains(QStringLiteral("gbt-18916")), describe(without));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
