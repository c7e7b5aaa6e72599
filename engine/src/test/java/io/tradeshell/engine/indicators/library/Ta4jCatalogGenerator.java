package io.tradeshell.engine.indicators.library;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;

/**
 * Writes {@code ta4j-indicators.tsv} from ta4j's jar: one line per qualifying class, with its
 * richest constructor's parameter names (ta4j is compiled with them) and the defaults its shorter
 * constructors pass ({@code this(series, 22, 3)}), read from ta4j's sources when given.
 * Run once per ta4j version:
 * {@code mvn -pl engine test -Dtest=Ta4jCatalogGenerator -Dta4j.sources=DIR -Dta4j.catalog.out=FILE}.
 */
final class Ta4jCatalogGenerator {
    /** Classes a script must not have, and why. */
    static final Map<String, String> EXCLUDED = new LinkedHashMap<>();

    static {
        EXCLUDED.put("org.ta4j.core.indicators.ichimoku.IchimokuChikouSpanIndicator", "its value at a bar is the close of a later bar");
        EXCLUDED.put("org.ta4j.core.indicators.helpers.DateTimeIndicator", "its values are times, not numbers");
        EXCLUDED.put("org.ta4j.core.indicators.zigzag.ZigZagStateIndicator", "its values are swing states, not numbers");
        EXCLUDED.put("org.ta4j.core.indicators.helpers.UnstableIndicator", "it only marks bars of another indicator as unstable");
        String changesLater = "its value at a bar changes when later bars arrive";
        EXCLUDED.put("org.ta4j.core.indicators.statistics.PeriodicalGrowthRateIndicator", changesLater + " (it counts the whole series' bars)");
        EXCLUDED.put("org.ta4j.core.indicators.averages.SGMAIndicator", changesLater);
        String builtOnce = "it computes its values when created, from the bars there are then, so it cannot follow bars as they close";
        EXCLUDED.put("org.ta4j.core.indicators.averages.EDMAIndicator", builtOnce);
        EXCLUDED.put("org.ta4j.core.indicators.averages.JMAIndicator", builtOnce);
        EXCLUDED.put("org.ta4j.core.indicators.DistanceFromMAIndicator", "it takes only ta4j's own moving-average objects as input");
    }

    private static final Pattern DELEGATION = Pattern.compile("public\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{\\s*this\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?[dDfFlL]?");
    private static final Pattern NUM_OF = Pattern.compile(".*numOf\\((-?\\d+(\\.\\d+)?)[dD]?\\)");
    private static final Pattern PRICE = Pattern.compile("new (Open|High|Low|Close)PriceIndicator\\(\\w+\\)|new (Volume)Indicator\\(\\w+\\)");

    @org.junit.jupiter.api.Test
    void writeWhenAsked() throws IOException {
        String out = System.getProperty("ta4j.catalog.out");
        if (out == null) return;
        Optional<Path> sources = Optional.ofNullable(System.getProperty("ta4j.sources")).map(Path::of);
        Files.writeString(Path.of(out), generate(sources));
    }

