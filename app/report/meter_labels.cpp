#include "report/meter_labels.h"

#include "campaign/meter_route.h"
#include "model/plant.h"
#include "qr/qr_code.h"
#include "report/pdf_unicode.h"
#include "report/text_faces.h"
#include "report/text_lines.h"
#include "store/project_store.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

namespace shuiheng::report {
namespace {

constexpr int dpi = 1200; // fine enough that QR modules land on whole device units
const QString family = QStringLiteral("Noto Sans CJK SC");

double mm(double millimetres) {
    return millimetres / 25.4 * dpi;
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

struct Words {
    QString serial, size, accuracyClass, calibrationDue;
};

Words wordsFor(const std::string& lang) {
    if (lang == "en")
        return {QStringLiteral("SN"), QStringLiteral("DN"), QStringLiteral("class"),
                QStringLiteral("calibration due")};
    return {QStringLiteral("出厂编号"), QStringLiteral("DN"), QStringLiteral("准确度等级"),
            QStringLiteral("检定有效期至")};
}

struct Label {
    const Meter* meter;
    qr::QrMatrix code;
};

/// The QR code with its quiet zone of 4 modules, filling `side` (device units) at `origin`.
void drawCode(QPainter& painter, const qr::QrMatrix& code, QPointF origin, double side) {
    const double module = side / (code.size + 8);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < code.size; ++y) {
        // One rectangle per run of dark modules: fewer PDF path segments, no hairline seams.
        int x = 0;
        while (x < code.size) {
            if (!code.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < code.size && code.at(end, y))
                ++end;
            painter.drawRect(QRectF(origin.x() + (4 + x) * module, origin.y() + (4 + y) * module,
                                    (end - x) * module, module));
            x = end;
        }
    }
}

/// `s` broken into lines of `width`, at most `maxLines` (the last one cut with "…" when more).
double drawLines(QPainter& painter, TextFace& face, const QString& s, QPointF origin, double width,
                 int maxLines) {
    std::vector<TextLine> lines = breakLines({{s, &face, Qt::black}}, width);
    double y = origin.y();
    for (std::size_t i = 0; i < lines.size() && static_cast<int>(i) < maxLines; ++i) {
        y += face.ascent();
        QString line;
        for (const LinePiece& p : lines[i].pieces)
            line += p.text;
        if (static_cast<int>(i) == maxLines - 1 && lines.size() > i + 1) {
            while (!line.isEmpty() && face.width(line + QStringLiteral("…")) > width)
                line.chop(1);
            line += QStringLiteral("…");
        }
        face.draw(painter, QPointF(origin.x(), y), line);
        y += face.descent();
    }
    return y;
}

void drawLabel(QPainter& painter, FontBook& fonts, const Plant& plant, const Label& label, const Words& words,
               QRectF box) {
    const Meter& meter = *label.meter;
    // A light cut guide: printed stock has its own cuts, plain paper needs them.
    painter.setPen(QPen(QColor(0xc0, 0xc0, 0xc0), mm(0.1)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);

    const double pad = mm(2.5);
    const double side = box.height() - 2 * pad;
    drawCode(painter, label.code, QPointF(box.left() + pad, box.top() + pad), side);

    const double x = box.left() + pad + side + mm(1.5);
    const double width = box.right() - pad - x;
    painter.setPen(Qt::black);
    TextFace& idFace = fonts.face(family, true, 15);
    TextFace& small = fonts.face(family, false, 6.5);
    double y = drawLines(painter, idFace, text(meter.id), QPointF(x, box.top() + pad - mm(0.5)), width, 1);
    y = drawLines(painter, small, text(meterLocationText(plant, meter)), QPointF(x, y + mm(0.8)), width, 3);
    if (!meter.serial.empty())
        y = drawLines(painter, small, words.serial + QLatin1Char(' ') + text(meter.serial), QPointF(x, y),
                      width, 1);
    QStringList facts;
    if (meter.dn)
        facts << words.size + QString::number(*meter.dn);
    if (!meter.accuracyClass.empty())
        facts << words.accuracyClass + QLatin1Char(' ') + text(meter.accuracyClass);
    if (!facts.isEmpty())
        y = drawLines(painter, small, facts.join(QStringLiteral(" · ")), QPointF(x, y), width, 1);
    if (!meter.calibrationDue.empty())
        drawLines(painter, small, words.calibrationDue + QLatin1Char(' ') + text(meter.calibrationDue),
                  QPointF(x, y), width, 1);
    // The plant at the foot, so a label found loose says where it belongs.
    TextFace& foot = fonts.face(family, false, 5.5);
    drawLines(painter, foot, text(plant.name), QPointF(x, box.bottom() - pad - foot.lineHeight()), width, 1);
}

} // namespace

std::vector<std::string> plannedRoute(store::ProjectStore& project) {
    const auto campaigns = project.campaigns();
    if (!campaigns || campaigns->empty())
        return {};
    return campaigns->back().route;
}

QString qrTextOf(const std::string& meterId, const std::string& qrText) {
    return text(qrText.empty() ? meterId : qrText);
}

QByteArray meterLabelsPdf(const Plant& plant, const LabelSheetOptions& options, QString& error) {
    std::vector<Label> labels;
    for (const Meter* meter : routeOrder(plant, options.route)) {
        if (!options.meters.empty() &&
            std::find(options.meters.begin(), options.meters.end(), meter->id) == options.meters.end())
            continue;
        QString why;
        auto code = qr::encodeQr(qrTextOf(meter->id, meter->qrText), why);
        if (!code) {
            error = QStringLiteral("meter %1: %2").arg(text(meter->id), why);
            return {};
        }
        labels.push_back({meter, std::move(*code)});
    }
    for (const std::string& id : options.meters)
        if (std::none_of(labels.begin(), labels.end(), [&](const Label& l) { return l.meter->id == id; })) {
            error = QStringLiteral("no meter %1 in service in the plant").arg(text(id));
            return {};
        }
    if (labels.empty()) {
        error = QStringLiteral("the plant has no meter in service to label");
        return {};
    }

    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(dpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("%1 — meter labels").arg(text(plant.name)));
        writer.setCreator(QStringLiteral("Shuiheng 水衡"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            error = QStringLiteral("the PDF could not be started");
            return {};
        }
        FontBook fonts(dpi);
        const Words words = wordsFor(options.lang);
        using G = LabelGeometry;
        const int perPage = G::columns * G::rows;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const int slot = static_cast<int>(i) % perPage;
            if (slot == 0 && i > 0)
                writer.newPage();
            const QRectF box(mm(G::left + (slot % G::columns) * G::width),
                             mm(G::top + (slot / G::columns) * G::height), mm(G::width), mm(G::height));
            drawLabel(painter, fonts, plant, labels[i], words, box);
        }
        painter.end();
    }
    return fixCjkRadicalsInToUnicode(bytes);
}

} // namespace shuiheng::report
