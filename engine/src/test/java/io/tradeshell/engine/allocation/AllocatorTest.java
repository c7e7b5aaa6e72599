package io.tradeshell.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The allocator on small books, every quantity worked out by hand in the comments. */
class AllocatorTest {
    static final CommissionModel FREE = new CommissionModel.PercentOfNotional(0);
    static final List<String> ABC = List.of("A", "B", "C");

    static Allocator allocator(double lot, CommissionModel commission, Slippage slippage, double tolerance, double buffer, double leverage) {
        return new Allocator(new AllocationRules(lot, commission, slippage, new RebalancePolicy(tolerance, buffer, leverage)));
    }

    static Holdings book(double cash, double[] positions, double[] prices) {
        double equity = cash;
        for (int k = 0; k < positions.length; k++) equity += positions[k] * prices[k];
        return new Holdings(cash, equity, ABC, positions, prices);
    }

    static List<org.assertj.core.groups.Tuple> orders(List<OrderRequest> orders) {
        return orders.stream().map(o -> tuple(o.symbol(), o.side(), o.qty())).toList();
    }

    @Test
    void sellsComeFirstAndQuantitiesAreWholeLots() {
        // equity 1,000 cash + 100 A at 10 = 2,000; half in B at 20: 50 (5 lots); half in C at 50: 20 (2 lots)
        Holdings h = book(1000, new double[] {100, 0, 0}, new double[] {10, 20, 50});
        var out = allocator(10, FREE, Slippage.NONE, 0, 0, 1).orders(new Targets().weights(Map.of("C", 0.5, "B", 0.5)), h);
        assertThat(orders(out)).containsExactly(tuple("A", Side.SELL, 100.0), tuple("B", Side.BUY, 50.0), tuple("C", Side.BUY, 20.0));
        assertThat(out).allSatisfy(o -> assertThat(o.tag()).isEqualTo(Allocator.TAG));
        // 0.3 of 2,000 in B is 600 / 20 = 30 units: 3 lots; 0.37 of it in C is 740 / 50 = 14.8: 1 lot of 10
        out = allocator(10, FREE, Slippage.NONE, 0, 0, 1).orders(new Targets().weights(Map.of("B", 0.3, "C", 0.37)), h);
        assertThat(orders(out)).containsExactly(tuple("A", Side.SELL, 100.0), tuple("B", Side.BUY, 30.0), tuple("C", Side.BUY, 10.0));
    }

    @Test
    void buysShrinkSoThatCostsNeverOverdrawTheCash() {
        // 1% commission, 100 bps slippage. Selling 100 A at 10 x 0.99 = 9.9 frees 990 - 9.90 = 980.10: 1,980.10 to spend.
        // Wanted: B 1,000 / 20 = 50 and C 1,000 / 50 = 20, costing 50 x 20.2 x 1.01 + 20 x 50.5 x 1.01 = 2,040.20.
        // Both shrink by 1,980.10 / 2,040.20 = 0.97054: B 48.5 -> 48, C 19.4 -> 19, costing 979.296 + 969.095 = 1,948.391.
        Holdings h = book(1000, new double[] {100, 0, 0}, new double[] {10, 20, 50});
        var out = allocator(1, new CommissionModel.PercentOfNotional(0.01), new Slippage(100), 0, 0, 1)
                .orders(new Targets().weights(Map.of("B", 0.5, "C", 0.5)), h);
        assertThat(orders(out)).containsExactly(tuple("A", Side.SELL, 100.0), tuple("B", Side.BUY, 48.0), tuple("C", Side.BUY, 19.0));
    }

    @Test
    void aPerOrderFeeTrimsTheLastBuyUntilItFits() {
        // 1,000 cash, a fee of 100 per order: B and C at 10, half each = 50 units, 600 apiece, 1,200 in all.
        // Shrunk by 1,000 / 1,200: 41 each, 1,020 with fees; C loses a unit at a time down to 39: 410 + 100 + 390 + 100 = 1,000.
        Holdings h = book(1000, new double[] {0, 0, 0}, new double[] {10, 10, 10});
        var out = allocator(1, new CommissionModel.PerOrder(100), Slippage.NONE, 0, 0, 1)
                .orders(new Targets().weights(Map.of("B", 0.5, "C", 0.5)), h);
        assertThat(orders(out)).containsExactly(tuple("B", Side.BUY, 41.0), tuple("C", Side.BUY, 39.0));
    }

