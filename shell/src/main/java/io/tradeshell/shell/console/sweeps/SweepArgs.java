package io.tradeshell.shell.console.sweeps;

import groovy.lang.IntRange;
import io.tradeshell.engine.optimize.CalendarPeriod;
import io.tradeshell.engine.optimize.ParamRange;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.shell.app.SweepOptions;
import io.tradeshell.shell.console.runs.SessionDefaults;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a snippet hands {@code optimize(...)} and {@code walkforward(...)} by name: the values of
 * the script's params ({@code fast: 5..50}, {@code slow: [20, 30, 50]}, {@code fast: (5..50).step(5)},
 * {@code fast: '5..50:5'}, {@code qty: 10}), the sweep's options ({@code constraint:},
 * {@code objective:}, ...), the walk's windows ({@code train:}, {@code test:}, {@code anchored:})
 * and the run settings ({@code cash:}, {@code commission:}, {@code slippage:}, {@code fill:}).
 * A name the script declares is always a param.
 */
public record SweepArgs(ParamSpace space, SweepOptions sweep, Map<String, Object> settings, Optional<Walk> walk) {
    /** The option names, in the order help lists them. */
    public static final List<String> OPTIONS = List.of("constraint", "objective", "search", "samples", "seed", "threads", "top", "minTrades");
    public static final List<String> WALK_OPTIONS = List.of("train", "test", "anchored");

    /** The windows of a walk-forward. */
    public record Walk(CalendarPeriod train, CalendarPeriod test, boolean anchored) { }

    /**
     * Sorts {@code args} out against the script's declared params.
     *
     * @param walk whether these are a walk-forward's arguments (train and test are then required)
     */
    public static SweepArgs read(Map<String, ?> args, Map<String, Object> declared, String scriptName, boolean walk) {
        List<ParamRange> ranges = new ArrayList<>();
        SweepOptions sweep = new SweepOptions();
        Map<String, Object> settings = new LinkedHashMap<>();
        String train = null, test = null;
        boolean anchored = false;
        for (var e : args.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (declared.containsKey(name)) {
                ranges.add(range(name, v));
            } else if (OPTIONS.contains(name)) {
                option(sweep, name, v);
            } else if (walk && name.equals("train")) {
                train = String.valueOf(v);
            } else if (walk && name.equals("test")) {
                test = String.valueOf(v);
            } else if (walk && name.equals("anchored")) {
                anchored = bool(name, v);
            } else if (SessionDefaults.Setting.find(name).isPresent()) {
                settings.put(name, v);
            } else {
                throw new IllegalArgumentException("'" + name + "' is neither a param of " + scriptName + " ("
                        + (declared.isEmpty() ? "it has none" : String.join(", ", declared.keySet())) + ") nor an option ("
                        + String.join(", ", OPTIONS) + (walk ? ", " + String.join(", ", WALK_OPTIONS) : "") + ", cash, commission, slippage, fill)");
            }
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("nothing to sweep: give values for the script's params, such as "
                    + (declared.isEmpty() ? "fast: 5..50" : declared.keySet().iterator().next() + ": [a, b, c]"));
        }
        Optional<Walk> w = Optional.empty();
        if (walk) {
            if (train == null || test == null) throw new IllegalArgumentException("walkforward needs train: and test: window lengths, such as train: '6m', test: '1m'");
            w = Optional.of(new Walk(CalendarPeriod.parse(train), CalendarPeriod.parse(test), anchored));
        }
        // the options are read now so that a typo fails before any data is touched
        sweep.objective();
        sweep.search();
        sweep.constraint();
        return new SweepArgs(new ParamSpace(ranges), sweep, settings, w);
    }

    /** A param's values from a Groovy range, a list, a range text such as '5..50:5', or one value. */
    static ParamRange range(String name, Object v) {
        if (v instanceof IntRange r && !r.isReverse()) return ParamRange.parse(name + "=" + r.getFrom() + ".." + r.getTo());
        if (v instanceof CharSequence s) return ParamRange.parse(name + "=" + s.toString().trim());
        List<Object> values = new ArrayList<>();
        if (v instanceof Iterable<?> it) {
            for (Object o : it) values.add(plain(name, o));
        } else if (v != null && v.getClass().isArray()) {
            for (int k = 0; k < Array.getLength(v); k++) values.add(plain(name, Array.get(v, k)));
        } else {
            values.add(plain(name, v));
        }
        if (values.isEmpty()) throw new IllegalArgumentException("param '" + name + "' has no values");
        return ParamRange.of(name, values.toArray());
    }

    /** Groovy's decimals and big numbers as the plain types a script's params take. */
    private static Object plain(String name, Object o) {
        return switch (o) {
            case null -> throw new IllegalArgumentException("param '" + name + "' has a null value");
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? (Object) d.intValueExact() : (Object) d.doubleValue();
            case BigInteger b -> b.longValueExact();
            case Number n -> n;
            case Boolean b -> b;
            case CharSequence s -> s.toString();
            default -> throw new IllegalArgumentException("param '" + name + "' cannot take " + o.getClass().getSimpleName() + " " + o);
        };
    }

    private static void option(SweepOptions sweep, String name, Object v) {
        switch (name) {
            case "constraint" -> sweep.constraint = String.valueOf(v);
            case "objective" -> sweep.objective = String.valueOf(v);
            case "search" -> sweep.search = String.valueOf(v);
            case "samples" -> sweep.samples = whole(name, v);
            case "seed" -> sweep.sampleSeed = whole(name, v);
            case "threads" -> sweep.threads = whole(name, v);
            case "top" -> sweep.top = whole(name, v);
            default -> sweep.minTrades = whole(name, v);
        }
    }

    private static int whole(String name, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) return n.intValue();
        throw new IllegalArgumentException(name + ": needs a whole number, got " + v);
    }

    private static boolean bool(String name, Object v) {
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(name + ": needs true or false, got " + v);
    }
}
