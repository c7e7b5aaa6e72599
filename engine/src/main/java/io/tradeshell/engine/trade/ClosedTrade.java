package io.tradeshell.engine.trade;

import java.time.Instant;
import java.util.Objects;

/**
 * A round trip that has ended: a position (or the closed part of it) from entry to exit.
 *
 * @param side       LONG or SHORT
 * @param qty        units closed (always positive)
 * @param pnl        profit net of the entry and exit commissions of these units
 * @param commission the entry and exit commissions attributed to these units
 * @param barsHeld   bars from the entry fill's bar to the exit fill's bar
 * @param exitReason why the position ended (signal, stop loss, risk, operator...)
 */
public record ClosedTrade(String symbol, PositionSide side, double qty,
                          Instant entryTime, double entryPrice,
                          Instant exitTime, double exitPrice,
                          double pnl, double commission, int barsHeld, ExitReason exitReason) {

    public ClosedTrade {
        Objects.requireNonNull(exitReason, "exitReason");
    }

    /** The trade's return on the capital it tied up at entry, net of costs. */
    public double returnFraction() {
        return pnl / (qty * entryPrice);
    }
}
