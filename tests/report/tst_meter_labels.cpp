// QR codes and the meters' label sheet. The codes are read back by ZXing's decoder from pictures made
// independently of the encoder's own drawing: scaled, turned, blurred and noisy like a tablet's photo.
// The sheet is printed by `shuiheng-cli labels`, rendered by poppler (pdftoppm) and every label's code
// read back from the rendered page: the text each meter's code carries, in the project's route order.

#include "io/plant_file.h"
#include "qr/qr_code.h"
#include "report/meter_labels.h"
#include "report_test_support.h"
#include "store/project_store.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTransform>
#include <QtTest>
#include <cmath>

using namespace shuiheng;

namespace {

/// The symbol drawn at `modulePx` pixels a module with a quiet zone of four modules, black on white.
QImage drawn(const qr::QrMatrix& m, int modulePx) {
    const int side = (m.size + 8) * modulePx;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
            if (m.at(x, y))
                p.fillRect((x + 4) * modulePx, (y + 4) * modulePx, modulePx, modulePx, Qt::black);
    return image;
}

/// Like a photo: on a grey background, turned by `degrees`, scaled by a factor that puts module edges
/// between pixels, smoothed, with noise of ±`noise` grey levels.
QImage photographed(const QImage& code, double degrees, double scale, int noise, QRandomGenerator& random) {
    QTransform t;
    t.rotate(degrees);
    t.scale(scale, scale);
    const QImage turned = code.transformed(t, Qt::SmoothTransformation);
    QImage photo(turned.width() + 80, turned.height() + 60, QImage::Format_RGB32);
    photo.fill(QColor(150, 150, 140));
    QPainter(&photo).drawImage(40, 30, turned);
    for (int y = 0; y < photo.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(photo.scanLine(y));
        for (int x = 0; x < photo.width(); ++x) {
            const int n = static_cast<int>(random.bounded(2 * noise + 1)) - noise;
            auto clamp = [](int v) { return std::clamp(v, 0, 255); };
            line[x] = qRgb(clamp(qRed(line[x]) + n), clamp(qGreen(line[x]) + n), clamp(qBlue(line[x]) + n));
        }
    }
    return photo;
}

QString randomText(QRandomGenerator& random) {
    static const QString alphabet = QStringLiteral(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:;=-_/ .水表冷却塔补水循环蒸发锅炉");
    QString s;
    const int length = 1 + static_cast<int>(random.bounded(120));
    for (int i = 0; i < length; ++i)
        s += alphabet[static_cast<int>(random.bounded(alphabet.size()))];
    return s;
}

Plant samplePlant() {
    PlantFileResult loaded = loadPlantFile(sampleCampaign.toStdString());
    if (!loaded.ok())
        qFatal("the sample does not load");
    return std::move(*loaded.plant);
}

/// The label in slot `slot` of a page rendered at `dpi`, cut out.
QImage labelOf(const QImage& page, int slot, int dpi) {
    using G = report::LabelGeometry;
    auto px = [&](double mm) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); };
    return page.copy(px(G::left + (slot % G::columns) * G::width),
                     px(G::top + (slot / G::columns) * G::height), px(G::width), px(G::height));
}

} // namespace

class MeterLabelsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void codesReadBackFromPhotos() {
        QRandomGenerator random(20261126);
        int read = 0;
        const int cases = 60;
        for (int i = 0; i < cases; ++i) {
            const QString text = randomText(random);
            QString error;
            const auto code = qr::encodeQr(text, error);
            QVERIFY2(code, qPrintable(error));
            const double degrees = random.bounded(360.0);
            const double scale = 0.85 + random.bounded(1.0);
            const QImage photo = photographed(drawn(*code, 4), degrees, scale, 25, random);
            const auto decoded = qr::decodeQr(photo);
            QVERIFY2(decoded,
                     qPrintable(
                         QStringLiteral("case %1: %2 at %3°, ×%4").arg(i).arg(text).arg(degrees).arg(scale)));
            QCOMPARE(*decoded, text);
            ++read;
        }
        qInfo("%d of %d codes read back from turned, scaled, noisy pictures", read, cases);
    }

    void transparentIsPaper() {
        // A code drawn on a transparent picture: the transparent parts are the white of the paper.
        QString error;
        const auto code = qr::encodeQr(QStringLiteral("M18"), error);
        QImage image(drawn(*code, 5).size(), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter p(&image);
        for (int y = 0; y < code->size; ++y)
            for (int x = 0; x < code->size; ++x)
                if (code->at(x, y))
                    p.fillRect((x + 4) * 5, (y + 4) * 5, 5, 5, Qt::black);
        p.end();
        QCOMPARE(qr::decodeQr(image).value_or(QString()), QStringLiteral("M18"));
    }

    void noCodeIsNoText() {
        QCOMPARE(qr::decodeQr(QImage()), std::nullopt);
        QImage blank(400, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QPainter(&blank).drawText(20, 150, QStringLiteral("M18 冷却塔补水"));
        QCOMPARE(qr::decodeQr(blank), std::nullopt);
    }

    void textsThatCannotBeCodesAreRefused() {
        QString error;
        QVERIFY(!qr::encodeQr(QString(), error));
        QVERIFY(error.contains("no text"));
        error.clear();
        QVERIFY(!qr::encodeQr(QString(8000, QLatin1Char('x')), error));
        QVERIFY2(error.contains("cannot be put in a QR code"), qPrintable(error));
    }

    void sheetFollowsTheRouteAndEveryCodeReadsBack() {
        // A project with the sample and a route that starts at the back.
        const Plant plant = samplePlant();
        const QString project = dir_.filePath("labels.shuiheng");
        std::vector<std::string> route;
        {
            store::ProjectStore store;
            const store::Actor actor{"测试员", "tst"};
            QVERIFY(store.create(project.toStdString(), {"", "标签", "", "", 0}, actor));
            QVERIFY(store.importPlant(plant, actor));
            store::Campaign c;
            c.name = "标签";
            for (auto m = plant.meters.rbegin(); m != plant.meters.rend(); ++m)
                if (m->removed.empty())
                    route.push_back(m->id);
            c.route = route;
            QVERIFY(store.addCampaign(c, actor));
        }
        const QString pdf = dir_.filePath("labels.pdf");
        const Run r = run({"labels", project, "--out", pdf});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const int perSheet = report::LabelGeometry::columns * report::LabelGeometry::rows;
        const int sheets = (static_cast<int>(route.size()) + perSheet - 1) / perSheet;
        QVERIFY2(r.out.contains(QStringLiteral("%1 labels on %2 sheets").arg(route.size()).arg(sheets)),
                 qPrintable(r.out));

        // Every meter's id is text on the sheet (searchable), its code reads back, in route order.
        const QString text = pdfText(pdf);
        constexpr int dpi = 200;
        tool("pdftoppm", {"-r", QString::number(dpi), "-png", pdf, dir_.filePath("sheet")});
        int slotIndex = 0;
        for (int sheet = 1; sheet <= sheets; ++sheet) {
            const QString file = dir_.filePath(
                sheets >= 10 ? QStringLiteral("sheet-%1.png").arg(sheet, 2, 10, QLatin1Char('0'))
                             : QStringLiteral("sheet-%1.png").arg(sheet));
            const QImage page(file);
            QVERIFY2(!page.isNull(), qPrintable(file));
            for (int slot = 0; slot < perSheet && slotIndex < static_cast<int>(route.size());
                 ++slot, ++slotIndex) {
                const std::string& id = route[static_cast<std::size_t>(slotIndex)];
                const Meter& meter = *std::find_if(plant.meters.begin(), plant.meters.end(),
                                                   [&](const Meter& m) { return m.id == id; });
                QVERIFY(text.contains(QString::fromStdString(id)));
                const auto decoded = qr::decodeQr(labelOf(page, slot, dpi));
                QVERIFY2(
                    decoded,
                    qPrintable(QStringLiteral("sheet %1 slot %2 (%3)").arg(sheet).arg(slot).arg(id.c_str())));
                QCOMPARE(*decoded, report::qrTextOf(meter.id, meter.qrText));
            }
        }
        QCOMPARE(slotIndex, static_cast<int>(route.size()));
    }

    void oneMeterAndAnUnknownOne() {
        const QString pdf = dir_.filePath("one.pdf");
        Run r = run({"labels", sampleCampaign, "--out", pdf, "--meter", "M18", "--lang", "en"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(r.out.contains("1 labels on 1 sheets"));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains("M18"));
        QVERIFY(text.contains("calibration due"));
        QVERIFY(!text.contains("M17"));

        r = run({"labels", sampleCampaign, "--out", dir_.filePath("none.pdf"), "--meter", "M99"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no meter M99 in service"), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir_.filePath("none.pdf")));
    }
};

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    MeterLabelsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_meter_labels.moc"
