package io.tradeshell.engine.allocation;

import java.util.List;

/**
 * The account as the allocator sees it at decision time: cash, equity, and per symbol (in
 * {@code symbols} order) the signed position and the last price (NaN when the symbol has none yet).
 */
public record Holdings(double cash, double equity, List<String> symbols, double[] positions, double[] prices) {
    public Holdings {
        symbols = List.copyOf(symbols);
        if (positions.length != symbols.size() || prices.length != symbols.size()) {
            throw new IllegalArgumentException("one position and one price per symbol");
        }
    }
}
