// The app end to end: `shuiheng PLANT --screenshot DIR` renders the window offscreen into DIR/main.png.

#include <QColor>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

const QString app = QStringLiteral(SHUIHENG_BIN_DIR "/shuiheng");

struct Picture {
    QImage image;
    int distinctColours = 0;
    double nonBackgroundShare = 0; ///< pixels that differ from the most frequent colour
};

/// Runs the app with `arguments` plus --screenshot into a fresh directory and reads main.png.
Picture screenshot(const QStringList& arguments) {
    Picture picture;
    QTemporaryDir dir;
    if (!dir.isValid())
        return picture;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(app, arguments + QStringList{QStringLiteral("--screenshot"), dir.path()});
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("shuiheng exited with %d", process.exitCode());
        return picture;
    }
    picture.image = QImage(dir.filePath(QStringLiteral("main.png")));
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

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void rendersTheMainWindow();
    void rendersABadFileWithoutCrashing();
    void opensTheSamplePlantByDefault();
};

void TestScreenshot::rendersTheMainWindow() {
    const Picture picture = screenshot({QStringLiteral(SHUIHENG_TEST_DATA_DIR "/contract-example.json")});
    QVERIFY(!picture.image.isNull());
    QCOMPARE(picture.image.size(), QSize(1280, 800));
    // Text is antialiased: a real rendering has many shades; a blank one has one or two.
    QVERIFY2(picture.distinctColours >= 32, qPrintable(QString::number(picture.distinctColours)));
    // The tool bar alone covers 8 % of the window.
    QVERIFY2(picture.nonBackgroundShare >= 0.05, qPrintable(QString::number(picture.nonBackgroundShare)));

    // The tool bar carries the primary colour (Material indigo), not the window's background.
    const QColor toolBar = picture.image.pixelColor(640, 4);
    QVERIFY2(toolBar.blue() > toolBar.red() + 40, qPrintable(toolBar.name()));
}

void TestScreenshot::rendersABadFileWithoutCrashing() {
    const Picture picture = screenshot({QStringLiteral(SHUIHENG_TEST_DATA_DIR "/no-such-plant.json")});
    QVERIFY(!picture.image.isNull());
    QCOMPARE(picture.image.size(), QSize(1280, 800));
    QVERIFY2(picture.distinctColours >= 16, qPrintable(QString::number(picture.distinctColours)));
}

void TestScreenshot::opensTheSamplePlantByDefault() {
    const Picture picture = screenshot({});
    QVERIFY(!picture.image.isNull());
    QCOMPARE(picture.image.size(), QSize(1280, 800));
    QVERIFY2(picture.distinctColours >= 32, qPrintable(QString::number(picture.distinctColours)));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
