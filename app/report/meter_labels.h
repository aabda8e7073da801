#pragma once
// A sheet of meter labels to print and stick on the meters before a test: per meter its QR code
// (what the tablet's find field and camera read back: the meter's qrText, else its id), its id in
// large type, where it is, its serial number, size and calibration. A4 sheets of 3 × 8 labels of
// 70 × 37 mm (the common "24 per sheet" stock), in the route order of the test when one is given.

#include <QByteArray>
#include <QString>
#include <string>
#include <vector>

namespace shuiheng {
struct Plant;
}
namespace shuiheng::store {
class ProjectStore;
}

namespace shuiheng::report {

struct LabelSheetOptions {
    std::string lang = "zh";         ///< "zh" or "en": the few words on a label
    std::vector<std::string> route;  ///< meter ids in walking order; the rest follow in the plant's order
    std::vector<std::string> meters; ///< only these meters (empty: every meter in service)
};

/// Where each label sits on its sheet, in millimetres from the page's top left (for tests and for
/// aligning a printer).
struct LabelGeometry {
    static constexpr double pageWidth = 210, pageHeight = 297;
    static constexpr int columns = 3, rows = 8;
    static constexpr double width = 70, height = 37;
    static constexpr double left = 0, top = (pageHeight - rows * height) / 2;
};

/// The walking order of a project's latest campaign (the one being tested, as in the app); empty when
/// it has none planned or the campaigns cannot be read.
std::vector<std::string> plannedRoute(store::ProjectStore& project);

/// The text a meter's QR code carries.
QString qrTextOf(const std::string& meterId, const std::string& qrText);

/// The PDF; empty with `error` set when there is nothing to print or a code cannot be made.
/// Needs a QGuiApplication (fonts).
QByteArray meterLabelsPdf(const Plant& plant, const LabelSheetOptions& options, QString& error);

} // namespace shuiheng::report
