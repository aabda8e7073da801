#pragma once
// The water-balance test report (水平衡测试报告书) as a PDF: the template rendered with the report's
// data, laid out on A4 pages (pdf_pages.h) with the figures as vector SVG and a table of contents
// whose page numbers come from a first layout pass. Needs a QGuiApplication (fonts); the offscreen
// platform is enough.

#include "report/pdf_pages.h"
#include "report/report_results.h"
#include "report/report_source.h"

#include <QByteArray>
#include <string>

namespace shuiheng::report {

struct ReportOptions {
    std::string lang = "zh"; ///< zh or en
    std::string templateDir; ///< empty: the built-in templates
    std::string date;        ///< printed on the cover; empty: today
};

struct ReportOutput {
    QByteArray pdf;   ///< empty on failure
    std::string html; ///< what was laid out (for tests and debugging)
    PageLayout pages; ///< page count and where each heading fell
    std::string error;
};

ReportOutput makeReport(const ReportSource& source, const ReportResults& results,
                        const ReportOptions& options);

} // namespace shuiheng::report
