package io.tradeshell.engine.portfolio;

import io.tradeshell.engine.trade.PositionSide;
import java.time.Instant;

/** A position still open, marked to its last price; reported as open, never as a closed trade. */
public record OpenPosition(String symbol, PositionSide side, double qty, Instant entryTime,
                           double entryPrice, double lastPrice, double unrealizedPnl) { }
