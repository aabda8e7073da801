#pragma once
// The water-balance test report (水平衡测试报告书) as a PDF: the template rendered with the report's
// data, laid out on A4 pages (pdf_pages.h) with the figures as vector SVG and a table of contents
// whose page numbers come from a first layout pass. Needs a QGuiApplication (fonts); the offscreen
// platform is enough.

#include "report/pdf_pages.h"
#include "report/prepared_report.h"

#include <QByteArray>
#include <string>

namespace shuiheng::report {

struct ReportOutput {
    QByteArray pdf;   ///< empty on failure
    std::string html; ///< what was laid out (for tests and debugging)
    PageLayout pages; ///< page count and where each heading fell
    std::string error;
};

/// `date`: printed on the cover; empty: today.
ReportOutput makeReport(const PreparedReport& prepared, const std::string& date = {});

} // namespace shuiheng::report
