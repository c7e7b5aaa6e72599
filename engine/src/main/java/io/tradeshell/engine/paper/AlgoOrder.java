package io.tradeshell.engine.paper;

import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.ParentOrderRequest;
import java.util.Locale;

/**
 * A parent order an operator starts in a running session: {@code qty} of {@code symbol} worked
 * by {@code algo}, written as the console writes it ({@code twap:30m:10}, {@code vwap:1h:20},
 * {@code pov:0.1:500}) so the command file and the journal hold the operator's own words.
 */
public record AlgoOrder(String symbol, Side side, double qty, String algo) {
    public AlgoOrder {
        if (symbol == null || symbol.isBlank()) throw new IllegalArgumentException("an algo order needs a symbol");
        OrderRequest.checkQuantity(qty);
        ExecutionAlgo.parse(algo); // refused here, before it reaches a session
    }

    /** Reads {@code buy}/{@code sell} as the side. */
    public static Side side(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new IllegalArgumentException("an algo order buys or sells, not '" + word + "'");
        };
    }

    /** The parent order the session's desk works, its children tagged {@code tag}. */
    public ParentOrderRequest request(String tag) {
        return new ParentOrderRequest(symbol, side, qty, ExecutionAlgo.parse(algo), tag);
    }

    @Override
    public String toString() {
        String units = qty == Math.rint(qty) ? Long.toString((long) qty) : Double.toString(qty);
        return side.name().toLowerCase(Locale.ROOT) + " " + units + " " + symbol + " " + algo;
    }
}
