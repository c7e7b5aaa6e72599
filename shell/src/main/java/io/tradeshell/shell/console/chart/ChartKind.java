package io.tradeshell.shell.console.chart;

import java.util.Locale;
import java.util.Optional;

/** The charts of a run. */
public enum ChartKind {
    PRICE("prices with entries and exits"),
    EQUITY("equity against buy and hold"),
    DRAWDOWN("drawdown from the equity peak");

    private final String meaning;

    ChartKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChartKind> find(String key) {
        for (ChartKind k : values()) if (k.key().equals(key.toLowerCase(Locale.ROOT))) return Optional.of(k);
        return Optional.empty();
    }
}
