package io.tradeshell.engine.run;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fast symbol (hourly or 4-hourly) with a daily one in one account, over two days. The daily
 * strategy buys at its first close, so it fills at the daily open of day 1, during which the
 * fast bars go on closing. Every expected figure is written out by hand from the rules in the
 * comments, without the engine.
 */
class MixedPeriodsTest {
    private static final long HOUR = 3_600_000L;

    /** Fast bar i: open 10 + i, close 10.5 + i, high close + 1, low open - 1. */
    private static BarSeries fast(long period) {
        int n = (int) (2 * DAY / period);
        BarSeries s = new BarSeries("H", Duration.ofMillis(period), -1, n);
        for (int i = 0; i < n; i++) s.append(START + i * period, 10 + i, 11.5 + i, 9 + i, 10.5 + i, 1_000_000);
        return s;
    }

    private static BarSeries daily() {
        BarSeries s = new BarSeries("D", Duration.ofDays(1), -1, 2);
        s.append(START, 100, 101, 99, 100, 1_000_000);
        s.append(START + DAY, 110, 120, 105, 115, 1_000_000);
        return s;
    }

    private record Outcome(RunResult result, Runs.Tape tape, List<Double> cashSeenByFast) { }

    /** D buys 10 at its first close; H buys 1 at its first close and 1 at bar {@code k}'s close. */
    private static Outcome run(long period, int k, boolean dailyFirst) {
        List<Double> cashSeen = new ArrayList<>();
        var f = Runs.factory("mixed", ctx -> Runs.each(i -> {
            if (ctx.symbol().equals("D") && i == 0) ctx.submit(OrderRequest.market("D", Side.BUY, 10, "entry"));
            if (ctx.symbol().equals("H")) {
                cashSeen.add(ctx.cash());
                if (i == 0 || i == k) ctx.submit(OrderRequest.market("H", Side.BUY, 1, "entry"));
            }
        }));
        Runs.Tape tape = new Runs.Tape();
        RunResult r = Backtest.run(dailyFirst ? Runs.spec(f, FREE, 100_000, daily(), fast(period))
                : Runs.spec(f, FREE, 100_000, fast(period), daily()), tape);
        return new Outcome(r, tape, cashSeen);
    }

    @ParameterizedTest
    @ValueSource(longs = {HOUR, 4 * HOUR})
    void fillsAreBookedAtTheirOpensAndEquityHasOnePointPerBarTime(long period) {
        for (boolean dailyFirst : new boolean[] {false, true}) {
            int n = (int) (2 * DAY / period), half = n / 2, k = half + 2;
            Outcome o = run(period, k, dailyFirst);

            // H's first buy fills at H bar 1's open (11) at its open time; D's at D's day-1 open (110)
            // at day 1 00:00, after the day-0 closes of that moment; H's second at bar k+1's open
            assertThat(o.result().fills()).extracting(Fill::symbol, Fill::price, Fill::time).containsExactly(
                    tuple("H", 11.0, START + period),
                    tuple("D", 110.0, START + DAY),
                    tuple("H", 10.0 + k + 1, START + (k + 1) * period));

            // H's strategy sees the daily fill from the first fast bar that closes after it
            for (int j = 0; j < n; j++) {
                double cash = 100_000 - (j >= 1 ? 11 : 0) - (j >= half ? 1100 : 0) - (j >= k + 1 ? 11 + k : 0);
                assertThat(o.cashSeenByFast().get(j)).as("cash at fast bar %d", j).isCloseTo(cash, within(1e-9));
            }

            // one equity point per fast bar (every daily close falls on a fast close), stamped with
            // the fast bar's open time, in order
            assertThat(o.tape().times).hasSize(n);
            for (int j = 0; j < n; j++) {
                assertThat(o.tape().times.get(j)).isEqualTo(START + j * period);
                double cash = 100_000 - (j >= 1 ? 11 : 0) - (j >= half ? 1100 : 0) - (j >= k + 1 ? 11 + k : 0);
                int fastHeld = (j >= 1 ? 1 : 0) + (j >= k + 1 ? 1 : 0);
                // D is held from day 1's open: marked at that open (110) until its close (115) at the last point
                double daily = j < half ? 0 : j < n - 1 ? 10 * 110 : 10 * 115;
                assertThat(o.tape().equity.get(j)[0]).as("equity at point %d", j)
                        .isCloseTo(cash + fastHeld * (10.5 + j) + daily, within(1e-9));
            }
        }
    }

    @Test
    void aStopReachedWithinADailyBarIsBookedWhenThatBarsRangeIsKnownNeverBackInTime() {
        // D buys 10 at day 0's close (fills at 110) with a sell stop at 106 (day 1's low is 105)
        var f = Runs.factory("stop", ctx -> Runs.each(i -> {
            if (ctx.symbol().equals("D") && i == 0) {
                ctx.submit(OrderRequest.market("D", Side.BUY, 10, "entry"));
                ctx.submit(OrderRequest.stop("D", Side.SELL, 10, 106, io.tradeshell.engine.order.TimeInForce.GTC, "stop"));
            }
        }));
        RunResult r = Backtest.run(Runs.spec(f, FREE, 100_000, fast(4 * HOUR), daily()));
        // the stop can only be known reached once day 1's bar has closed; it is booked at the last
        // moment before that close, the open of the 20:00 fast bar, so no fill goes back in time
        assertThat(r.fills()).extracting(Fill::price, Fill::time).containsExactly(
                tuple(110.0, START + DAY), tuple(106.0, START + DAY + 20 * HOUR));
    }
}
