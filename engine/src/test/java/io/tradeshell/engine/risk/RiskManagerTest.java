package io.tradeshell.engine.risk;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import io.tradeshell.engine.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskManagerTest {
    private static final long START = 1_704_067_200_000L;
    private static final long HOUR = 3_600_000L;

    /** An account whose numbers the test sets. */
    private static final class Account implements AccountView {
        long now = START;
        double equity = 10_000;
        double gross;
        final Map<String, Double> position = new HashMap<>();
        final Map<String, Double> price = new HashMap<>();
        final Map<String, Long> seen = new HashMap<>();

        public long now() { return now; }
        public double equity() { return equity; }
        public double grossExposure() { return gross; }
        public double position(String s) { return position.getOrDefault(s, 0.0); }
        public double lastPrice(String s) { return price.getOrDefault(s, Double.NaN); }
        public long lastPriceTime(String s) { return seen.getOrDefault(s, Long.MIN_VALUE); }
    }

    private final Account account = new Account();
    private final List<TradingEvent> events = new ArrayList<>();

    RiskManagerTest() {
        account.price.put("X", 100.0);
        account.seen.put("X", START);
    }

    private RiskManager risk(RiskLimits limits) {
        return new RiskManager(limits, events::add);
    }

    private static OrderRequest buy(double qty) {
        return OrderRequest.market("X", Side.BUY, qty, "t");
    }

    private static OrderRequest sell(double qty) {
        return OrderRequest.market("X", Side.SELL, qty, "t");
    }

    @Test
    void noLimitsLetEverythingThrough() {
        assertThat(risk(RiskLimits.none()).check(buy(1_000_000), account)).isEmpty();
    }

    @Test
    void maxPositionPercentCountsThePositionAfterTheOrder() {
        RiskManager r = risk(RiskLimits.none().withMaxPositionPct(0.25));
        // 25 x 100 = 2500 = 25% of 10000: allowed; 26 x 100 = 2600 is 26%
        assertThat(r.check(buy(25), account)).isEmpty();
        assertThat(r.check(buy(26), account)).hasValueSatisfying(m -> assertThat(m).contains("26.0% of equity").contains("25.0% limit"));
        // holding 20 already: 20 + 6 = 26 units, 2600
        account.position.put("X", 20.0);
        assertThat(r.check(buy(6), account)).isPresent();
        assertThat(r.check(buy(5), account)).isEmpty();
    }

    @Test
    void maxLeverageCountsGrossExposureAfterTheOrder() {
        RiskManager r = risk(RiskLimits.none().withMaxLeverage(1.0));
        account.gross = 9_000;
        // 9000 + 10 x 100 = 10000 = 1.0x: allowed; 11 units make 10100 > 10000
        assertThat(r.check(buy(10), account)).isEmpty();
        assertThat(r.check(buy(11), account)).hasValueSatisfying(m -> assertThat(m).contains("1.01x equity"));
    }

    @Test
    void maxOrderNotionalUsesTheLimitOrStopPriceOrTheLastPrice() {
        RiskManager r = risk(RiskLimits.none().withMaxOrderNotional(5_000));
        // market at the last price 100: 50 x 100 = 5000 allowed, 51 x 100 = 5100 not
        assertThat(r.check(buy(50), account)).isEmpty();
        assertThat(r.check(buy(51), account)).hasValueSatisfying(m -> assertThat(m).isEqualTo("order notional 5100.00 exceeds the limit 5000.00"));
        // a limit at 90: 55 x 90 = 4950 allowed even though 55 x 100 = 5500
        assertThat(r.check(OrderRequest.limit("X", Side.BUY, 55, 90, TimeInForce.GTC, "t"), account)).isEmpty();
        // a stop at 110: 46 x 110 = 5060
        assertThat(r.check(OrderRequest.stop("X", Side.BUY, 46, 110, TimeInForce.GTC, "t"), account)).isPresent();
    }

    @Test
    void onlyAllowedSymbolsMayBeTraded() {
        RiskManager r = risk(RiskLimits.none().withAllowedSymbols(Set.of("X")));
        assertThat(r.check(buy(1), account)).isEmpty();
        assertThat(r.check(OrderRequest.market("Y", Side.BUY, 1, "t"), account))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Y is not in the allowed symbols"));
    }

    @Test
    void staleDataRefusesNewExposure() {
        RiskManager r = risk(RiskLimits.none().withStaleAfterMillis(60_000));
        account.now = START + 60_000;
        // exactly 60 s old: still fresh
        assertThat(r.check(buy(1), account)).isEmpty();
        account.now = START + 60_001;
        assertThat(r.check(buy(1), account)).hasValueSatisfying(m -> assertThat(m).isEqualTo("stale data: last X price is older than 60 s"));
        // never seen at all
        assertThat(r.check(OrderRequest.market("Y", Side.BUY, 1, "t"), account)).isPresent();
        // reducing a position is always allowed, however old the price
        account.position.put("X", 5.0);
        assertThat(r.check(sell(5), account)).isEmpty();
    }

    @Test
    void reducingOrdersPassEveryLimitButAFlipDoesNot() {
        RiskManager r = risk(RiskLimits.none().withMaxOrderNotional(100).withAllowedSymbols(Set.of("Y")));
        account.position.put("X", 10.0);
        assertThat(r.check(sell(10), account)).isEmpty();
        assertThat(r.check(sell(11), account)).isPresent();
    }

    @Test
    void intradayLossOverTheDailyLimitAllowsOnlyReducingUntilTheNextDay() {
        RiskManager r = risk(RiskLimits.none().withDailyLossLimit(0.02));
        account.position.put("X", 10.0);
        // hourly closes on day 0: 10000, then -1.5%, then -2.1% from the day's start
        assertThat(r.afterBar(START + 10 * HOUR, 10_000)).isFalse();
        r.afterBar(START + 11 * HOUR, 9_850);
        assertThat(r.state()).isEqualTo(TradingState.ACTIVE);
        r.afterBar(START + 12 * HOUR, 9_790);
        assertThat(r.state()).isEqualTo(TradingState.REDUCING);
        assertThat(r.check(buy(1), account)).hasValueSatisfying(m -> assertThat(m).contains("reducing-only after the daily loss limit"));
        assertThat(r.check(sell(4), account)).isEmpty();
        // the first bar of day 1: a new day, active again
        r.afterBar(START + 34 * HOUR, 9_790);
        assertThat(r.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(r.check(buy(1), account)).isEmpty();
        assertThat(events).extracting(e -> ((TradingStateChanged) e).state()).containsExactly("REDUCING", "ACTIVE");
    }

    @Test
    void withDailyBarsALosingDayIsMeasuredFromThePreviousClose() {
        final long day = 86_400_000L;
        RiskManager r = risk(RiskLimits.none().withDailyLossLimit(0.02));
        // each daily bar closes at the next midnight
        r.afterBar(START + day, 10_000);
        // day 1 closes 3% under day 0's close: reducing-only
        r.afterBar(START + 2 * day, 9_700);
        assertThat(r.state()).isEqualTo(TradingState.REDUCING);
        assertThat(r.check(buy(1), account)).isPresent();
        // day 2 is a new day, flat against 9700: active again
        r.afterBar(START + 3 * day, 9_700);
        assertThat(r.state()).isEqualTo(TradingState.ACTIVE);
        // day 3 loses 1.5%, then day 4 another 1.5%: no single day loses 2%
        r.afterBar(START + 4 * day, 9_554.5);
        r.afterBar(START + 5 * day, 9_411.1825);
        assertThat(r.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void theFirstIntradayBarOfADayCountsTowardItsLoss() {
        RiskManager r = risk(RiskLimits.none().withDailyLossLimit(0.02));
        r.afterBar(START + 22 * HOUR, 10_000);
        r.afterBar(START + 23 * HOUR, 10_100);
        // day 1's first bar closes at 01:00, 2.5% under day 0's last close 10100: 9847.5
        r.afterBar(START + 25 * HOUR, 9_847.5);
        assertThat(r.state()).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void aBarClosingAtMidnightBelongsToTheDayItTraded() {
        RiskManager r = risk(RiskLimits.none().withDailyLossLimit(0.02));
        r.afterBar(START + 23 * HOUR, 10_000);
        // the bar 23:00-24:00 of day 0 loses 2.5%
        r.afterBar(START + 24 * HOUR, 9_750);
        assertThat(r.state()).isEqualTo(TradingState.REDUCING);
        // the first bar of day 1 starts a new day
        r.afterBar(START + 25 * HOUR, 9_750);
        assertThat(r.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void drawdownOverTheLimitHaltsOnceAndOnlyReducingOrdersPass() {
        RiskManager r = risk(RiskLimits.none().withMaxDrawdown(0.10));
        account.position.put("X", 10.0);
        assertThat(r.afterBar(START + HOUR, 10_000)).isFalse();
        assertThat(r.afterBar(START + 2 * HOUR, 11_000)).isFalse();
        // 9950 is 9.55% under the 11000 peak; 9890 is 10.09% under it
        assertThat(r.afterBar(START + 3 * HOUR, 9_950)).isFalse();
        assertThat(r.afterBar(START + 4 * HOUR, 9_890)).isTrue();
        assertThat(r.state()).isEqualTo(TradingState.HALTED);
        assertThat(r.afterBar(START + 5 * HOUR, 9_000)).isFalse();
        assertThat(r.check(buy(1), account)).hasValueSatisfying(m -> assertThat(m).startsWith("trading is halted"));
        assertThat(r.check(sell(10), account)).isEmpty();
        assertThat(r.check(sell(20), account)).isPresent();
        // a new day does not lift a halt
        r.afterBar(START + 30 * HOUR, 12_000);
        assertThat(r.state()).isEqualTo(TradingState.HALTED);
        assertThat(events).singleElement().satisfies(e -> assertThat(((TradingStateChanged) e).reason()).contains("drawdown 10.09%"));
    }

    @Test
    void anOperatorPauseIsNotLiftedByANewDay() {
        RiskManager r = risk(RiskLimits.none().withDailyLossLimit(0.02));
        r.afterBar(START + HOUR, 10_000);
        r.set(START + HOUR, TradingState.REDUCING, "operator pause");
        r.afterBar(START + 30 * HOUR, 10_000);
        assertThat(r.state()).isEqualTo(TradingState.REDUCING);
    }
}
