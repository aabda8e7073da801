// The app end to end: `shuiheng --screenshot DIR [--project FILE]` renders every page in both
// orientations and three themes; none may be blank, none may reach outside the window.

#include <QColor>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

const QString app = QStringLiteral(SHUIHENG_BIN_DIR "/shuiheng");
// The window's pages, then the reading entry and the history (shown over the reading rounds).
const QStringList pages = {"projects", "plant",      "meters", "window",        "readings",
                           "balance",  "indicators", "report", "reading-entry", "history"};
const QStringList themes = {"light", "dark", "sunlight"};
/// The second tabs pictured too (after their page): the balance's list, the benchmark.
const QStringList extraTabs = {"05-balance-list", "06-indicators-benchmark"};

struct Picture {
    QImage image;
    int distinctColours = 0;
    double nonBackgroundShare = 0; ///< pixels that differ from the most frequent colour
};

Picture read(const QString& path) {
    Picture picture;
    picture.image = QImage(path);
    if (picture.image.isNull())
        return picture;
    QHash<QRgb, int> histogram;
    const QImage rgb = picture.image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++histogram[line[x]];
    }
    picture.distinctColours = static_cast<int>(histogram.size());
    const int background = *std::max_element(histogram.cbegin(), histogram.cend());
    const double pixels = double(rgb.width()) * rgb.height();
    picture.nonBackgroundShare = (pixels - background) / pixels;
    return picture;
}

bool run(const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(app, arguments);
    return process.waitForFinished(240'000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

QString layoutProblems(const QDir& dir) {
    QFile file(dir.filePath(QStringLiteral("layout.txt")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                          : QStringLiteral("no layout.txt");
}

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void rendersEveryPageOfTheSampleProject();
    void rendersTheProjectsPageWithoutAProject();
};

void TestScreenshot::rendersEveryPageOfTheSampleProject() {
    QTemporaryDir dir;
    // No --project: the app makes a sample project from data/plants/sample-campaign.json.
    QVERIFY(run({QStringLiteral("--screenshot"), dir.path()}));
    const QDir out(dir.path());
    QCOMPARE(out.entryList({QStringLiteral("*.png")}).size(),
             (pages.size() + extraTabs.size()) * 2 * themes.size());
    for (const QString& theme : themes)
        for (const QString& orientation : {QStringLiteral("landscape"), QStringLiteral("portrait")})
            for (const QString& tab : extraTabs) {
                const QString name = QStringLiteral("%1-%2-%3.png").arg(tab, orientation, theme);
                const Picture picture = read(out.filePath(name));
                QVERIFY2(!picture.image.isNull() && picture.distinctColours >= 32, qPrintable(name));
            }
    for (const QString& theme : themes)
        for (const QString& orientation : {QStringLiteral("landscape"), QStringLiteral("portrait")})
            for (int page = 0; page < pages.size(); ++page) {
                const QString name = QStringLiteral("%1-%2-%3-%4.png")
                                         .arg(page, 2, 10, QLatin1Char('0'))
                                         .arg(pages.at(page), orientation, theme);
                const Picture picture = read(out.filePath(name));
                QVERIFY2(!picture.image.isNull(), qPrintable(name));
                QCOMPARE(picture.image.size(),
                         orientation == QLatin1String("landscape") ? QSize(1280, 800) : QSize(800, 1280));
                // Text is antialiased: a real page has many shades; a blank one has a few.
                QVERIFY2(picture.distinctColours >= 32,
                         qPrintable(name + QStringLiteral(": %1 colours").arg(picture.distinctColours)));
                // The tool bar and navigation alone cover well over 5 % of the window.
                QVERIFY2(picture.nonBackgroundShare >= 0.05,
                         qPrintable(name + QStringLiteral(": %1").arg(picture.nonBackgroundShare)));
                // The tool bar carries the theme's primary colour: indigo, or black in sunlight.
                const QColor toolBar = picture.image.pixelColor(picture.image.width() / 2, 4);
                if (theme == QLatin1String("sunlight"))
                    QVERIFY2(toolBar.lightness() < 30, qPrintable(name + toolBar.name()));
                else
                    QVERIFY2(toolBar.blue() > toolBar.red() + 40, qPrintable(name + toolBar.name()));
            }
    const QString problems = layoutProblems(out);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.left(4000)));
}

void TestScreenshot::rendersTheProjectsPageWithoutAProject() {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.shuiheng"));
    QVERIFY(run({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shots")),
                 QStringLiteral("--project"), missing}));
    const QDir out(dir.filePath(QStringLiteral("shots")));
    // Only the projects page exists without a project; it says why the project did not open.
    QCOMPARE(out.entryList({QStringLiteral("*.png")}).size(), 2 * themes.size());
    const Picture picture = read(out.filePath(QStringLiteral("00-projects-landscape-light.png")));
    QVERIFY(picture.distinctColours >= 32);
    QVERIFY2(layoutProblems(out).isEmpty(), qPrintable(layoutProblems(out)));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
