package io.tradeshell.report.run;

import io.tradeshell.engine.trade.PositionSide;
import java.time.Instant;

/**
 * One line of trades.jsonl: a closed round trip; pnl is net of commission, returnPct a fraction,
 * exitReason the word for why it ended ({@code signal}, {@code stopLoss}...), empty in files
 * written before trades carried one.
 */
public record RecordedTrade(String symbol, PositionSide side, double qty,
                            Instant entryTime, double entryPrice, Instant exitTime, double exitPrice,
                            double pnl, double commission, int barsHeld, double returnPct, String exitReason) {}