    @Test
    void theCashBufferStaysOutOfTheWeights() {
        // equity 10,000, 2% buffer: 9,800 / 3 per symbol at 10 = 326.67 -> 326 each
        Holdings h = book(10_000, new double[] {0, 0, 0}, new double[] {10, 10, 10});
        var out = allocator(1, FREE, Slippage.NONE, 0, 0.02, 1).orders(new Targets().weights(Map.of("A", 1 / 3.0, "B", 1 / 3.0, "C", 1 / 3.0)), h);
        assertThat(orders(out)).containsExactly(tuple("A", Side.BUY, 326.0), tuple("B", Side.BUY, 326.0), tuple("C", Side.BUY, 326.0));
    }

    @Test
    void tinyChangesAreLeftAloneButAFullExitIsAlwaysTraded() {
        // equity 1,010; tolerance 5% = 50.50. A: 1,010 / 10 = 101 wanted, one more unit is worth 10: left alone.
        // B holds one unit worth 10 and is not named: it goes to zero all the same.
        Holdings h = book(0, new double[] {100, 1, 0}, new double[] {10, 10, 10});
        var out = allocator(1, FREE, Slippage.NONE, 0.05, 0, 1).orders(new Targets().weights(Map.of("A", 1.0)), h);
        assertThat(orders(out)).containsExactly(tuple("B", Side.SELL, 1.0));
    }

    @Test
    void leverageLetsBuysGoBeyondTheCash() {
        // 1,000 cash, A at 10 with a weight of 2: 200 units for 2,000; leverage 2 allows 1,000 + 1 x 1,000
        Holdings h = book(1000, new double[] {0, 0, 0}, new double[] {10, 10, 10});
        Targets twice = new Targets().weights(Map.of("A", 2.0));
        assertThat(orders(allocator(1, FREE, Slippage.NONE, 0, 0, 2).orders(twice, h))).containsExactly(tuple("A", Side.BUY, 200.0));
        // without leverage the buy shrinks to the cash: 100 units
        assertThat(orders(allocator(1, FREE, Slippage.NONE, 0, 0, 1).orders(twice, h))).containsExactly(tuple("A", Side.BUY, 100.0));
    }

    @Test
    void quantitiesAndPercentsOfOneSymbolLeaveTheOthersAlone() {
        // A held 100 -> target 30 units: sell 70. B held 50 untouched. C: 25% of equity (1,000 + 1,000 + 500 = 2,500) / 10 = 62.5 -> 62
        Holdings h = book(1000, new double[] {100, 50, 0}, new double[] {10, 10, 10});
        Targets t = new Targets().set("A", new Target.Units(30.7)).set("C", new Target.Weight(0.25));
        assertThat(orders(allocator(1, FREE, Slippage.NONE, 0, 0, 1).orders(t, h)))
                .containsExactly(tuple("A", Side.SELL, 70.0), tuple("C", Side.BUY, 62.0));
    }

    @Test
    void aNegativeWeightOpensAShortWhoseProceedsPayForTheLongLeg() {
        // equity 1,000: A -0.5 -> short 50 at 10 (a sell, first); B +0.5 -> buy 50 at 10, paid by the cash
        Holdings h = book(1000, new double[] {0, 0, 0}, new double[] {10, 10, 10});
        assertThat(orders(allocator(1, FREE, Slippage.NONE, 0, 0, 1).orders(new Targets().weights(Map.of("B", 0.5, "A", -0.5)), h)))
                .containsExactly(tuple("A", Side.SELL, 50.0), tuple("B", Side.BUY, 50.0));
    }

    @Test
    void schedulesPickTheFirstAndLastBarTimesOfEachPeriod() {
        long day = 86_400_000L;
        long fri31Jan = java.time.LocalDate.of(2025, 1, 31).toEpochDay() * day, mon3Feb = fri31Jan + 3 * day, tue4Feb = mon3Feb + day;
        assertThat(Schedule.parse("monthly").isDue(fri31Jan, mon3Feb, tue4Feb)).isTrue();
        assertThat(Schedule.MONTH_START.isDue(mon3Feb, tue4Feb, tue4Feb + day)).isFalse();
        assertThat(Schedule.MONTH_END.isDue(fri31Jan - day, fri31Jan, mon3Feb)).isTrue();
        assertThat(Schedule.WEEK_START.isDue(fri31Jan, mon3Feb, tue4Feb)).isTrue();
        assertThat(Schedule.WEEK_END.isDue(mon3Feb, tue4Feb, tue4Feb + day)).isFalse();
        assertThat(Schedule.DAY_END.isDue(mon3Feb, mon3Feb + 3_600_000, Long.MAX_VALUE)).isTrue();
        assertThat(Schedule.parse("bar").isDue(mon3Feb, mon3Feb + 60_000, mon3Feb + 120_000)).isTrue();
    }
}
