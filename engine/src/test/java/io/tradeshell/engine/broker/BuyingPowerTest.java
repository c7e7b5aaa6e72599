package io.tradeshell.engine.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.events.TradingEvent.OrderReduced;
import io.tradeshell.engine.events.TradingEvent.OrderRejected;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.portfolio.Portfolio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buying-power rule at the fill, every figure worked out by hand. */
class BuyingPowerTest {
    static final ExecutionSettings COSTS = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001),
            new Slippage(5), 0, 0, 0, 1);
    static final ExecutionSettings FREE = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0),
            Slippage.NONE, 0, 0, 0, 1);

    /** A desk whose fills go into an account of {@code cash}, checked with {@code rule}. */
    private static BrokerDesk desk(ExecutionSettings x, double cash, BuyingPower rule, Portfolio[] account) {
        BrokerDesk d = new BrokerDesk(x);
        account[0] = new Portfolio(cash, List.of("X"));
        d.onFill = (slot, f) -> account[0].apply(slot, f, 0, t -> { });
        d.broker.checkBuyingPower(account[0], rule);
        return d;
    }

    @Test
    void aBuyBeyondTheCashIsCutToTheWholeUnitsTheCashPaysForWithSlippageAndCommission() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(COSTS, 10_000, new BuyingPower(1, 1), a);
        d.bar(0, 100, 100, 100, 100, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 1_000, "buy"));
        d.bar(1, 100, 100, 100, 100, 1e9);
        // fill price 100 x 1.0005 = 100.05; one unit costs 100.05 x 1.001 = 100.15005 with commission;
        // 10000 / 100.15005 = 99.85, so 99 units: 9905 (cost 9904.95 + commission 9.90495); 100 would cost 10015.005
        assertThat(d.fills).singleElement().satisfies(f -> {
            assertThat(f.qty()).isEqualTo(99.0);
            assertThat(f.price()).isEqualTo(100.05);
        });
        assertThat(a[0].cash()).isCloseTo(10_000 - 99 * 100.05 * 1.001, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a[0].cash()).isGreaterThanOrEqualTo(0);
        OrderReduced r = d.eventsOf(OrderReduced.class).get(0);
        assertThat(r.requestedQty()).isEqualTo(1_000.0);
        assertThat(r.order().request().qty()).isEqualTo(99.0);
        assertThat(r.reason()).isEqualTo("reduced from 1000 to 99: BUY of 1000 at 100.05 would exceed the buying power"
                + " (cash 10000.00, equity 10000.00, max leverage 1)");
        assertThat(d.broker.ordersReducedForCash()).isEqualTo(1);
        assertThat(d.statuses(1)).containsExactly(OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.ACCEPTED, OrderStatus.FILLED);
    }

    @Test
    void anOrderOfWhichNotOneLotFitsIsRejectedAtTheFill() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(FREE, 50, new BuyingPower(1, 1), a);
        d.bar(0, 100, 100, 100, 100, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 1, "buy"));
        d.bar(1, 100, 100, 100, 100, 1e9);
        assertThat(d.fills).isEmpty();
        assertThat(d.eventsOf(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("insufficient buying power: BUY of 1 at 100 would exceed the buying power (cash 50.00, equity 50.00, max leverage 1); not one lot fits"));
        assertThat(d.broker.ordersRejectedForCash()).isEqualTo(1);
        assertThat(d.broker.openOrders()).isEmpty();
        assertThat(a[0].cash()).isEqualTo(50.0);
    }

    @Test
    void aShortNeedsEquityToCoverItsValueUnlessLeverageIsAllowed() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(FREE, 10_000, new BuyingPower(1, 1), a);
        d.bar(0, 100, 100, 100, 100, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.SELL, 150, "sellShort"));
        d.bar(1, 100, 100, 100, 100, 1e9);
        // gross 100 x q must stay within equity 10000 x 1: 100 units
        assertThat(d.fills.get(0).qty()).isEqualTo(100.0);
        assertThat(a[0].position(0)).isEqualTo(-100.0);

        Portfolio[] b = new Portfolio[1];
        BrokerDesk levered = desk(FREE, 10_000, new BuyingPower(2, 1), b);
        levered.bar(0, 100, 100, 100, 100, 1e9);
        levered.broker.submit(OrderRequest.market("X", Side.SELL, 150, "sellShort"));
        levered.bar(1, 100, 100, 100, 100, 1e9);
        // 15000 of exposure within 2 x 10000
        assertThat(levered.fills.get(0).qty()).isEqualTo(150.0);
        assertThat(levered.eventsOf(OrderReduced.class)).isEmpty();
    }

    @Test
    void cashFromAShortDoesNotBuyMoreThanTheEquityCovers() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(FREE, 10_000, new BuyingPower(1, 1), a);
        d.bar(0, 100, 100, 100, 100, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.SELL, 50, "sellShort"));
        d.bar(1, 100, 100, 100, 100, 1e9);
        // short 50 at 100: cash 15000, equity 10000, gross 5000. Buying 200 covers 50 and opens 150 long:
        // gross 150 x 100 = 15000 > 10000, so the buy is cut to 150 (cover 50, then 100 long)
        d.broker.submit(OrderRequest.market("X", Side.BUY, 200, "buy"));
        d.bar(2, 100, 100, 100, 100, 1e9);
        assertThat(d.fills.get(1).qty()).isEqualTo(150.0);
        assertThat(a[0].position(0)).isEqualTo(100.0);
        assertThat(a[0].cash()).isEqualTo(0.0);
    }

    @Test
    void sellingWhatIsHeldAlwaysFills() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(FREE, 1_000, new BuyingPower(1, 1), a);
        d.bar(0, 10, 10, 10, 10, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 100, "buy"));
        d.bar(1, 10, 10, 10, 10, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.SELL, 100, "sell"));
        d.bar(2, 1, 1, 1, 1, 1e9);
        assertThat(d.fills).extracting(Fill::qty).containsExactly(100.0, 100.0);
    }

    @Test
    void withoutALotTheLargestFractionThatFitsIsTaken() {
        Portfolio[] a = new Portfolio[1];
        BrokerDesk d = desk(FREE, 1_000, new BuyingPower(1, 0), a);
        d.bar(0, 400, 400, 400, 400, 1e9);
        d.broker.submit(OrderRequest.market("X", Side.BUY, 3, "buy"));
        d.bar(1, 400, 400, 400, 400, 1e9);
        // 1000 / 400 = 2.5 units
        assertThat(d.fills.get(0).qty()).isCloseTo(2.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a[0].cash()).isGreaterThanOrEqualTo(0);
    }
}
