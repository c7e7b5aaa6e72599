package io.tradeshell.shell.console.data;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.data.MarketData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The histories loaded in this session, by name, in the order they were loaded. */
public final class Datasets {
    private final Map<String, Dataset> byName = new LinkedHashMap<>();

    /** Loads {@code file} and keeps it under {@code name} (or a name made from its symbol). */
    public Dataset load(Path file, LoadOptions options, Optional<String> name) {
        LoadedSeries loaded = MarketData.load(file, options);
        String key = name.orElseGet(() -> nameFor(loaded.series().symbol()));
        Dataset d = new Dataset(key, loaded);
        byName.put(key, d);
        return d;
    }

    public void put(Dataset d) {
        byName.put(d.name(), d);
    }

    public Optional<Dataset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Dataset> all() {
        return new ArrayList<>(byName.values());
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** A Groovy-friendly name for a symbol: {@code AAPL} is {@code aapl}, {@code BTC-USD} is {@code btc_usd}. */
    public static String nameFor(String symbol) {
        String s = symbol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') s = "d_" + s;
        return s;
    }
}