    static String generate(Optional<Path> sources) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        List<String> excluded = new ArrayList<>();
        for (Class<?> type : Ta4jScan.qualifyingClasses()) {
            if (EXCLUDED.containsKey(type.getName())) {
                excluded.add("!" + type.getName() + "\t" + EXCLUDED.get(type.getName()));
                continue;
            }
            Constructor<?> c = Ta4jScan.richest(type).orElseThrow();
            String values = valueKind(c);
            if (values == null) {
                excluded.add("!" + type.getName() + "\tits values are neither numbers nor true/false");
                continue;
            }
            List<Optional<String>> defaults = defaults(type, c, sources);
            List<String> params = new ArrayList<>();
            boolean firstIndicator = true;
            for (int p = 0; p < c.getParameterCount(); p++) {
                Parameter param = c.getParameters()[p];
                String kind = kind(param.getType());
                Optional<String> d = defaults.get(p);
                if (kind.equals("indicator") && d.isEmpty()) d = guessColumn(param.getName(), firstIndicator);
                if (kind.equals("indicator")) firstIndicator = false;
                params.add(kind + " " + param.getName() + d.map(x -> "=" + x).orElse(""));
            }
            String name = scriptName(type.getSimpleName());
            String previous = lines.put(name, name + "\t" + type.getName() + "\t" + values + "\t" + String.join(", ", params)
                    + "\t" + summary(type, sources));
            if (previous != null) throw new IllegalStateException("two ta4j classes named " + name);
        }
        StringBuilder sb = new StringBuilder("# ta4j-core 0.22.2 indicators a script can build with ta(NAME, ...); generated by Ta4jCatalogGenerator\n");
        sb.append("# name\tclass\tvalues\tparams (type name[=default])\tsummary\n");
        for (String line : lines.values()) sb.append(line).append('\n');
        for (String line : excluded) sb.append(line).append('\n');
        return sb.toString();
    }

    /** {@code ChandelierExitLongIndicator} -> {@code chandelierExitLong}, {@code StochasticRSIIndicator} -> {@code stochasticRsi}. */
    static String scriptName(String simpleName) {
        String base = simpleName.endsWith("Indicator") ? simpleName.substring(0, simpleName.length() - "Indicator".length()) : simpleName;
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Z]+(?![a-z])\\d*|[A-Z]?[a-z]+\\d*|\\d+").matcher(base);
        while (m.find()) words.add(m.group());
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            sb.append(sb.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return sb.toString();
    }

    private static String kind(Class<?> type) {
        if (type == BarSeries.class) return "series";
        if (type == Indicator.class) return "indicator";
        if (type == Num.class) return "num";
        if (type == Number.class) return "number";
        return type.getName();
    }

    private static Optional<String> guessColumn(String name, boolean first) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String column : List.of("high", "low", "open", "volume")) if (n.startsWith(column)) return Optional.of(column);
        return first ? Optional.of("close") : Optional.empty();
    }

    /** Number or boolean, from the value at a bar of a small series; null for anything else. */
    private static String valueKind(Constructor<?> c) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DecimalNumFactory.getInstance()).build();
        for (int i = 0; i < 60; i++) {
            double p = 100 + 10 * Math.sin(i / 5.0);
            series.barBuilder().timePeriod(java.time.Duration.ofDays(1)).endTime(java.time.Instant.ofEpochSecond(86_400L * (i + 1)))
                    .openPrice(p).highPrice(p + 2).lowPrice(p - 2).closePrice(p + 1).volume(1000 + i).add();
        }
        try {
            Object[] args = new Object[c.getParameterCount()];
            for (int p = 0; p < args.length; p++) args[p] = sample(c.getParameterTypes()[p], series);
            Object value = ((Indicator<?>) c.newInstance(args)).getValue(59);
            if (value instanceof Num) return "number";
            if (value instanceof Boolean) return "boolean";
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "number";
        }
    }

    private static Object sample(Class<?> type, BarSeries series) {
        if (type == BarSeries.class) return series;
        if (type == Indicator.class) return new org.ta4j.core.indicators.helpers.ClosePriceIndicator(series);
        if (type == Num.class) return series.numFactory().numOf(1);
        if (type == Number.class) return 1;
        if (type == int.class) return 5;
        if (type == double.class) return 1.0;
        return false;
    }

    /** For each parameter of {@code c}, the literal a shorter constructor passes for it, if any. */
    private static List<Optional<String>> defaults(Class<?> type, Constructor<?> c, Optional<Path> sources) throws IOException {
        List<Optional<String>> out = new ArrayList<>();
        for (int p = 0; p < c.getParameterCount(); p++) out.add(Optional.empty());
        if (sources.isEmpty()) return out;
        Path file = sources.get().resolve(type.getName().replace('.', '/') + ".java");
        if (!Files.exists(file)) return out;
        Matcher m = DELEGATION.matcher(Files.readString(file));
        while (m.find()) {
            if (!m.group(1).equals(type.getSimpleName())) continue;
            List<String> args = splitArguments(m.group(2));
            if (args.size() != c.getParameterCount()) continue;
            for (int p = 0; p < args.size(); p++) {
                String a = args.get(p).trim();
                Optional<String> literal = literal(a);
                boolean bars = c.getParameterTypes()[p] == BarSeries.class;
                if (literal.isPresent() && !bars && out.get(p).isEmpty()) out.set(p, literal);
            }
        }
        return out;
    }

    private static Optional<String> literal(String a) {
        if (NUMBER.matcher(a).matches()) return Optional.of(a.replaceAll("[dDfFlL]$", ""));
        Matcher numOf = NUM_OF.matcher(a);
        if (numOf.matches()) return Optional.of(numOf.group(1));
        if (a.equals("true") || a.equals("false")) return Optional.of(a);
        Matcher price = PRICE.matcher(a);
        if (price.matches()) return Optional.of((price.group(1) != null ? price.group(1) : price.group(2)).toLowerCase(Locale.ROOT));
        return Optional.empty();
    }

    private static final Pattern CLASS_DOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+\\s*)*public\\s+(?:final\\s+)?class", Pattern.DOTALL);

    /** The first sentence of the class's javadoc, as plain text, or empty. */
    private static String summary(Class<?> type, Optional<Path> sources) throws IOException {
        if (sources.isEmpty()) return "";
        Path file = sources.get().resolve(type.getName().replace('.', '/') + ".java");
        if (!Files.exists(file)) return "";
        Matcher m = CLASS_DOC.matcher(Files.readString(file));
        String doc = "";
        while (m.find()) doc = m.group(1);
        String text = doc.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "")
                .split("\\s@\\w+")[0].replaceAll("\\s+", " ").strip();
        text = text.replaceFirst("^[*\\s]+", "");
        if (text.startsWith("http")) return "";
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end + 1);
        return first.length() > 140 ? first.substring(0, 137) + "..." : first;
    }

    private static List<String> splitArguments(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
