package io.tradeshell.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.EventLog;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import io.tradeshell.engine.trade.ExitReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeDiffTest {
    private static final ExecutionSettings PLAIN =
            new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);
    private static final long HOUR = 3_600_000;

    /** Ten hourly bars, each opening one above the last close, closing at open + 0.5. */
    private static BarSeries bars() {
        BarSeries s = new BarSeries("X", Duration.ofHours(1), 2, 16);
        for (int i = 0; i < 10; i++) s.append(i * HOUR, 100 + i, 101 + i, 99 + i, 100.5 + i, 100);
        return s;
    }

    /** Buys {@code qty} at the close of bars 1 and 5 and sells everything at the close of bars 3 and 7; no entries before {@code warmup}. */
    private static StrategyFactory roundTrips(double qty, int warmup) {
        return new StrategyFactory() {
            public String name() { return "round trips"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if ((i == 1 || i == 5) && i >= warmup) ctx.submit(OrderRequest.market("X", Side.BUY, qty, "buy"));
                        if ((i == 3 || i == 7) && ctx.position() > 0) ctx.submit(OrderRequest.market("X", Side.SELL, ctx.position(), "sell"));
                    }
                    public int warmupBars() { return warmup; }
                };
            }
        };
    }

    private static TradeDiff.Run run(String name, StrategyFactory strategy, ExecutionSettings x, RiskLimits risk) {
        RunSpec spec = new RunSpec("t", strategy, List.of(new DataInput(bars(), "x.csv", "sha")), x, 100_000, risk, 1);
        EventLog log = new EventLog();
        RunResult r = Backtest.run(spec, log);
        return new TradeDiff.Run(name, r, log.events());
    }

    private static final TradeDiff.Run REFERENCE = run("backtest", roundTrips(10, 0), PLAIN, RiskLimits.none());

    @Test
    void runsThatAgreeHaveNoDifferences() {
        assertThat(REFERENCE.result().trades()).hasSize(2);
        assertThat(TradeDiff.compare(REFERENCE, run("live", roundTrips(10, 0), PLAIN, RiskLimits.none()))).isEmpty();
    }

    @Test
    void aLaterFillUnderLatencyIsLabelledLatency() {
        // 30 minutes of latency: an order sent at a bar's close fills at the open of the bar after next
        var other = run("paper", roundTrips(10, 0), PLAIN.withRealism(30 * 60_000, 0, 0, 1), RiskLimits.none());
        var diffs = TradeDiff.compare(REFERENCE, other);
        assertThat(diffs).hasSize(2).allSatisfy(d -> {
            assertThat(d.label()).isEqualTo("latency");
            assertThat(d.detail()).contains("orders become active 1800000 ms after they are sent");
        });
        // first trade: bought at bar 3's open (103) instead of bar 2's (102), sold at bar 5's (105) instead of bar 4's (104)
        assertThat(diffs.get(0).detail()).startsWith("entry filled at 1970-01-01T03:00:00Z @ 103, not 1970-01-01T02:00:00Z @ 102")
                .contains("exit filled at 1970-01-01T05:00:00Z @ 105, not 1970-01-01T04:00:00Z @ 104");
    }

    @Test
    void aTradeThatNeverClosesBecauseOfLatencyIsLabelledLatency() {
        // 90 minutes: the entry fills two bars late, after the exit decision saw no position
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 0), PLAIN.withRealism(90 * 60_000, 0, 0, 1), RiskLimits.none()));
        assertThat(diffs).hasSize(2).allSatisfy(d -> {
            assertThat(d.label()).isEqualTo("latency");
            assertThat(d.other()).isEmpty();
        });
        assertThat(diffs.get(0).detail()).startsWith("entry filled at 1970-01-01T04:00:00Z @ 104, not 1970-01-01T02:00:00Z @ 102");
    }

    @Test
    void anOrderFilledInPartsIsLabelledPartialFill() {
        // 5% of 100 per bar: the 10 units fill 5 and 5
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 0), PLAIN.withRealism(0, 0.05, 0, 1), RiskLimits.none()));
        assertThat(diffs).isNotEmpty().allSatisfy(d -> assertThat(d.cause()).isEqualTo(TradeDiff.Cause.PARTIAL_FILL));
        assertThat(diffs.get(0).detail()).startsWith("entry filled in 2 part(s) (5, 5) instead of 1 (10)");
    }

    @Test
    void aBrokerRejectionIsLabelledRejection() {
        // seed 6: the first order (the first entry) passes, the second (its exit) is rejected
        var random = new java.util.SplittableRandom(6);
        assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(random.nextDouble()).isLessThan(0.5);
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 0), PLAIN.withRealism(0, 0, 0.5, 6), RiskLimits.none()));
        assertThat(diffs).isNotEmpty();
        assertThat(diffs.get(0).cause()).isEqualTo(TradeDiff.Cause.REJECTION);
        assertThat(diffs.get(0).knockOn()).isFalse();
        assertThat(diffs.get(0).detail()).isEqualTo("the exit was rejected in paper: rejected by the simulated broker (random rejection, p=0.5)");
        assertThat(diffs).allSatisfy(d -> assertThat(d.cause()).isEqualTo(TradeDiff.Cause.REJECTION));
    }

    @Test
    void aRiskDenialIsLabelledRiskDenial() {
        // 10 x 101.5 = 1015 is over a 1000 notional limit: no trade at all in the other run
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 0), PLAIN, RiskLimits.none().withMaxOrderNotional(1000)));
        assertThat(diffs).hasSize(2);
        assertThat(diffs.get(0).label()).isEqualTo("risk denial");
        assertThat(diffs.get(0).detail()).isEqualTo("the entry was denied in paper: order notional 1015.00 exceeds the limit 1000.00");
        assertThat(diffs.get(0).other()).isEmpty();
        assertThat(diffs.get(0).reference()).contains(REFERENCE.result().trades().get(0));
    }

    @Test
    void aTradeInsideTheOtherRunsWarmUpIsLabelledWarmUp() {
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 3), PLAIN, RiskLimits.none()));
        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("warm-up");
            assertThat(d.detail()).isEqualTo("decided at 1970-01-01T02:00:00Z, inside the warm-up in paper (entries from 1970-01-01T04:00:00Z)");
        });
    }

    @Test
    void fillsAtTheCloseInsteadOfTheNextOpenAreLabelledFillTiming() {
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(10, 0), PLAIN.withFillTiming(FillTiming.CLOSE), RiskLimits.none()));
        assertThat(diffs).hasSize(2).allSatisfy(d -> assertThat(d.label()).isEqualTo("fill timing"));
        assertThat(diffs.get(0).detail()).startsWith("entry filled at 1970-01-01T02:00:00Z @ 101.5, not 1970-01-01T02:00:00Z @ 102");
    }

    @Test
    void aDifferenceWithNoEarlierOneAndNoNameableCauseIsUnexplainedNotAKnockOn() {
        // the other run's strategy buys 11 instead of 10 (as if it had kept state from an earlier run):
        // same decisions, same fill times and prices, no rejection, denial, latency or warm-up
        var diffs = TradeDiff.compare(REFERENCE, run("paper", roundTrips(11, 0), PLAIN, RiskLimits.none()));
        assertThat(diffs).hasSize(2);
        assertThat(diffs.get(0).cause()).isEqualTo(TradeDiff.Cause.UNEXPLAINED);
        assertThat(diffs.get(0).knockOn()).isFalse();
        assertThat(diffs.get(0).label()).isEqualTo("unexplained");
        assertThat(diffs.get(0).detail()).startsWith("no earlier difference and no rejection, partial fill, risk denial, latency or warm-up");
        // the second follows the first, and says so
        assertThat(diffs.get(1).label()).isEqualTo("unexplained (knock-on)");
    }

    @Test
    void aTradeMissingForNoNameableReasonIsUnexplained() {
        StrategyFactory skipsTheFirst = new StrategyFactory() {
            public String name() { return "skips"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if (i == 5) ctx.submit(OrderRequest.market("X", Side.BUY, 10, "buy"));
                        if ((i == 3 || i == 7) && ctx.position() > 0) ctx.submit(OrderRequest.market("X", Side.SELL, ctx.position(), "sell"));
                    }
                    public int warmupBars() { return 0; }
                };
            }
        };
        var diffs = TradeDiff.compare(REFERENCE, run("paper", skipsTheFirst, PLAIN, RiskLimits.none()));
        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("unexplained");
            assertThat(d.other()).isEmpty();
        });
    }

    /** As {@link #roundTrips} with 10 shares, but at the close of bar 2 the operator closes the position with {@code tag}; after a kill nothing more is traded. */
    private static StrategyFactory closedByTheOperator(String tag) {
        return new StrategyFactory() {
            public String name() { return "round trips"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    boolean killed;
                    public void onBar(int i) {
                        if (i == 2) {
                            ctx.submit(OrderRequest.market("X", Side.SELL, ctx.position(), tag));
                            killed = tag.equals(ExitReason.OPERATOR_KILL_TAG);
                        }
                        if (killed) return;
                        if (i == 1 || i == 5) ctx.submit(OrderRequest.market("X", Side.BUY, 10, "buy"));
                        if ((i == 3 || i == 7) && ctx.position() > 0) ctx.submit(OrderRequest.market("X", Side.SELL, ctx.position(), "sell"));
                    }
                    public int warmupBars() { return 0; }
                };
            }
        };
    }

    @Test
    void aTradeTheOperatorFlattenedHasThatAsItsCause() {
        // bought at bar 2's open (102) in both; the backtest sells at bar 4's open (104), the session
        // is flattened at bar 2's close (03:00) and sells at bar 3's open (103); the second trade is the same
        var diffs = TradeDiff.compare(REFERENCE, run("paper", closedByTheOperator(ExitReason.OPERATOR_FLATTEN_TAG), PLAIN, RiskLimits.none()));
        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.cause()).isEqualTo(TradeDiff.Cause.OPERATOR_FLATTEN);
            assertThat(d.label()).isEqualTo("operator flatten");
            assertThat(d.detail()).isEqualTo("closed in paper by the operator's flatten, sent at 1970-01-01T03:00:00Z and filled at 1970-01-01T03:00:00Z @ 103");
            assertThat(d.reference().orElseThrow().exitPrice()).isEqualTo(104);
            assertThat(d.other().orElseThrow().exitPrice()).isEqualTo(103);
        });
    }

    @Test
    void aKillSwitchIsTheCauseOfTheTradeItClosedAndOfEveryTradeItPrevented() {
        var diffs = TradeDiff.compare(REFERENCE, run("paper", closedByTheOperator(ExitReason.OPERATOR_KILL_TAG), PLAIN, RiskLimits.none()));
        assertThat(diffs).hasSize(2);
        assertThat(diffs.get(0).label()).isEqualTo("operator kill");
        assertThat(diffs.get(0).detail()).startsWith("closed in paper by the operator's kill switch, sent at 1970-01-01T03:00:00Z");
        // the backtest's second trade (bought at 106, sold at 108) never happened in the session
        assertThat(diffs.get(1).label()).isEqualTo("operator kill (knock-on)");
        assertThat(diffs.get(1).reference().orElseThrow().entryPrice()).isEqualTo(106);
        assertThat(diffs.get(1).other()).isEmpty();
    }
}
