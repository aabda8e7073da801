#pragma once
// The <text> elements of a figure's SVG, taken out to be typeset by the report itself. Qt's SVG
// renderer hands text to the PDF writer as shapes: nothing in a diagram could be searched or copied,
// and a diagram of 300 streams made pages of megabytes. The report draws the rest of the SVG with
// QSvgRenderer and these labels as text (pdf_pages.cpp). Only what the report's SVG writers use is
// read: x, y, font-size, font-weight, fill and text-anchor on plain text without children.

#include <QByteArray>
#include <QColor>
#include <QPointF>
#include <QString>
#include <vector>

namespace shuiheng::report {

struct SvgLabel {
    QPointF at; ///< the anchor on the baseline, SVG user units
    QString text;
    double size = 12; ///< SVG user units
    bool bold = false;
    QColor color = Qt::black;
    Qt::Alignment anchor = Qt::AlignLeft; ///< start, middle or end
};

struct SplitSvg {
    QByteArray shapes; ///< the SVG without its labels
    std::vector<SvgLabel> labels;
};

SplitSvg splitSvgLabels(const QByteArray& svg);

} // namespace shuiheng::report
