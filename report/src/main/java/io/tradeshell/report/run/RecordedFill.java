package io.tradeshell.report.run;

import io.tradeshell.engine.model.Side;
import java.time.Instant;

/** One line of fills.jsonl: an order (part) executed at a price. */
public record RecordedFill(long orderId, String symbol, Side side, double qty, double price, double commission, Instant time) {}
