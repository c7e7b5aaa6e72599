package io.tradeshell.engine.portfolio;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.PositionSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cash, equity and closed trades worked out by hand for each kind of position change. */
class PortfolioTest {
    private static final double EPS = 1e-9;
    private static final long START = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;

    private final Portfolio account = new Portfolio(10_000, List.of("X", "Y"));
    private final List<ClosedTrade> trades = new ArrayList<>();

    private void fill(int slot, Side side, double qty, double price, double commission, int bar) {
        String symbol = slot == 0 ? "X" : "Y";
        account.apply(slot, new Fill(bar, symbol, side, qty, price, commission, START + bar * DAY, "t"), bar, trades::add);
    }

    @Test
    void longRoundTrip() {
        fill(0, Side.BUY, 10, 100, 1.0, 3);
        // cash 10000 - 10 x 100 - 1 = 8999
        assertThat(account.cash()).isCloseTo(8999, within(EPS));
        account.mark(0, 105);
        // equity 8999 + 10 x 105 = 10049
        assertThat(account.equity()).isCloseTo(10049, within(EPS));
        assertThat(account.grossExposure()).isCloseTo(1050, within(EPS));

        fill(0, Side.SELL, 10, 110, 1.1, 6);
        // cash 8999 + 1100 - 1.1 = 10097.9; flat, so equity = cash
        assertThat(account.cash()).isCloseTo(10097.9, within(EPS));
        assertThat(account.equity()).isCloseTo(10097.9, within(EPS));
        assertThat(account.position(0)).isZero();
        // pnl (110 - 100) x 10 - 1 - 1.1 = 97.9; commissions 2.1; held bars 3 to 6
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(PositionSide.LONG);
            assertThat(t.qty()).isEqualTo(10.0);
            assertThat(t.entryPrice()).isEqualTo(100.0);
            assertThat(t.exitPrice()).isEqualTo(110.0);
            assertThat(t.pnl()).isCloseTo(97.9, within(EPS));
            assertThat(t.commission()).isCloseTo(2.1, within(EPS));
            assertThat(t.barsHeld()).isEqualTo(3);
            assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(START + 3 * DAY));
            assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(START + 6 * DAY));
            // 97.9 / (10 x 100)
            assertThat(t.returnFraction()).isCloseTo(0.0979, within(EPS));
        });
        assertThat(account.realizedPnl()).isCloseTo(97.9, within(EPS));
        assertThat(account.commissions()).isCloseTo(2.1, within(EPS));
    }

    @Test
    void shortRoundTrip() {
        fill(0, Side.SELL, 10, 100, 1.0, 1);
        // a short sale's proceeds sit in cash: 10000 + 1000 - 1 = 10999
        assertThat(account.cash()).isCloseTo(10999, within(EPS));
        assertThat(account.position(0)).isEqualTo(-10.0);
        account.mark(0, 95);
        // equity 10999 - 10 x 95 = 10049: the short gained 50, less the 1 commission
        assertThat(account.equity()).isCloseTo(10049, within(EPS));
        account.mark(0, 108);
        // 10999 - 1080 = 9919
        assertThat(account.equity()).isCloseTo(9919, within(EPS));
        assertThat(account.grossExposure()).isCloseTo(1080, within(EPS));
        assertThat(account.openPositions()).singleElement().satisfies(p -> {
            assertThat(p.side()).isEqualTo(PositionSide.SHORT);
            assertThat(p.qty()).isEqualTo(10.0);
            // (108 - 100) x -10 = -80
            assertThat(p.unrealizedPnl()).isCloseTo(-80, within(EPS));
        });

        fill(0, Side.BUY, 10, 90, 0.9, 4);
        // 10999 - 900 - 0.9 = 10098.1
        assertThat(account.cash()).isCloseTo(10098.1, within(EPS));
        assertThat(account.equity()).isCloseTo(10098.1, within(EPS));
        // (100 - 90) x 10 - 1 - 0.9 = 98.1
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(PositionSide.SHORT);
            assertThat(t.pnl()).isCloseTo(98.1, within(EPS));
            assertThat(t.commission()).isCloseTo(1.9, within(EPS));
            assertThat(t.barsHeld()).isEqualTo(3);
            assertThat(t.returnFraction()).isCloseTo(0.0981, within(EPS));
        });
    }

    @Test
    void addingToAPositionAveragesItsCostAndThenAPartialExitProRatesTheEntryCommission() {
        fill(0, Side.BUY, 10, 100, 1.0, 1);
        fill(0, Side.BUY, 30, 104, 3.0, 2);
        // average (10 x 100 + 30 x 104) / 40 = 4120 / 40 = 103; cash 10000 - 1001 - 3123 = 5876
        assertThat(account.position(0)).isEqualTo(40.0);
        assertThat(account.avgPrice(0)).isCloseTo(103, within(EPS));
        assertThat(account.cash()).isCloseTo(5876, within(EPS));
        assertThat(account.entryTime(0)).isEqualTo(START + DAY);
        assertThat(trades).isEmpty();

        fill(0, Side.SELL, 10, 110, 1.1, 4);
        // 10 of 40 units close: entry commission 4 x 10/40 = 1; pnl (110 - 103) x 10 - 1 - 1.1 = 67.9
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.qty()).isEqualTo(10.0);
            assertThat(t.entryPrice()).isCloseTo(103, within(EPS));
            assertThat(t.pnl()).isCloseTo(67.9, within(EPS));
            assertThat(t.commission()).isCloseTo(2.1, within(EPS));
            assertThat(t.barsHeld()).isEqualTo(3);
        });
        // cash 5876 + 1100 - 1.1 = 6974.9; 30 left at the same average
        assertThat(account.cash()).isCloseTo(6974.9, within(EPS));
        assertThat(account.position(0)).isEqualTo(30.0);
        assertThat(account.avgPrice(0)).isCloseTo(103, within(EPS));

        fill(0, Side.SELL, 30, 100, 3.0, 5);
        // the remaining entry commission 3; pnl (100 - 103) x 30 - 3 - 3 = -96
        assertThat(trades.get(1).pnl()).isCloseTo(-96, within(EPS));
        assertThat(trades.get(1).commission()).isCloseTo(6, within(EPS));
        // cash 6974.9 + 3000 - 3 = 9971.9 = 10000 + 67.9 - 96
        assertThat(account.cash()).isCloseTo(9971.9, within(EPS));
        assertThat(account.realizedPnl()).isCloseTo(67.9 - 96, within(EPS));
        assertThat(account.commissions()).isCloseTo(1 + 3 + 1.1 + 3, within(EPS));
    }

    @Test
    void oneFillLargerThanTheLongPositionClosesItAndOpensAShort() {
        fill(0, Side.BUY, 10, 100, 1.0, 1);
        fill(0, Side.SELL, 25, 110, 2.5, 3);
        // 10 units close: exit commission 2.5 x 10/25 = 1; pnl (110 - 100) x 10 - 1 - 1 = 98
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(PositionSide.LONG);
            assertThat(t.qty()).isEqualTo(10.0);
            assertThat(t.pnl()).isCloseTo(98, within(EPS));
            assertThat(t.commission()).isCloseTo(2, within(EPS));
        });
        // 15 units open short at 110 with the other 1.5 of commission; entry time and bar of this fill
        assertThat(account.position(0)).isEqualTo(-15.0);
        assertThat(account.avgPrice(0)).isEqualTo(110.0);
        assertThat(account.entryTime(0)).isEqualTo(START + 3 * DAY);
        // cash 10000 - 1001 + 2750 - 2.5 = 11746.5; marked at 110: 11746.5 - 15 x 110 = 10096.5 = 10000 + 98 - 1.5
        account.mark(0, 110);
        assertThat(account.cash()).isCloseTo(11746.5, within(EPS));
        assertThat(account.equity()).isCloseTo(10096.5, within(EPS));

        fill(0, Side.BUY, 15, 100, 1.5, 5);
        // (110 - 100) x 15 - 1.5 - 1.5 = 147, held bars 3 to 5
        assertThat(trades.get(1).side()).isEqualTo(PositionSide.SHORT);
        assertThat(trades.get(1).pnl()).isCloseTo(147, within(EPS));
        assertThat(trades.get(1).barsHeld()).isEqualTo(2);
        // 11746.5 - 1500 - 1.5 = 10245 = 10000 + 98 + 147
        assertThat(account.cash()).isCloseTo(10245, within(EPS));
        assertThat(account.equity()).isCloseTo(10245, within(EPS));
    }

    @Test
    void aFillDoesNotRemarkASymbolThatAlreadyHasAMarketPrice() {
        account.mark(0, 102);
        fill(0, Side.BUY, 10, 102.102, 0, 2);
        // cash 10000 - 1021.02 = 8978.98; marked at the market's 102: 8978.98 + 1020 = 9998.98
        assertThat(account.lastPrice(0)).isEqualTo(102.0);
        assertThat(account.equity()).isCloseTo(9998.98, within(EPS));
    }

    @Test
    void aFillStandsInForThePriceUntilTheFirstMark() {
        fill(0, Side.BUY, 10, 100, 0, 0);
        assertThat(account.lastPrice(0)).isEqualTo(100.0);
        assertThat(account.equity()).isCloseTo(10_000, within(EPS));
    }

    @Test
    void equityAddsLongsAndSubtractsShortsAcrossSymbols() {
        fill(0, Side.BUY, 10, 100, 0, 1);
        fill(1, Side.SELL, 5, 200, 0, 1);
        account.mark(0, 105);
        account.mark(1, 190);
        // cash 10000 - 1000 + 1000 = 10000; equity 10000 + 1050 - 950 = 10100; gross 1050 + 950 = 2000
        assertThat(account.cash()).isCloseTo(10000, within(EPS));
        assertThat(account.equity()).isCloseTo(10100, within(EPS));
        assertThat(account.grossExposure()).isCloseTo(2000, within(EPS));
        assertThat(account.openPositions()).extracting(OpenPosition::unrealizedPnl).containsExactly(50.0, 50.0);
    }
}
