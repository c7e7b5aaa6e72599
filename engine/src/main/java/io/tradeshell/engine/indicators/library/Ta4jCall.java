package io.tradeshell.engine.indicators.library;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.Ta4jIndicator;
import io.tradeshell.engine.indicators.library.Ta4jCatalog.Entry;
import io.tradeshell.engine.indicators.library.Ta4jCatalog.Param;
import io.tradeshell.engine.model.BarSeries;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;

/**
 * Builds a catalogued ta4j indicator over a series from the values a script passed: indicators,
 * numbers and booleans, in the constructor's order, missing trailing ones taken from their
 * defaults. It runs in ta4j's {@code DecimalNum}, so its values are ta4j's own; it is slower than
 * a native indicator, which is the price of the whole library.
 *
 * <p>An indicator of ours passed in is read by ta4j through a view that asks it for the same bar,
 * so the result still never sees a bar that has not closed; a price column becomes ta4j's own.
 */
public final class Ta4jCall {
    private Ta4jCall() { }

    /** {@code entry} over {@code series} with {@code args}; fails naming the parameter that is missing or of the wrong type. */
    public static Ta4jIndicator build(Entry entry, BarSeries series, List<?> args) {
        List<Param> params = entry.params();
        if (args.size() > params.size()) {
            throw new IllegalArgumentException(entry.signature() + " takes at most " + params.size() + " value(s), got " + args.size());
        }
        List<Object> values = new ArrayList<>(args);
        for (int p = args.size(); p < params.size(); p++) {
            Param param = params.get(p);
            values.add(param.defaultValue().orElseThrow(() -> new IllegalArgumentException(
                    entry.signature() + " needs a value for " + param.name())));
        }
        StringBuilder name = new StringBuilder(entry.name()).append('(');
        for (int v = 0; v < values.size(); v++) name.append(v == 0 ? "" : ", ").append(values.get(v));
        String label = name.append(')').toString();
        Constructor<?> constructor = constructor(entry);
        return Ta4jIndicator.of(series, mirror -> {
            Object[] actual = new Object[entry.constructor().size()];
            int given = 0;
            for (int c = 0; c < actual.length; c++) {
                Param param = entry.constructor().get(c);
                actual[c] = param.type() == Ta4jCatalog.Type.SERIES ? mirror : convert(entry, param, values.get(given++), series, mirror);
            }
            return numbers(entry, newInstance(entry, constructor, actual));
        }, label, DecimalNumFactory.getInstance());
    }

    private static Constructor<?> constructor(Entry entry) {
        try {
            Class<?> type = Class.forName(entry.ta4jClass());
            Class<?>[] types = entry.constructor().stream().map(p -> javaType(p.type())).toArray(Class<?>[]::new);
            return type.getConstructor(types);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the catalog's " + entry.ta4jClass() + " has no such constructor: " + e.getMessage(), e);
        }
    }

    static Class<?> javaType(Ta4jCatalog.Type type) {
        return switch (type) {
            case SERIES -> org.ta4j.core.BarSeries.class;
            case INDICATOR -> org.ta4j.core.Indicator.class;
            case INT -> int.class;
            case DOUBLE -> double.class;
            case NUM -> Num.class;
            case NUMBER -> Number.class;
            case BOOLEAN -> boolean.class;
        };
    }

    private static Object newInstance(Entry entry, Constructor<?> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(entry.name() + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + entry.ta4jClass() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    /** The built indicator as numbers: true/false ones as 1 and 0. */
    static org.ta4j.core.Indicator<Num> numbers(Entry entry, Object built) {
        org.ta4j.core.Indicator<?> indicator = (org.ta4j.core.Indicator<?>) built;
        if (!entry.booleanValues()) return (org.ta4j.core.Indicator<Num>) indicator;
        return new TrueAsOne((org.ta4j.core.Indicator<Boolean>) indicator);
    }

    private static Object convert(Entry entry, Param param, Object value, BarSeries series, org.ta4j.core.BarSeries mirror) {
        String where = entry.name() + " " + param.name();
        return switch (param.type()) {
            case SERIES -> mirror;
            case INDICATOR -> indicator(where, value, series, mirror);
            case INT -> wholeNumber(where, number(where, value));
            case DOUBLE -> number(where, value).doubleValue();
            case NUM -> mirror.numFactory().numOf(number(where, value));
            case NUMBER -> number(where, value);
            case BOOLEAN -> bool(where, value);
        };
    }

    private static org.ta4j.core.Indicator<Num> indicator(String where, Object value, BarSeries series, org.ta4j.core.BarSeries mirror) {
        if (value instanceof String column) return column(where, column, mirror);
        if (value instanceof PriceIndicator p && p.series() == series) return column(where, p.column().name(), mirror);
        if (value instanceof Indicator i) {
            if (i.series() != series) throw new IllegalArgumentException(where + ": " + i + " belongs to another series");
            return new OursInTa4j(i, mirror);
        }
        throw new IllegalArgumentException(where + " needs an indicator, got " + describe(value));
    }

    private static org.ta4j.core.Indicator<Num> column(String where, String column, org.ta4j.core.BarSeries mirror) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case "open" -> new OpenPriceIndicator(mirror);
            case "high" -> new HighPriceIndicator(mirror);
            case "low" -> new LowPriceIndicator(mirror);
            case "close" -> new ClosePriceIndicator(mirror);
            case "volume" -> new VolumeIndicator(mirror);
            default -> throw new IllegalArgumentException(where + ": no price column '" + column + "'");
        };
    }

    private static Number number(String where, Object value) {
        if (value instanceof Number n) return n;
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(where + " needs a number, got " + describe(value));
    }

    private static int wholeNumber(String where, Number n) {
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new IllegalArgumentException(where + " needs a whole number, got " + n);
        return (int) d;
    }

    private static boolean bool(String where, Object value) {
        if (value instanceof Boolean b) return b;
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.parseBoolean(s);
        throw new IllegalArgumentException(where + " needs true or false, got " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    /** One of our indicators as ta4j sees it: the same value at the same bar, in ta4j's numbers. */
    private record OursInTa4j(Indicator ours, org.ta4j.core.BarSeries getBarSeries) implements org.ta4j.core.Indicator<Num> {
        @Override
        public Num getValue(int index) {
            return getBarSeries.numFactory().numOf(ours.value(index));
        }

        @Override
        public int getCountOfUnstableBars() {
            return ours.unstableBars();
        }
    }

    /** A true/false ta4j indicator (a candle pattern, a cross) as 1 and 0. */
    private record TrueAsOne(org.ta4j.core.Indicator<Boolean> pattern) implements org.ta4j.core.Indicator<Num> {
        @Override
        public Num getValue(int index) {
            return Boolean.TRUE.equals(pattern.getValue(index)) ? getBarSeries().numFactory().one() : getBarSeries().numFactory().zero();
        }

        @Override
        public int getCountOfUnstableBars() {
            return pattern.getCountOfUnstableBars();
        }

        @Override
        public org.ta4j.core.BarSeries getBarSeries() {
            return pattern.getBarSeries();
        }
    }
}
