package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The execution-algo words of a sandboxed script, on AAPL's daily bars. */
class AlgoWordsTest {
    @Test
    void aTwapFromTheScriptSendsItsSlicesAtTheClosesWhereTheyAreDue() {
        // decided at Friday 2013-03-01's close (due 03-02, 03-03, 03-04 00:00): 33 at once, and at Monday's close
        // (03-05 00:00) both later slices are due, 67 more
        RunSpec spec = OrderHonestyTest.spec("onBar { if (index == 40) buy 100, algo: twap('3d', slices: 3) }", RiskLimits.none(),
                OrderHonestyTest.aapl());
        for (RunResult r : List.of(Backtest.run(spec), LiveRun.of(spec, Backtest.barFeed(spec)).run())) {
            assertThat(r.fills()).extracting(Fill::qty).containsExactly(33.0, 67.0);
            assertThat(r.costs()).singleElement().satisfies(c -> assertThat(c.algo()).isEqualTo("twap 3d x3"));
        }
    }

    @Test
    void cancellingTheScriptsParentStopsItsChildren() {
        RunSpec spec = OrderHonestyTest.spec("""
                onBar {
                    if (index == 40) buy 100, algo: pov(0.000001, max: 10)
                    if (index == 43) algoOrders.each { cancel(it) }
                }
                """, RiskLimits.none(), OrderHonestyTest.aapl());
        RunResult r = Backtest.run(spec);
        // AAPL trades millions a day: 10 a bar, the cap, from the first close after the decision until the cancel
        assertThat(r.fills()).extracting(Fill::qty).containsExactly(10.0, 10.0);
        assertThat(r.costs().getFirst().status()).isEqualTo("CANCELLED");
    }
}
