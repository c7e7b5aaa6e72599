package io.tradeshell.engine.broker;

import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fill prices of each order type against hand-made bars, with 10 bps of slippage where it applies. */
class OrderMatcherTest {
    private static final Slippage TEN_BPS = new Slippage(10);
    private static final double EPS = 1e-9;

    private static Order order(OrderRequest r) {
        return new Order(1, r, 0, 0);
    }

    private static double fill(Order o, double open, double high, double low) {
        return OrderMatcher.fillPrice(o, open, high, low, TEN_BPS);
    }

    private static Order market(Side side) {
        return order(OrderRequest.market("X", side, 10, "t"));
    }

    private static Order limit(Side side, double limit) {
        return order(OrderRequest.limit("X", side, 10, limit, TimeInForce.GTC, "t"));
    }

    private static Order stop(Side side, double stop) {
        return order(OrderRequest.stop("X", side, 10, stop, TimeInForce.GTC, "t"));
    }

    private static Order stopLimit(Side side, double stop, double limit) {
        return order(OrderRequest.stopLimit("X", side, 10, stop, limit, TimeInForce.GTC, "t"));
    }

    @Test
    void marketBuyPaysTheOpenPlusSlippage() {
        // 10 bps = 0.001; 100 x 1.001 = 100.10
        assertThat(fill(market(Side.BUY), 100, 101, 99)).isCloseTo(100.10, within(EPS));
    }

    @Test
    void marketSellGetsTheOpenMinusSlippage() {
        // 100 x 0.999 = 99.90
        assertThat(fill(market(Side.SELL), 100, 101, 99)).isCloseTo(99.90, within(EPS));
    }

    @Test
    void limitBuyFillsAtTheLimitWhenTheBarReachesIt() {
        // open 100 is above the limit 99, the low 98.5 reaches it: filled at 99, no slippage on a limit
        assertThat(fill(limit(Side.BUY, 99), 100, 101, 98.5)).isEqualTo(99.0);
    }

    @Test
    void limitBuyFillsAtTheOpenWhenTheBarGapsBelowTheLimit() {
        assertThat(fill(limit(Side.BUY, 99), 98, 99.5, 97)).isEqualTo(98.0);
    }

    @Test
    void limitBuyDoesNotFillWhenTheLowStaysAboveTheLimit() {
        assertThat(fill(limit(Side.BUY, 99), 100, 101, 99.01)).isNaN();
    }

    @Test
    void limitSellFillsAtTheLimitOrAtAGapOpenOrNotAtAll() {
        assertThat(fill(limit(Side.SELL, 101), 100, 101.5, 99)).isEqualTo(101.0);
        assertThat(fill(limit(Side.SELL, 101), 102, 103, 101.5)).isEqualTo(102.0);
        assertThat(fill(limit(Side.SELL, 101), 100, 100.99, 99)).isNaN();
    }

    @Test
    void stopBuyFillsAtTheStopPlusSlippage() {
        // 102 x 1.001 = 102.102
        assertThat(fill(stop(Side.BUY, 102), 100, 103, 99.5)).isCloseTo(102.102, within(EPS));
    }

    @Test
    void stopBuyFillsAtTheOpenPlusSlippageWhenTheBarGapsAboveTheStop() {
        // 104 x 1.001 = 104.104
        assertThat(fill(stop(Side.BUY, 102), 104, 105, 103.5)).isCloseTo(104.104, within(EPS));
    }

    @Test
    void stopBuyDoesNotFillBelowTheStop() {
        assertThat(fill(stop(Side.BUY, 102), 100, 101.99, 99)).isNaN();
    }

    @Test
    void stopSellFillsAtTheStopOrTheGapOpenMinusSlippage() {
        // 98 x 0.999 = 97.902; on a gap to 96: 96 x 0.999 = 95.904
        assertThat(fill(stop(Side.SELL, 98), 100, 100.5, 97)).isCloseTo(97.902, within(EPS));
        assertThat(fill(stop(Side.SELL, 98), 96, 97, 95)).isCloseTo(95.904, within(EPS));
        assertThat(fill(stop(Side.SELL, 98), 100, 101, 98.01)).isNaN();
    }

    @Test
    void aStopOnceTriggeredIsAMarketOrderOnLaterBars() {
        Order o = stop(Side.SELL, 98);
        assertThat(fill(o, 100, 100.5, 97)).isCloseTo(97.902, within(EPS));
        assertThat(o.triggered()).isTrue();
        // a later bar back above the stop: what is left sells at its open, 99 x 0.999 = 98.901
        assertThat(fill(o, 99, 100, 98.5)).isCloseTo(98.901, within(EPS));
        assertThat(OrderMatcher.phase(o, 99)).isZero();
    }

    @Test
    void stopLimitSellTriggeredWithinTheBarFillsAtTheStopWhenTheStopIsWithinTheLimit() {
        Order o = stopLimit(Side.SELL, 98, 97.5);
        // the low 97 reaches the stop 98; selling at 98 satisfies "at least 97.5": fill at 98, no slippage
        assertThat(fill(o, 100, 100.5, 97)).isEqualTo(98.0);
        assertThat(o.triggered()).isTrue();
    }

    @Test
    void stopLimitWhoseStopIsBeyondTheLimitTriggersButFillsOnlyLaterAsALimit() {
        Order o = stopLimit(Side.SELL, 98, 98.5);
        // triggered at 98, but 98 is below the 98.5 the seller asks for: no fill on the triggering bar
        assertThat(fill(o, 100, 100.5, 97)).isNaN();
        assertThat(o.triggered()).isTrue();
        // now a plain sell limit at 98.5: a bar that stays under it does not fill ...
        assertThat(fill(o, 97.5, 98.4, 97)).isNaN();
        // ... and a bar that opens at 98.2 and trades up to 98.8 fills it at the limit
        assertThat(fill(o, 98.2, 98.8, 97.9)).isEqualTo(98.5);
    }

    @Test
    void stopLimitIsNotTriggeredByABarThatDoesNotReachTheStop() {
        Order o = stopLimit(Side.SELL, 98, 97.5);
        assertThat(fill(o, 100, 101, 98.2)).isNaN();
        assertThat(o.triggered()).isFalse();
    }

    @Test
    void stopLimitBuyGappingThroughBothPricesFillsAtTheLimitIfTheBarComesBack() {
        // opens at 103, over the stop 102 and over the limit 102.5; the low 102.2 comes back under the limit
        assertThat(fill(stopLimit(Side.BUY, 102, 102.5), 103, 104, 102.2)).isEqualTo(102.5);
        // opens at 102.4, over the stop and within the limit: filled at the open
        assertThat(fill(stopLimit(Side.BUY, 102, 102.5), 102.4, 104, 102.3)).isEqualTo(102.4);
    }

    @Test
    void slippageIsCountedInBasisPointsAgainstTheOrder() {
        Slippage s = new Slippage(25);
        // 25 bps of 80 = 0.2
        assertThat(s.apply(Side.BUY, 80)).isCloseTo(80.2, within(EPS));
        assertThat(s.apply(Side.SELL, 80)).isCloseTo(79.8, within(EPS));
        assertThat(Slippage.NONE.apply(Side.BUY, 80)).isEqualTo(80.0);
    }
}
