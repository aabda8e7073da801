// parseIsoTime: readings' times with an offset (or Z), optional fraction; invalid dates refused.

#include "model/iso_time.h"

#include <QDateTime>
#include <QtTest>

using namespace shuiheng;

class TestIsoTime : public QObject {
    Q_OBJECT

private slots:
    void valid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds"); // since 1970-01-01T00:00:00Z
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << 0.0;
        QTest::newRow("Beijing time") << "2026-06-01T08:00:00+08:00" << 1780272000.0;
        QTest::newRow("same instant in UTC") << "2026-06-01T00:00:00Z" << 1780272000.0;
        QTest::newRow("+00:00") << "2026-06-01T00:00:00+00:00" << 1780272000.0;
        QTest::newRow("negative offset") << "2026-05-31T18:30:00-05:30" << 1780272000.0;
        QTest::newRow("offset crosses the day") << "2026-06-01T23:00:00-01:00" << 1780358400.0;
        QTest::newRow("fraction") << "2026-06-01T08:00:00.5+08:00" << 1780272000.5;
        QTest::newRow("fraction with Z") << "2026-06-01T00:00:00.250Z" << 1780272000.25;
        QTest::newRow("long fraction") << "1970-01-01T00:00:01.000001Z" << 1.000001;
        QTest::newRow("space for T") << "2026-06-01 08:00:00+08:00" << 1780272000.0;
        QTest::newRow("leap day 2024") << "2024-02-29T12:00:00Z" << 1709208000.0;
        QTest::newRow("leap day 2000") << "2000-02-29T00:00:00Z" << 951782400.0;
        QTest::newRow("before 1970") << "1969-12-31T23:59:59Z" << -1.0;
        QTest::newRow("end of year") << "2025-12-31T23:59:59+08:00" << 1767196799.0;
    }
    void valid() {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = parseIsoTime(text.toStdString());
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, seconds);
        // Qt reads the same instant (where its format allows).
        if (!text.contains(' ')) {
            const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (qt.isValid() && !text.contains("000001"))
                QCOMPARE(qt.toMSecsSinceEpoch() / 1000.0, seconds);
        }
    }

    void invalid_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("30 February") << "2026-02-30T08:00:00+08:00";
        QTest::newRow("29 February 2026") << "2026-02-29T08:00:00+08:00";
        QTest::newRow("29 February 1900") << "1900-02-29T00:00:00Z";
        QTest::newRow("31 April") << "2026-04-31T08:00:00+08:00";
        QTest::newRow("month 13") << "2026-13-01T08:00:00+08:00";
        QTest::newRow("month 0") << "2026-00-10T08:00:00+08:00";
        QTest::newRow("day 0") << "2026-06-00T08:00:00+08:00";
        QTest::newRow("hour 24") << "2026-06-01T24:00:00+08:00";
        QTest::newRow("minute 60") << "2026-06-01T08:60:00+08:00";
        QTest::newRow("second 61") << "2026-06-01T08:00:61+08:00";
        QTest::newRow("no offset") << "2026-06-01T08:00:00";
        QTest::newRow("offset without colon") << "2026-06-01T08:00:00+0800";
        QTest::newRow("offset hours only") << "2026-06-01T08:00:00+08";
        QTest::newRow("offset hour 24") << "2026-06-01T08:00:00+24:00";
        QTest::newRow("lower-case z") << "2026-06-01T08:00:00z";
        QTest::newRow("no seconds") << "2026-06-01T08:00+08:00";
        QTest::newRow("date only") << "2026-06-01";
        QTest::newRow("one-digit month") << "2026-6-01T08:00:00+08:00";
        QTest::newRow("empty fraction") << "2026-06-01T08:00:00.+08:00";
        QTest::newRow("trailing text") << "2026-06-01T08:00:00+08:00 CST";
        QTest::newRow("leading space") << " 2026-06-01T08:00:00+08:00";
        QTest::newRow("slashes") << "2026/06/01T08:00:00+08:00";
        QTest::newRow("Chinese date") << "2026年6月1日 08:00";
        QTest::newRow("empty") << "";
        QTest::newRow("unix time") << "1780272000";
    }
    void invalid() {
        QFETCH(QString, text);
        QCOMPARE(parseIsoTime(text.toStdString()), std::nullopt);
    }

    void order() {
        // One day apart, across a change of offset.
        const auto a = parseIsoTime("2026-06-01T08:00:00+08:00");
        const auto b = parseIsoTime("2026-06-02T00:00:00Z");
        QVERIFY(a && b);
        QCOMPARE(*b - *a, 86400.0);
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_iso_time.moc"
