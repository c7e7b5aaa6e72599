package io.tradeshell.engine.optimize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The values one parameter takes in a sweep: a range {@code fast=5..50:5}, a list
 * {@code fast=5,10,20} or a single fixed value {@code qty=10}.
 *
 * <p>Values are typed: whole numbers become {@code Integer} (or {@code Long} past the int range),
 * decimals {@code Double} (stepped in exact decimal arithmetic, so {@code 0.1..0.3:0.1} gives
 * 0.1, 0.2, 0.3 and not 0.30000000000000004), {@code true}/{@code false} {@code Boolean}, and
 * anything else text. The script decides the final type of each value when it binds it.
 *
 * @param text the range as written, kept for the sweep's description
 */
public record ParamRange(String name, List<Object> values, String text) {
    /** More values than this in one range is almost surely a typo. */
    public static final int MAX_VALUES = 1_000_000;

    public ParamRange {
        Objects.requireNonNull(name);
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("param '" + name + "' has no values");
    }

    /** A fixed value or a list of values given in code (the console). */
    public static ParamRange of(String name, Object... values) {
        List<Object> list = List.of(values);
        return new ParamRange(name, list, name + "=" + String.join(",", list.stream().map(String::valueOf).toList()));
    }

    /** Parses {@code name=a..b:step}, {@code name=a..b} (step 1), {@code name=x,y,z} or {@code name=value}. */
    public static ParamRange parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--param needs NAME=VALUE or NAME=FROM..TO:STEP, got '" + text + "'");
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("--param '" + text + "': '" + name + "' is not a param name");
        if (spec.isEmpty()) throw new IllegalArgumentException("--param '" + text + "': no value after '='");
        String canonical = name + "=" + spec;
        if (spec.contains("..")) return new ParamRange(name, range(canonical, spec), canonical);
        if (spec.contains(",")) return new ParamRange(name, list(canonical, spec), canonical);
        return new ParamRange(name, List.of(value(spec)), canonical);
    }

    /** Whether the sweep varies this parameter (more than one value). */
    public boolean varies() {
        return values.size() > 1;
    }

    public int size() {
        return values.size();
    }

    private static List<Object> range(String text, String spec) {
        int dots = spec.indexOf("..");
        String from = spec.substring(0, dots).trim();
        String rest = spec.substring(dots + 2).trim();
        int colon = rest.indexOf(':');
        String to = colon < 0 ? rest : rest.substring(0, colon).trim();
        String step = colon < 0 ? "1" : rest.substring(colon + 1).trim();
        BigDecimal a = number(text, from, "start"), b = number(text, to, "end"), s = number(text, step, "step");
        if (s.signum() <= 0) throw new IllegalArgumentException("--param '" + text + "': the step must be positive, got " + step);
        if (b.compareTo(a) < 0) throw new IllegalArgumentException("--param '" + text + "': inverted range, " + to + " is below " + from);
        BigDecimal count = b.subtract(a).divideToIntegralValue(s).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new IllegalArgumentException("--param '" + text + "': " + count.toPlainString() + " values, more than " + MAX_VALUES + " in one range");
        }
        boolean whole = a.stripTrailingZeros().scale() <= 0 && s.stripTrailingZeros().scale() <= 0;
        List<Object> out = new ArrayList<>(count.intValue());
        for (int k = 0; k < count.intValue(); k++) {
            BigDecimal v = a.add(s.multiply(BigDecimal.valueOf(k)));
            out.add(whole ? whole(v) : (Object) v.doubleValue());
        }
        return out;
    }

    private static List<Object> list(String text, String spec) {
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (String part : spec.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) throw new IllegalArgumentException("--param '" + text + "': an empty value in the list");
            Object v = value(p);
            if (!seen.add(v)) throw new IllegalArgumentException("--param '" + text + "': " + p + " appears twice");
            out.add(v);
        }
        return out;
    }

    private static BigDecimal number(String text, String s, String what) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param '" + text + "': the " + what + " '" + s + "' is not a number");
        }
    }

    /** A single value as the most specific type its text allows. */
    static Object value(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        if (s.matches("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?|[-+]?\\.\\d+([eE][-+]?\\d+)?")) {
            BigDecimal d = new BigDecimal(s);
            return d.stripTrailingZeros().scale() <= 0 && !s.contains(".") && !s.toLowerCase().contains("e") ? whole(d) : (Object) d.doubleValue();
        }
        return s;
    }

    private static Object whole(BigDecimal v) {
        try {
            long l = v.longValueExact();
            return l == (int) l ? (Object) (int) l : (Object) l;
        } catch (ArithmeticException tooLarge) {
            return v.doubleValue();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
