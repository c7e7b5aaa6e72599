package io.tradeshell.engine.indicators.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ta4j indicators a script can build by name, read from {@code ta4j-indicators.tsv} beside
 * this class. That file is generated once from ta4j's jar (a test keeps it complete and every
 * entry equal to ta4j) rather than scanned at start-up: loading 160 ta4j classes reflectively
 * would cost the console's start, and defaults are not in the bytecode at all.
 *
 * <p>A line is {@code name TAB class TAB values TAB params TAB summary}, {@code values} being
 * {@code number} or {@code boolean} (1 when true, 0 when false), each parameter
 * {@code type name[=default]}, and the summary the first sentence of ta4j's own documentation.
 * Classes ta4j has but a script cannot have are listed as {@code !class TAB reason}.
 */
public final class Ta4jCatalog {
    /** What a constructor parameter takes. {@code SERIES} is the script's own bars and is never passed. */
    public enum Type { SERIES, INDICATOR, INT, DOUBLE, NUM, NUMBER, BOOLEAN }

    /** One constructor parameter; the default, when there is one, as a script would write it. */
    public record Param(String name, Type type, Optional<String> defaultValue) {
        @Override
        public String toString() {
            return name + defaultValue.map(d -> "=" + d).orElse("");
        }
    }

    /** One ta4j indicator: its script name, class, whether its values are true/false, its constructor's parameters, what ta4j says it is. */
    public record Entry(String name, String ta4jClass, boolean booleanValues, List<Param> constructor, String summary) {
        public Entry {
            constructor = List.copyOf(constructor);
        }

        /** The parameters a script passes, in order: the constructor's without the bars. */
        public List<Param> params() {
            return constructor.stream().filter(p -> p.type() != Type.SERIES).toList();
        }

        /** {@code chandelierExitLong(barCount=22, k=3)}. */
        public String signature() {
            List<String> ps = params().stream().map(Param::toString).toList();
            return name + "(" + String.join(", ", ps) + ")";
        }
    }

    /** A ta4j class no script can build, and why. */
    public record Excluded(String ta4jClass, String reason) { }

    private static final Ta4jCatalog INSTANCE = load();

    private final Map<String, Entry> entries;
    private final List<Excluded> excluded;

    private Ta4jCatalog(Map<String, Entry> entries, List<Excluded> excluded) {
        this.entries = entries;
        this.excluded = excluded;
    }

    public static Ta4jCatalog get() {
        return INSTANCE;
    }

    /** Every entry, by name. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public List<Excluded> excluded() {
        return excluded;
    }

    /** The entry named exactly {@code name}. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    private static Ta4jCatalog load() {
        try (InputStream in = Ta4jCatalog.class.getResourceAsStream("ta4j-indicators.tsv")) {
            if (in == null) throw new IllegalStateException("ta4j-indicators.tsv is missing from the class path");
            Map<String, Entry> entries = new LinkedHashMap<>();
            List<Excluded> excluded = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (line.startsWith("!")) {
                    excluded.add(new Excluded(f[0].substring(1), f[1]));
                    continue;
                }
                entries.put(f[0], new Entry(f[0], f[1], f[2].equals("boolean"), params(f[3]), f.length > 4 ? f[4] : ""));
            }
            return new Ta4jCatalog(entries, List.copyOf(excluded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Param> params(String text) {
        List<Param> params = new ArrayList<>();
        if (text.isBlank()) return params;
        for (String p : text.split(", ")) {
            String[] typeAndName = p.split(" ", 2);
            String[] nameAndDefault = typeAndName[1].split("=", 2);
            params.add(new Param(nameAndDefault[0], Type.valueOf(typeAndName[0].toUpperCase(java.util.Locale.ROOT)),
                    nameAndDefault.length > 1 ? Optional.of(nameAndDefault[1]) : Optional.empty()));
        }
        return params;
    }
}
