// shuiheng-cli report on the sample plant with campaign data: the PDF renders (pdftoppm, every page
// not blank), its text (pdftotext) holds every section and the sample's key figures as `balance
// --json` and `indicators --json` give them, the contents give the pages the headings are really on,
// English with --lang en, a project file as input, and bad input refused with a named reason.

#include "report_test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

class TestReportPdf : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString zh, en;
    QString zhText;
    QString zhErr;

    static int pageCount(const QString& pdf) {
        const QString info = QString::fromUtf8(tool("pdfinfo", {pdf}));
        const auto m = QRegularExpression("Pages:\\s+(\\d+)").match(info);
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir.isValid());
        zh = dir.filePath("report-zh.pdf");
        en = dir.filePath("report-en.pdf");
        Run r = run({"report", sampleCampaign, "--out", zh, "--date", "2026-07-01"});
        QVERIFY2(r.exitCode == 0, describe(r));
        zhErr = r.err;
        r = run({"report", sampleCampaign, "--out", en, "--lang", "en"});
        QVERIFY2(r.exitCode == 0, describe(r));
        zhText = pdfText(zh, 0, 0, false, true);
    }

    void everySection_data() {
        QTest::addColumn<QString>("title");
        for (const char* t : {"水平衡测试报告书",
                              "目录",
                              "企业概况与水源",
                              "水源情况",
                              "测试方案与测试时段",
                              "计量器具一览表",
                              "计量网络图",
                              "全厂水平衡图",
                              "全厂水量桑基图",
                              "全厂水平衡表",
                              "5.2水平衡汇总表级别2",
                              "5.3水平衡汇总表级别3",
                              "调和后水量、不确定度与数据质量",
                              "统计检验结论",
                              "显著误差",
                              "水量平衡闭合检查",
                              "全厂用水指标",
                              "节水潜力与措施",
                              "计量改进建议",
                              "原始读数",
                              "青海某盐湖钾镁化工有限公司",
                              "2026-07-01"})
            QTest::newRow(t) << QString::fromUtf8(t);
    }
    void everySection() {
        QFETCH(QString, title);
        QVERIFY2(squeezed(zhText).contains(squeezed(title)), qPrintable(title));
    }

    // The figures in the PDF are those of the contract's documents, as the report formats them.
    void keyFigures() {
        const QString text = squeezed(zhText);
        const QJsonObject indicators = cliJson({"indicators", sampleCampaign, "--json"});
        for (const char* key : {"intake", "totalUse", "consumption", "discharge"}) {
            const QJsonObject i = siteIndicator(indicators, key);
            const QString shown =
                QString::asprintf("%.4g±%.2g", i["value"].toDouble(), i["sigma"].toDouble());
            QVERIFY2(text.contains(shown), qPrintable(QString("%1: %2").arg(key, shown)));
        }
        const QJsonObject reuse = siteIndicator(indicators, "reuseRate");
        const QString rate = QString::asprintf("%.2f±%.2f%%", reuse["value"].toDouble() * 100,
                                               reuse["sigma"].toDouble() * 100);
        QVERIFY2(text.contains(rate), qPrintable(rate));

        const QJsonObject balance = cliJson({"balance", sampleCampaign, "--json"});
        int checked = 0;
        for (const QJsonValue& s : balance["streams"].toArray()) {
            if (!s["value"].isDouble())
                continue;
            const QString shown =
                QString::asprintf("%.2f±%.2f", s["value"].toDouble(), s["sigma"].toDouble());
            QVERIFY2(text.contains(shown), qPrintable(s["id"].toString() + ": " + shown));
            ++checked;
        }
        QVERIFY(checked > 30);
        const QJsonObject global = balance["globalTest"].toObject();
        QVERIFY(text.contains(QString::asprintf("统计量%.3g", global["statistic"].toDouble())));
        QVERIFY(
            text.contains(global["passed"].toBool() ? QString("水量平衡成立") : QString("水量平衡不成立")));
    }

    // Each heading the contents list is on the page the contents say.
    void contentsPages() {
        const int pages = pageCount(zh);
        QVERIFY(pages > 8);
        const QStringList lines = pdfText(zh, 2, 2, true).split('\n');
        int checked = 0;
        static const QRegularExpression entry("^\\s*(\\S.*\\S)\\s+(\\d+)\\s*$");
        for (const QString& line : lines) {
            const auto m = entry.match(line);
            if (!m.hasMatch())
                continue;
            const QString title = squeezed(m.captured(1));
            const int page = m.captured(2).toInt();
            QVERIFY2(page >= 3 && page <= pages, qPrintable(line));
            QVERIFY2(squeezed(pdfText(zh, page, page, false, true)).contains(title), qPrintable(line));
            ++checked;
        }
        QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
    }

    void headerAndFooter() {
        const QString page3 = squeezed(pdfText(zh, 3, 3));
        QVERIFY(page3.contains("水平衡测试报告书"));
        QVERIFY(page3.contains(QString("第3页共%1页").arg(pageCount(zh))));
    }

    // Every page renders, none of them blank.
    void pagesRender() {
        const int pages = pageCount(zh);
        tool("pdftoppm", {"-r", "20", "-png", zh, dir.filePath("page")});
        const QStringList images = QDir(dir.path()).entryList({"page*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(images.size(), pages);
        for (const QString& name : images) {
            const QImage image(dir.filePath(name));
            QVERIFY(!image.isNull());
            int dark = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    dark += qGray(image.pixel(x, y)) < 160;
            QVERIFY2(dark > 20, qPrintable(name));
        }
    }

    // The appendix is a long table typeset row by row: every reading of the sample is in it, and
    // every page it runs over starts with its header row.
    void readingsAppendix() {
        QFile file(sampleCampaign);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray readings = QJsonDocument::fromJson(file.readAll())["readings"].toArray();
        QVERIFY(readings.size() > 100);
        const int pages = pageCount(zh);
        int first = 0;
        for (int page = pages; page > 2 && first == 0; --page)
            if (squeezed(pdfText(zh, page, page, false, true)).contains("附录A"))
                first = page;
        QVERIFY2(first > 0 && first < pages, "the appendix runs over more than one page");
        const QString header = squeezed("表计 时间 读数 读数人 说明");
        QString appendix;
        for (int page = first; page <= pages; ++page) {
            const QString text = squeezed(pdfText(zh, page, page, false, true));
            QVERIFY2(text.contains(header), qPrintable(QString("no header row on page %1").arg(page)));
            appendix += text;
        }
        for (const QJsonValue& r : readings) {
            const QString row = r["meter"].toString() + r["time"].toString() +
                                QString::number(r["value"].toDouble(), 'g', QLocale::FloatingPointShortest);
            QVERIFY2(appendix.contains(row), qPrintable(row));
        }
    }

    // No English sentence in the Chinese report (core's notes and formulas come translated), and the
    // command's standard error holds only its own messages.
    void chineseOnly() {
        static const QRegularExpression sentence("[A-Za-z]{2,}[ ,']+[a-z]{2,}");
        const auto m = sentence.match(zhText);
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured(0)));
        QVERIFY2(!zhErr.contains("XDG_RUNTIME_DIR"), qPrintable(zhErr));
    }

    // The sample is benchmarked against the illustrative potash quota (data/quotas/sample-potash.json):
    // the report names the row and marks it as an illustrative value, in the report's language.
    void illustrativeBenchmark() {
        const QString zhSqueezed = squeezed(zhText);
        for (const char* t : {"氯化钾（示例定额，非公布值）", "示例（非公布值）", "通用值", "先进值"})
            QVERIFY2(zhSqueezed.contains(squeezed(QString::fromUtf8(t))), t);
        QVERIFY(!zhSqueezed.contains(QStringLiteral("illustrative")));
        // The grade as the table names it, the verification in parentheses, no empty ones.
        QVERIFY2(zhSqueezed.contains(QStringLiteral("达到的最高级别：通用值")), qPrintable(zhSqueezed));
        QVERIFY(zhSqueezed.contains(QStringLiteral("（示例（非公布值））")));
        QVERIFY(!zhSqueezed.contains(QStringLiteral("（）")));
        const QString enSqueezed = squeezed(pdfText(en));
        QVERIFY2(enSqueezed.contains(QStringLiteral("illustrativesample,notapublishedvalue")),
                 qPrintable(enSqueezed.left(2000)));
    }

    void english() {
        const QString text = squeezed(pdfText(en));
        for (const char* t :
             {"Water-BalanceTestReport", "Contents", "Enterpriseandwatersources", "Meterinventory",
              "Sitewater-balancediagram", "SiteSankeydiagram", "Statisticalverdict",
              "Savingspotentialandmeasures", "AppendixARawreadings", "Page"})
            QVERIFY2(text.contains(QString::fromUtf8(t)), t);
        QVERIFY(!text.contains("水平衡测试报告书"));
    }

    void fromProjectFile() {
        const QString project = dir.filePath("test.shuiheng");
        Run r = run({"project", "new", project, "--name", "2026年度水平衡测试", "--plant", sampleCampaign});
        QVERIFY2(r.exitCode == 0, describe(r));
        const QString pdf = dir.filePath("project.pdf");
        r = run({"report", project, "--out", pdf});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY(squeezed(pdfText(pdf, 1, 1)).contains("2026年度水平衡测试"));
    }

    void badInput() {
        Run r = run({"report", testData + "/invalid/unknown-node.json", "--out", dir.filePath("x.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown-node.json"), describe(r));
        QVERIFY(!QFile::exists(dir.filePath("x.pdf")));
        r = run({"report", sampleCampaign, "--out", dir.filePath("x.pdf"), "--lang", "fr"});
        QCOMPARE(r.exitCode, 2);
        r = run(
            {"report", sampleCampaign, "--out", dir.filePath("x.pdf"), "--templates", dir.filePath("none")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("report.html.mustache"), describe(r));
    }
};

QTEST_GUILESS_MAIN(TestReportPdf)
#include "tst_report_pdf.moc"
