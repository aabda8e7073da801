#pragma once
// The water-balance test report (水平衡测试报告书) as a PDF: the template rendered with the report's
// data, typeset on A4 pages (pdf_pages.h) with the figures as vector SVG and a table of contents
// whose page numbers come from a first layout pass. Needs a QGuiApplication (fonts); the offscreen
// platform is enough.

#include "report/pdf_pages.h"
#include "report/prepared_report.h"

#include <QByteArray>
#include <string>

namespace shuiheng::report {

/// Milliseconds per step of making the report (bench_report prints them).
struct ReportTimings {
    double data = 0;    ///< the template's data and the HTML (both passes)
    double figures = 0; ///< the diagrams' layout and SVG
    TypesetTimings typeset;
};

struct ReportOutput {
    QByteArray pdf;   ///< empty on failure
    std::string html; ///< what was laid out (for tests and debugging)
    PageLayout pages; ///< page count and where each heading fell
    std::string error;
    ReportTimings timings;
};

/// `date`: printed on the cover; empty: today.
ReportOutput makeReport(const PreparedReport& prepared, const std::string& date = {});

} // namespace shuiheng::report
