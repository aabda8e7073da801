// Flow, volume and period units and their factors to m³/h, m³ and hours.

#include "model/units.h"

#include <QtTest>

using namespace shuiheng;

class TestUnits : public QObject {
    Q_OBJECT

private slots:
    void flowUnits_data() {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("factor"); // m³/h per one of `unit`
        QTest::newRow("m3/h") << "m3/h" << 1.0;
        QTest::newRow("m3/d") << "m3/d" << 1.0 / 24;
        QTest::newRow("m3/s") << "m3/s" << 3600.0;
        QTest::newRow("m3/min") << "m3/min" << 60.0;
        QTest::newRow("m3/a") << "m3/a" << 1.0 / 8760;
        QTest::newRow("m3/month") << "m3/month" << 1.0 / 730;
        QTest::newRow("L/s") << "L/s" << 3.6;
        QTest::newRow("l/s") << "l/s" << 3.6;
        QTest::newRow("L/min") << "L/min" << 0.06;
        QTest::newRow("L/h") << "L/h" << 0.001;
        QTest::newRow("t/h") << "t/h" << 1.0;
        QTest::newRow("t/d") << "t/d" << 1.0 / 24;
        QTest::newRow("kL/h") << "kL/h" << 1.0;
        QTest::newRow("ML/d") << "ML/d" << 1000.0 / 24;
    }
    void flowUnits() {
        QFETCH(QString, unit);
        QFETCH(double, factor);
        const auto parsed = flowUnitInCubicMetresPerHour(unit.toStdString());
        QVERIFY(parsed.has_value());
        QVERIFY2(qAbs(*parsed - factor) <= 1e-12 * factor, qPrintable(QString::number(*parsed, 'g', 17)));
    }

    void unknownFlowUnits_data() {
        QTest::addColumn<QString>("unit");
        for (const char* unit : {"", "m3", "m³/h", "M3/h", "m3/H", "m3 /h", "m3/", "/h", "m3/h/h", "gpm",
                                 "t/hr", "m3/day", "立方米/小时", "L/s "})
            QTest::newRow(unit) << unit;
    }
    void unknownFlowUnits() {
        QFETCH(QString, unit);
        QCOMPARE(flowUnitInCubicMetresPerHour(unit.toStdString()), std::nullopt);
    }

    void volumeUnits() {
        QCOMPARE(volumeUnitInCubicMetres("m3"), std::optional(1.0));
        QCOMPARE(volumeUnitInCubicMetres("L"), std::optional(1e-3));
        QCOMPARE(volumeUnitInCubicMetres("l"), std::optional(1e-3));
        QCOMPARE(volumeUnitInCubicMetres("t"), std::optional(1.0)); // water at 1 t/m³
        QCOMPARE(volumeUnitInCubicMetres("kL"), std::optional(1.0));
        QCOMPARE(volumeUnitInCubicMetres("ML"), std::optional(1000.0));
        QCOMPARE(volumeUnitInCubicMetres("gal"), std::nullopt);
        QCOMPARE(volumeUnitInCubicMetres("m3/h"), std::nullopt);
        QCOMPARE(volumeUnitInCubicMetres(""), std::nullopt);
    }

    void periods() {
        QCOMPARE(periodInHours("h"), std::optional(1.0));
        QCOMPARE(periodInHours("d"), std::optional(24.0));
        QCOMPARE(periodInHours("a"), std::optional(8760.0));
        QCOMPARE(periodInHours("month"), std::optional(730.0));
        QCOMPARE(periodInHours("min"), std::optional(1.0 / 60));
        QCOMPARE(periodInHours("s"), std::optional(1.0 / 3600));
        QCOMPARE(periodInHours("day"), std::nullopt);
        QCOMPARE(periodInHours("yr"), std::nullopt);
        QCOMPARE(periodInHours(""), std::nullopt);
    }

    void knownUnitsAreKnown() {
        QVERIFY(!knownFlowUnits().empty());
        for (std::string_view unit : knownFlowUnits())
            QVERIFY2(flowUnitInCubicMetresPerHour(unit).has_value(), std::string(unit).c_str());
        QVERIFY(!knownVolumeUnits().empty());
        for (std::string_view unit : knownVolumeUnits())
            QVERIFY2(volumeUnitInCubicMetres(unit).has_value(), std::string(unit).c_str());
    }

    void conversionsAgree() {
        // 1 L/s over a day is 86.4 m³: the factors compose.
        const double perHour = *flowUnitInCubicMetresPerHour("L/s");
        QVERIFY(qAbs(perHour * *periodInHours("d") - 86.4) < 1e-9);
        QVERIFY(qAbs(*flowUnitInCubicMetresPerHour("m3/d") * 24 - 1.0) < 1e-15);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
