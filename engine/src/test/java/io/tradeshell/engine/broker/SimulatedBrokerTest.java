package io.tradeshell.engine.broker;

import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
import io.tradeshell.engine.events.TradingEvent.OrderExpired;
import io.tradeshell.engine.events.TradingEvent.OrderRejected;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.broker.BrokerDesk.DAY;
import static io.tradeshell.engine.broker.BrokerDesk.HOUR;
import static io.tradeshell.engine.broker.BrokerDesk.START;
import static io.tradeshell.engine.order.OrderStatus.ACCEPTED;
import static io.tradeshell.engine.order.OrderStatus.CANCELLED;
import static io.tradeshell.engine.order.OrderStatus.EXPIRED;
import static io.tradeshell.engine.order.OrderStatus.FILLED;
import static io.tradeshell.engine.order.OrderStatus.NEW;
import static io.tradeshell.engine.order.OrderStatus.PARTIALLY_FILLED;
import static io.tradeshell.engine.order.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatedBrokerTest {
    private static final double EPS = 1e-9;
    private static final ExecutionSettings FREE = new ExecutionSettings(FillTiming.NEXT_OPEN,
            new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);

    @Test
    void marketOrderDecidedAtACloseFillsAtTheNextOpenWithSlippageAgainstBuyerAndSeller() {
        BrokerDesk d = new BrokerDesk(FREE.withSlippage(new Slippage(20)));
        d.bar(0, 100, 101, 99, 100.5, 1000);
        OrderSnapshot buy = d.broker.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
        assertThat(buy.status()).isEqualTo(ACCEPTED);
        assertThat(d.fills).isEmpty();

        d.bar(1, 101, 102, 100, 101.5, 1000);
        // 20 bps: the buyer pays 101 x 1.002 = 101.202 at bar 1's open
        assertThat(d.fills).hasSize(1);
        assertThat(d.fills.get(0).price()).isCloseTo(101.202, within(EPS));
        assertThat(d.fills.get(0).qty()).isEqualTo(10.0);
        assertThat(d.fills.get(0).time()).isEqualTo(START + DAY);

        d.broker.submit(OrderRequest.market("X", Side.SELL, 10, "exit"));
        d.bar(2, 102, 103, 101, 102.5, 1000);
        // the seller gets 102 x 0.998 = 101.796
        assertThat(d.fills.get(1).price()).isCloseTo(101.796, within(EPS));
        assertThat(d.statuses(buy.id())).containsExactly(NEW, ACCEPTED, FILLED);
    }

    @Test
    void aLimitOrderIgnoresTheBarThatWasOverWhenItWasPlaced() {
        BrokerDesk d = new BrokerDesk(FREE);
        // bar 0 traded down to 98, but the order is placed at its close
        d.bar(0, 100, 101, 98, 100, 1000);
        d.broker.submit(OrderRequest.limit("X", Side.BUY, 5, 99, TimeInForce.GTC, "dip"));
        d.bar(1, 100, 101, 99.5, 100.5, 1000);
        assertThat(d.fills).isEmpty();
        d.bar(2, 100, 100.5, 98.8, 99.5, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(99.0);
            assertThat(f.time()).isEqualTo(START + 2 * DAY);
        });
    }

    @Test
    void closeFillTimingFillsAMarketOrderAtOnceAtTheLastClose() {
        BrokerDesk d = new BrokerDesk(FREE.withFillTiming(FillTiming.CLOSE).withSlippage(new Slippage(10)));
        d.bar(0, 100, 101, 99, 100.5, 1000);
        OrderSnapshot o = d.broker.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
        // 100.5 x 1.001 = 100.6005, at bar 0's close time
        assertThat(o.status()).isEqualTo(FILLED);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isCloseTo(100.6005, within(EPS));
            assertThat(f.time()).isEqualTo(START + DAY);
        });
        assertThat(d.broker.openOrders()).isEmpty();
    }

    @Test
    void barsOfAMomentAreTakenAtOnceOnlyWhileNoOrderWorks() {
        BrokerDesk d = new BrokerDesk(FREE.withFillTiming(FillTiming.CLOSE).withSlippage(new Slippage(10)));
        int[] slots = {0};
        d.clock.advanceTo(START + DAY);
        assertThat(d.broker.onQuietBars(slots, 0, 1, START, new double[] {100.5})).isTrue();
        // the close it took is the one a close fill pays: 100.5 x 1.001 = 100.6005
        d.broker.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
        assertThat(d.fills).singleElement().satisfies(f -> assertThat(f.price()).isCloseTo(100.6005, within(EPS)));

        OrderSnapshot limit = d.broker.submit(OrderRequest.limit("X", Side.BUY, 5, 101, TimeInForce.GTC, "t"));
        // an order working: nothing is taken, and the bar handed over alone fills it at its open
        assertThat(d.broker.onQuietBars(slots, 0, 1, START + DAY, new double[] {100.9})).isFalse();
        assertThat(d.fills).hasSize(1);
        d.bar(1, 100.8, 101, 100, 100.9, 1000);
        assertThat(d.fills).hasSize(2).last().satisfies(f -> assertThat(f.price()).isEqualTo(100.8));
        assertThat(d.statuses(limit.id())).containsExactly(NEW, ACCEPTED, FILLED);
    }

    @Test
    void closeFillTimingLeavesLimitOrdersForLaterBars() {
        BrokerDesk d = new BrokerDesk(FREE.withFillTiming(FillTiming.CLOSE));
        d.bar(0, 100, 101, 99, 100.5, 1000);
        OrderSnapshot o = d.broker.submit(OrderRequest.limit("X", Side.BUY, 10, 101, TimeInForce.GTC, "t"));
        assertThat(o.status()).isEqualTo(ACCEPTED);
        assertThat(d.fills).isEmpty();
        d.bar(1, 100.8, 101, 100, 100.5, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(100.8));
    }

    @Test
    void latencyDefersAnOrderToTheFirstBarAtOrAfterSubmissionPlusLatency() {
        // submitted at bar 0's close, START + 1 day
        // latency 1 ms: active from START + 1 day + 1 ms, so bar 1 (opens at START + 1 day) is skipped
        assertThat(filledOnDay(1)).isEqualTo(2);
        // latency exactly 1 day: active from START + 2 days, the open of bar 2
        assertThat(filledOnDay(DAY)).isEqualTo(2);
        // one more millisecond: bar 3
        assertThat(filledOnDay(DAY + 1)).isEqualTo(3);
        assertThat(filledOnDay(0)).isEqualTo(1);
    }

    private static int filledOnDay(long latency) {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(latency, 0, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 1, "t"));
        for (int day = 1; day <= 5 && d.fills.isEmpty(); day++) d.bar(day, 100 + day, 110, 90, 100, 1000);
        return (int) ((d.fills.get(0).time() - START) / DAY);
    }

    @Test
    void latencyOnTicksWaitsForTheFirstTickAtOrAfterTheActiveTime() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(250, 0, 0, 1));
        d.clock.advanceTo(START + 1_000);
        d.broker.onClose(0, 50);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 3, "t"));
        d.clock.advanceTo(START + 1_200);
        d.broker.onTick(0, START + 1_200, 50.1, 10);
        assertThat(d.fills).isEmpty();
        d.clock.advanceTo(START + 1_250);
        d.broker.onTick(0, START + 1_250, 50.2, 10);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(50.2);
            assertThat(f.time()).isEqualTo(START + 1_250);
        });
    }

    @Test
    void aVolumeCapFillsPartOfTheOrderPerBarUntilItIsDone() {
        // at most 10% of a bar's volume per fill; per-share commission 0.01 with a 1.00 minimum per order
        BrokerDesk d = new BrokerDesk(FREE.withCommission(new CommissionModel.PerShare(0.01, 1.0)).withRealism(0, 0.1, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot o = d.broker.submit(OrderRequest.market("X", Side.BUY, 50, "t"));

        d.bar(1, 100, 101, 99, 100, 300);
        // 10% of 300 = 30 units at 100; fee 30 x 0.01 = 0.30, raised to the 1.00 minimum on the first fill
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.qty()).isCloseTo(30, within(EPS));
            assertThat(f.commission()).isCloseTo(1.0, within(EPS));
        });
        assertThat(d.broker.openOrders()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PARTIALLY_FILLED);
            assertThat(s.filledQty()).isCloseTo(30, within(EPS));
        });

        d.bar(2, 102, 103, 101, 102, 400);
        // cap 40, but only 20 remain: 20 at 102; fee 20 x 0.01 = 0.20, the minimum was already charged
        assertThat(d.fills).hasSize(2);
        assertThat(d.fills.get(1).qty()).isCloseTo(20, within(EPS));
        assertThat(d.fills.get(1).price()).isEqualTo(102.0);
        assertThat(d.fills.get(1).commission()).isCloseTo(0.20, within(EPS));
        assertThat(d.statuses(o.id())).containsExactly(NEW, ACCEPTED, PARTIALLY_FILLED, FILLED);
        assertThat(d.broker.openOrders()).isEmpty();
        // average fill (30 x 100 + 20 x 102) / 50 = 5040 / 50 = 100.8
        var last = (io.tradeshell.engine.events.TradingEvent.OrderFilled) d.events.get(d.events.size() - 1);
        assertThat(last.order().avgFillPrice()).isCloseTo(100.8, within(EPS));
    }

    @Test
    void whatAVolumeCapLeavesOfATriggeredStopSellsAtTheNextOpenEvenIfThePriceRecovers() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(0, 0.1, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss"));
        // reaches 95 on a thin bar: 10% of 40 = 4 units at 95
        d.bar(1, 99, 100, 94, 96, 40);
        // back over the stop, but the stop has triggered: the other 6 sell at the open, 97
        d.bar(2, 97, 99, 96, 98, 1000);
        assertThat(d.fills).extracting(Fill::qty, Fill::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4.0, 95.0), org.assertj.core.groups.Tuple.tuple(6.0, 97.0));
        assertThat(d.statuses(stop.id())).containsExactly(NEW, ACCEPTED, PARTIALLY_FILLED, FILLED);
    }

    @Test
    void aPerOrderFeeIsChargedOnceAcrossPartialFillsAndAPercentFeeOnEachFillsNotional() {
        BrokerDesk perOrder = new BrokerDesk(FREE.withCommission(new CommissionModel.PerOrder(2.5)).withRealism(0, 0.5, 0, 1));
        BrokerDesk percent = new BrokerDesk(FREE.withCommission(new CommissionModel.PercentOfNotional(0.001)).withRealism(0, 0.5, 0, 1));
        for (BrokerDesk d : List.of(perOrder, percent)) {
            d.bar(0, 100, 101, 99, 100, 1000);
            d.broker.submit(OrderRequest.market("X", Side.BUY, 30, "t"));
            // half of 40 = 20 at 100, then the other 10 at 104
            d.bar(1, 100, 101, 99, 100, 40);
            d.bar(2, 104, 105, 103, 104, 40);
        }
        assertThat(perOrder.fills).extracting(Fill::commission).containsExactly(2.5, 0.0);
        // 0.1% of 20 x 100 = 2.00, then of 10 x 104 = 1.04
        assertThat(percent.fills).extracting(Fill::commission).satisfiesExactly(
                c -> assertThat(c).isCloseTo(2.0, within(EPS)), c -> assertThat(c).isCloseTo(1.04, within(EPS)));
    }

    @Test
    void randomRejectionsFollowTheSeed() {
        double p = 0.3;
        List<OrderStatus> first = submitTwenty(p, 42), again = submitTwenty(p, 42);
        assertThat(first).isEqualTo(again);
        // the same draws made independently: an order is rejected when its draw is below p
        SplittableRandom draws = new SplittableRandom(42);
        List<OrderStatus> expected = new ArrayList<>();
        for (int k = 0; k < 20; k++) expected.add(draws.nextDouble() < p ? REJECTED : ACCEPTED);
        assertThat(first).isEqualTo(expected).contains(REJECTED, ACCEPTED);
        SplittableRandom other = new SplittableRandom(7);
        List<OrderStatus> expected7 = new ArrayList<>();
        for (int k = 0; k < 20; k++) expected7.add(other.nextDouble() < p ? REJECTED : ACCEPTED);
        assertThat(submitTwenty(p, 7)).isEqualTo(expected7);
    }

    private static List<OrderStatus> submitTwenty(double p, long seed) {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(0, 0, p, seed));
        List<OrderStatus> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) out.add(d.broker.submit(OrderRequest.market("X", Side.BUY, 1, "t")).status());
        for (OrderRejected r : d.eventsOf(OrderRejected.class)) assertThat(r.reason()).contains("random rejection");
        return out;
    }

    @Test
    void aDayOrderExpiresOnTheNextDayWhileAGoodTillCancelledOrderStaysAndFills() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        // placed at bar 0's close: START + 1 day, the start of day 1, so day 1 is its day
        OrderSnapshot day = d.broker.submit(OrderRequest.limit("X", Side.BUY, 1, 90, TimeInForce.DAY, "day"));
        OrderSnapshot gtc = d.broker.submit(OrderRequest.limit("X", Side.BUY, 1, 90, TimeInForce.GTC, "gtc"));
        d.bar(1, 100, 101, 95, 96, 1000);
        assertThat(d.broker.openOrders()).hasSize(2);
        d.bar(2, 95, 96, 89, 90, 1000);
        assertThat(d.statuses(day.id())).containsExactly(NEW, ACCEPTED, EXPIRED);
        assertThat(d.eventsOf(OrderExpired.class)).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(START + 2 * DAY));
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(gtc.id());
            assertThat(f.price()).isEqualTo(90.0);
        });
    }

    @Test
    void aDayOrderPlacedIntradayWorksUntilMidnight() {
        BrokerDesk d = new BrokerDesk(FREE);
        long day0 = START;
        d.bar(day0 + 21 * HOUR, HOUR, 100, 101, 99, 100, 1000);
        // placed at 22:00 of day 0
        OrderSnapshot o = d.broker.submit(OrderRequest.limit("X", Side.BUY, 1, 90, TimeInForce.DAY, "day"));
        d.bar(day0 + 22 * HOUR, HOUR, 100, 101, 95, 96, 1000);
        d.bar(day0 + 23 * HOUR, HOUR, 96, 97, 91, 92, 1000);
        assertThat(d.statuses(o.id())).containsExactly(NEW, ACCEPTED);
        // the first bar of day 1 would reach 90, but the order has expired
        d.bar(day0 + 24 * HOUR, HOUR, 91, 92, 88, 89, 1000);
        assertThat(d.statuses(o.id())).containsExactly(NEW, ACCEPTED, EXPIRED);
        assertThat(d.fills).isEmpty();
    }

    @Test
    void aCancelledOrderNeverFillsAndCannotBeCancelledTwice() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot o = d.broker.submit(OrderRequest.limit("X", Side.BUY, 1, 99, TimeInForce.GTC, "t"));
        assertThat(d.broker.cancel(o.id(), "changed my mind")).isTrue();
        assertThat(d.broker.cancel(o.id(), "again")).isFalse();
        d.bar(1, 100, 101, 95, 96, 1000);
        assertThat(d.fills).isEmpty();
        assertThat(d.statuses(o.id())).containsExactly(NEW, ACCEPTED, CANCELLED);
        assertThat(d.eventsOf(OrderCancelled.class)).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("changed my mind"));
    }

    @Test
    void aReplacedOrderWorksWithItsNewQuantityAndPrice() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot o = d.broker.submit(OrderRequest.limit("X", Side.BUY, 10, 95, TimeInForce.GTC, "t"));
        assertThat(d.broker.replace(o.id(), 20, 97, Double.NaN)).isTrue();
        assertThat(d.broker.replace(12345, 20, 97, Double.NaN)).isFalse();
        d.bar(1, 100, 101, 96.5, 98, 1000);
        // the old limit 95 would not have filled; the new 97 does, for 20
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.qty()).isEqualTo(20.0);
            assertThat(f.price()).isEqualTo(97.0);
        });
        assertThat(d.broker.replace(o.id(), 30, 97, Double.NaN)).isFalse();
    }

    @Test
    void underLatencyAReplacedOrderWorksOnItsOldTermsUntilTheNewOnesArrive() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(HOUR, 0, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 90, TimeInForce.GTC, "trailingStop"));
        d.bar(1, 100, 101, 99, 100, 1000);
        d.bar(2, 100, 121, 99, 120, 1000);
        // at bar 2's close (START + 3 days) the stop is moved up to 108; that reaches the market an hour later
        assertThat(d.broker.replace(stop.id(), 10, Double.NaN, 108)).isTrue();
        assertThat(d.broker.workingOrder(stop.id())).hasValueSatisfying(o -> assertThat(o.request().stopPrice()).isEqualTo(90.0));
        // bar 3 opens at START + 3 days, before the new level is in force: the old stop, 90, still protects
        d.bar(3, 118, 119, 85, 86, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(90.0));
    }

    @Test
    void underLatencyANewLevelComesIntoForceOnTheFirstBarAfterItArrives() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(HOUR, 0, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 90, TimeInForce.GTC, "trailingStop"));
        d.bar(1, 100, 101, 99, 100, 1000);
        d.bar(2, 100, 121, 99, 120, 1000);
        d.broker.replace(stop.id(), 10, Double.NaN, 108);
        d.bar(3, 118, 119, 110, 115, 1000);
        // in force from bar 4, whose open is after START + 3 days + 1 hour
        d.bar(4, 112, 113, 107, 108, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(108.0);
            assertThat(f.time()).isEqualTo(START + 4 * DAY);
        });
        assertThat(d.eventsOf(io.tradeshell.engine.events.TradingEvent.OrderReplaced.class))
                .singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(START + 4 * DAY));
    }

    @Test
    void oneCancelsOtherWhenTheStopFillsTheTakeProfitIsCancelled() {
        BrokerDesk d = new BrokerDesk(FREE.withSlippage(new Slippage(10)));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss").withOcoGroup(7));
        OrderSnapshot take = d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 110, TimeInForce.GTC, "takeProfit").withOcoGroup(7));
        d.bar(1, 99, 100, 94, 96, 1000);
        // 95 x 0.999 = 94.905
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(stop.id());
            assertThat(f.price()).isCloseTo(94.905, within(EPS));
        });
        assertThat(d.statuses(take.id())).containsExactly(NEW, ACCEPTED, CANCELLED);
        assertThat(d.eventsOf(OrderCancelled.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("one-cancels-other"));
        d.bar(2, 111, 112, 110, 111, 1000);
        assertThat(d.fills).hasSize(1);
    }

    @Test
    void aPartFilledStopShrinksItsTakeProfitToWhatIsLeft() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(0, 0.1, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss").withOcoGroup(7));
        OrderSnapshot take = d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 110, TimeInForce.GTC, "takeProfit").withOcoGroup(7));
        // 10% of 40: the stop sells 4 of 10; the take-profit now covers the 6 left
        d.bar(1, 99, 100, 94, 96, 40);
        assertThat(d.broker.workingOrder(take.id())).hasValueSatisfying(o -> {
            assertThat(o.request().qty()).isEqualTo(6.0);
            assertThat(o.status()).isEqualTo(ACCEPTED);
        });
        // the triggered stop sells the other 6 at the next open; the take-profit goes
        d.bar(2, 97, 99, 96, 98, 1000);
        assertThat(d.fills).extracting(Fill::qty).containsExactly(4.0, 6.0);
        assertThat(d.statuses(stop.id())).containsExactly(NEW, ACCEPTED, PARTIALLY_FILLED, FILLED);
        assertThat(d.statuses(take.id())).containsExactly(NEW, ACCEPTED, ACCEPTED, CANCELLED);
    }

    @Test
    void aPartFilledTakeProfitLeavesItsStopCoveringTheRest() {
        BrokerDesk d = new BrokerDesk(FREE.withRealism(0, 0.1, 0, 1));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss").withOcoGroup(7));
        d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 110, TimeInForce.GTC, "takeProfit").withOcoGroup(7));
        // the take-profit sells 4 at 110; the stop shrinks to 6 and keeps working
        d.bar(1, 105, 111, 104, 108, 40);
        // the market falls through the stop on a busy bar: the stop sells the 6, not 10
        d.bar(2, 100, 101, 90, 91, 1000);
        assertThat(d.fills).extracting(Fill::orderId, Fill::qty, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 4.0, 110.0),
                org.assertj.core.groups.Tuple.tuple(stop.id(), 6.0, 95.0));
        assertThat(d.broker.openOrders()).isEmpty();
    }

    @Test
    void aGapThroughTheTakeProfitFillsItAtTheOpenBeforeTheStopTheBarReachesLater() {
        BrokerDesk d = new BrokerDesk(FREE.withSlippage(new Slippage(10)));
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss").withOcoGroup(7));
        OrderSnapshot take = d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 110, TimeInForce.GTC, "takeProfit").withOcoGroup(7));
        // opens at 112, over the take-profit, and only later falls to 94, under the stop
        d.bar(1, 112, 113, 94, 95, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(take.id());
            assertThat(f.price()).isEqualTo(112.0);
        });
        assertThat(d.statuses(stop.id())).containsExactly(NEW, ACCEPTED, CANCELLED);
    }

    @Test
    void aBarReachingBothAStopAndALimitIsAssumedToReachTheStopFirst() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        // the take-profit is placed first, so order of placement would favour it
        OrderSnapshot take = d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 110, TimeInForce.GTC, "takeProfit").withOcoGroup(7));
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss").withOcoGroup(7));
        d.bar(1, 100, 111, 94, 100, 1000);
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(stop.id());
            assertThat(f.price()).isEqualTo(95.0);
        });
        assertThat(d.statuses(take.id())).containsExactly(NEW, ACCEPTED, CANCELLED);
    }

    @Test
    void marketOrdersExecuteAtTheOpenBeforeStopsTheOpenTriggers() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        OrderSnapshot stop = d.broker.submit(OrderRequest.stop("X", Side.SELL, 10, 95, TimeInForce.GTC, "stopLoss"));
        OrderSnapshot market = d.broker.submit(OrderRequest.market("X", Side.SELL, 5, "exit"));
        d.bar(1, 90, 91, 85, 86, 1000);
        assertThat(d.fills).extracting(Fill::orderId).containsExactly(market.id(), stop.id());
        assertThat(d.fills).extracting(Fill::price).containsExactly(90.0, 90.0);
    }

    @Test
    void anOrderPlacedWhileABarIsMatchedWaitsForTheNextBar() {
        BrokerDesk d = new BrokerDesk(FREE);
        d.bar(0, 100, 101, 99, 100, 1000);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
        // on the entry's fill, place a sell limit the same bar reaches
        d.onFill = (slot, f) -> {
            if (f.side() == Side.BUY) d.broker.submit(OrderRequest.limit("X", Side.SELL, 10, 102, TimeInForce.GTC, "exit"));
        };
        d.bar(1, 100, 103, 99, 101, 1000);
        assertThat(d.fills).hasSize(1);
        d.bar(2, 101, 102.5, 100, 102, 1000);
        assertThat(d.fills).hasSize(2);
        assertThat(d.fills.get(1).price()).isEqualTo(102.0);
        assertThat(d.fills.get(1).time()).isEqualTo(START + 2 * DAY);
    }

    @Test
    void ordersOfAnUnknownSymbolAreRejectedWithTheReason() {
        BrokerDesk d = new BrokerDesk(FREE);
        OrderSnapshot o = d.broker.submit(OrderRequest.market("ZZZ", Side.BUY, 1, "t"));
        assertThat(o.status()).isEqualTo(REJECTED);
        assertThat(d.eventsOf(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.reason()).contains("unknown symbol ZZZ"));
    }
}
