package io.tradeshell.engine.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to load a market data file.
 *
 * @param lenient   skip bad rows (listing them) instead of failing on the first one;
 *                  structural problems such as a missing column still fail
 * @param barPeriod for trade files, the period of the bars to build (1 minute when absent);
 *                  for bar files, used only when a single bar leaves the period unknown
 * @param symbol    the symbol to give the series; by default taken from the file name
 */
public record LoadOptions(boolean lenient, Optional<Duration> barPeriod, Optional<String> symbol) {

    public LoadOptions {
        Objects.requireNonNull(barPeriod, "barPeriod");
        Objects.requireNonNull(symbol, "symbol");
        barPeriod.ifPresent(p -> {
            if (p.isNegative() || p.isZero() || p.toMillis() == 0) {
                throw new IllegalArgumentException("bar period must be at least one millisecond, not " + p);
            }
        });
    }

    /** Strict, default period, symbol from the file name. */
    public static LoadOptions defaults() {
        return new LoadOptions(false, Optional.empty(), Optional.empty());
    }

    public LoadOptions withLenient(boolean lenient) {
        return new LoadOptions(lenient, barPeriod, symbol);
    }

    public LoadOptions withBarPeriod(Duration period) {
        return new LoadOptions(lenient, Optional.of(period), symbol);
    }

    public LoadOptions withSymbol(String symbol) {
        return new LoadOptions(lenient, barPeriod, Optional.of(symbol));
    }

    /** The symbol for {@code file}: the one given, else {@link #symbolFromFileName(Path)}. */
    public String symbolFor(Path file) {
        return symbol.orElseGet(() -> symbolFromFileName(file));
    }

    /**
     * The file name before its first '_' or '.', upper-cased: {@code aapl_daily_2013.csv} is
     * AAPL, {@code btcusd_bitstamp_trades.csv} is BTCUSD, {@code spy.1d.csv} is SPY.
     */
    public static String symbolFromFileName(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "" : name.toString();
        int end = base.length();
        for (int k = 1; k < base.length(); k++) {
            char ch = base.charAt(k);
            if (ch == '_' || ch == '.') {
                end = k;
                break;
            }
        }
        base = base.substring(0, end);
        return base.isEmpty() ? "UNKNOWN" : base.toUpperCase(Locale.ROOT);
    }
}
