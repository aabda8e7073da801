// "Which meter next" checked against what actually happens: the predicted σ of the target after
// re-reading a meter (σ → σ/√2: two equal readings) or adding one on an unmeasured flow must equal
// the σ that reconciling the changed network gives; and a suggestion said to resolve an
// unobservable loop must leave no unobservable flow in that loop.

#include "balance/meter_advice.h"
#include "random_networks.h"

#include <QtTest>
#include <cmath>

using namespace shuiheng::balance;

class TestMeterAdvice : public QObject {
    Q_OBJECT

private slots:
    void predictionsMatchReconciliation() {
        int checked = 0, resolvedChecked = 0;
        double worst = 0;
        for (std::uint64_t seed = 1; seed <= 300; ++seed) {
            const FlowNetwork net = test::randomPlant(seed).network;
            // Target: one intake (an edge from the environment), so its σ is read off the result.
            std::optional<std::size_t> target;
            const ReconciliationResult before = reconcile(net);
            for (std::size_t k = 0; k < net.edges.size() && !target; ++k)
                if (net.edges[k].from == environment && net.edges[k].to != environment &&
                    before.edges[k].sigma && *before.edges[k].sigma > 0)
                    target = k;
            if (!target)
                continue;
            MeterAdviceOptions options;
            options.limit = 5;
            const MeterAdviceResult advice = adviseMeters(net, {*target}, {}, options);
            QVERIFY(advice.targetSigma.has_value());
            QVERIFY(std::abs(*advice.targetSigma - *before.edges[*target].sigma) <=
                    1e-9 * *advice.targetSigma);
            for (const MeterAdvice& a : advice.ranked) {
                FlowNetwork changed = net;
                NetworkEdge& edge = changed.edges[a.edge];
                if (a.action == MeterAdvice::Action::Reread) {
                    edge.sigma /= std::sqrt(2.0);
                } else {
                    const double value = before.edges[a.edge].value.value_or(1.0);
                    edge.measured = value;
                    edge.sigma = std::max(0.02 * std::abs(value), 1e-12);
                }
                const ReconciliationResult after = reconcile(changed);
                if (a.resolves > 0) {
                    const int block = before.edges[a.edge].loopBlock;
                    for (std::size_t k = 0; k < net.edges.size(); ++k)
                        if (before.edges[k].loopBlock == block && k != a.edge)
                            QVERIFY2(after.edges[k].status == FlowStatus::Observable,
                                     qPrintable(QString("seed %1 edge %2").arg(seed).arg(k)));
                    ++resolvedChecked;
                }
                if (!a.targetSigmaAfter)
                    continue;
                const double got = *after.edges[*target].sigma;
                const double relative = std::abs(got - *a.targetSigmaAfter) / std::max(got, 1e-12);
                worst = std::max(worst, relative);
                QVERIFY2(relative < 1e-6, qPrintable(QString("seed %1, edge %2: predicted %3, reconciled %4")
                                                         .arg(seed)
                                                         .arg(a.edge)
                                                         .arg(*a.targetSigmaAfter, 0, 'g', 12)
                                                         .arg(got, 0, 'g', 12)));
                ++checked;
            }
        }
        qInfo("meter advice: %d predictions checked against reconciliation (worst relative error %.2e), %d "
              "loop resolutions checked",
              checked, worst, resolvedChecked);
        QVERIFY(checked > 300);
    }

    void rankingPutsObservabilityFirst() {
        // U0 fed by a measured intake, drained by two unmeasured parallel outflows (a loop with the
        // environment): measuring either one determines both.
        FlowNetwork net{1,
                        {{environment, 0, 10.0, 0.2},
                         {0, environment, std::nullopt, 0},
                         {0, environment, std::nullopt, 0}}};
        const MeterAdviceResult advice = adviseMeters(net, {0});
        QVERIFY(!advice.ranked.empty());
        QCOMPARE(advice.ranked.front().resolves, 2);
        QCOMPARE(advice.ranked.front().action, MeterAdvice::Action::AddMeter);
    }
};

QTEST_GUILESS_MAIN(TestMeterAdvice)
#include "tst_meter_advice.moc"
