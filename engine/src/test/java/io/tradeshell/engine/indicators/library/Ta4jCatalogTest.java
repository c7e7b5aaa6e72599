package io.tradeshell.engine.indicators.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.indicators.FixtureAccess;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.library.Ta4jCatalog.Entry;
import io.tradeshell.engine.indicators.library.Ta4jCatalog.Param;
import io.tradeshell.engine.indicators.library.Ta4jCatalog.Type;
import io.tradeshell.engine.model.BarSeries;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.Num;

/**
 * The catalog is the whole qualifying part of ta4j, and every entry built the way a script builds
 * it (from the script's series, growing bar by bar) gives ta4j's own values on the full series.
 */
class Ta4jCatalogTest {
    private static final Ta4jCatalog CATALOG = Ta4jCatalog.get();

    @Test
    void everyQualifyingTa4jClassIsCataloguedOrExcludedWithAReason() {
        Set<String> scanned = Ta4jScan.qualifyingClasses().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = new TreeSet<>();
        CATALOG.entries().forEach(e -> listed.add(e.ta4jClass()));
        CATALOG.excluded().forEach(x -> {
            assertThat(x.reason()).as(x.ta4jClass()).isNotBlank();
            listed.add(x.ta4jClass());
        });

        assertThat(listed).isEqualTo(scanned);
        assertThat(scanned).hasSizeGreaterThan(150);
    }

    @Test
    void eachEntryNamesARealConstructorWithTheCataloguedParameters() throws Exception {
        for (Entry e : CATALOG.entries()) {
            Class<?> type = Class.forName(e.ta4jClass());
            Constructor<?> richest = Ta4jScan.richest(type).orElseThrow();
            assertThat(e.constructor()).as(e.name()).extracting(Param::name)
                    .containsExactly(Stream.of(richest.getParameters()).map(java.lang.reflect.Parameter::getName).toArray(String[]::new));
            assertThat(Ta4jCatalogGenerator.scriptName(type.getSimpleName())).isEqualTo(e.name());
        }
    }

    @Test
    void namesReadAsCamelCaseWords() {
        assertThat(Ta4jCatalogGenerator.scriptName("ChandelierExitLongIndicator")).isEqualTo("chandelierExitLong");
        assertThat(Ta4jCatalogGenerator.scriptName("StochasticRSIIndicator")).isEqualTo("stochasticRsi");
        assertThat(Ta4jCatalogGenerator.scriptName("UlcerIndexIndicator")).isEqualTo("ulcerIndex");
        assertThat(CATALOG.find("chandelierExitLong").orElseThrow().signature()).isEqualTo("chandelierExitLong(barCount=22, k=3)");
    }

    @Test
    void aMissingValueOrOneTooManyIsRefusedNamingTheParameters() {
        BarSeries series = FixtureAccess.aaplSeries();
        Entry ulcer = CATALOG.find("ulcerIndex").orElseThrow();
        assertThatThrownBy(() -> Ta4jCall.build(ulcer, series, List.of()))
                .hasMessage("ulcerIndex(indicator=close, barCount) needs a value for barCount");
        assertThatThrownBy(() -> Ta4jCall.build(ulcer, series, List.of("close", 14, 3)))
                .hasMessage("ulcerIndex(indicator=close, barCount) takes at most 2 value(s), got 3");
        assertThatThrownBy(() -> Ta4jCall.build(ulcer, series, List.of("close", 2.5)))
                .hasMessage("ulcerIndex barCount needs a whole number, got 2.5");
    }

    static Stream<Arguments> entries() {
        List<Arguments> all = new ArrayList<>();
        for (String fixture : List.of("aapl", "synthetic")) for (Entry e : CATALOG.entries()) all.add(Arguments.of(fixture, e.name()));
        return all.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("entries")
    void valuesEqualTa4jInDecimalWhenBuiltBarByBar(String fixture, String name) throws Exception {
        Entry e = CATALOG.find(name).orElseThrow();
        BarSeries series = fixture.equals("aapl") ? FixtureAccess.aaplSeries() : FixtureAccess.syntheticSeries();
        org.ta4j.core.BarSeries decimal = fixture.equals("aapl") ? FixtureAccess.aaplDecimal() : FixtureAccess.syntheticDecimal();
        List<Object> args = new ArrayList<>();
        List<Object> direct = new ArrayList<>();
        boolean firstIndicator = true;
        for (Param p : e.constructor()) {
            if (p.type() == Type.SERIES) {
                direct.add(decimal);
                continue;
            }
            Object value = p.defaultValue().isPresent() ? p.defaultValue().get() : sample(p, firstIndicator);
            if (p.type() == Type.INDICATOR) firstIndicator = false;
            args.add(value);
            direct.add(ta4jValue(p, value, decimal));
        }
        Indicator ours = Ta4jCall.build(e, series, args);
        Constructor<?> c = Class.forName(e.ta4jClass()).getConstructor(e.constructor().stream().map(p -> javaType(p.type())).toArray(Class<?>[]::new));
        org.ta4j.core.Indicator<?> theirs = (org.ta4j.core.Indicator<?>) c.newInstance(direct.toArray());

        try {
            FixtureAccess.assertSameValues(e.name() + args, ours, numbers(e, theirs), series.size());
        } catch (NumberFormatException x) {
            // ta4j itself fails on some inputs (CHOP on a bar without range): ours must fail at the same bar.
            assertThat(firstFailure(i -> ours.value(i), series.size())).as(e.name() + args)
                    .isEqualTo(firstFailure(i -> numbers(e, theirs).getValue(i), series.size())).isNotNegative();
        }
    }

    private static int firstFailure(java.util.function.IntConsumer value, int bars) {
        for (int i = 0; i < bars; i++) {
            try {
                value.accept(i);
            } catch (NumberFormatException x) {
                return i;
            }
        }
        return -1;
    }

    /** A value for a parameter without a default: close then open for indicators, small counts and factors for numbers. */
    private static Object sample(Param p, boolean firstIndicator) {
        return switch (p.type()) {
            case INDICATOR -> firstIndicator ? "close" : "open";
            case INT -> p.name().toLowerCase().contains("scale") ? 100 : 5;
            case DOUBLE, NUM, NUMBER -> 0.5;
            case BOOLEAN -> true;
            case SERIES -> throw new IllegalStateException();
        };
    }

    private static Object ta4jValue(Param p, Object value, org.ta4j.core.BarSeries s) {
        return switch (p.type()) {
            case INDICATOR -> switch (value.toString()) {
                case "open" -> new OpenPriceIndicator(s);
                case "high" -> new HighPriceIndicator(s);
                case "low" -> new LowPriceIndicator(s);
                case "volume" -> new VolumeIndicator(s);
                default -> new ClosePriceIndicator(s);
            };
            case INT -> (int) Double.parseDouble(value.toString());
            case DOUBLE -> Double.parseDouble(value.toString());
            case NUM -> s.numFactory().numOf(Double.parseDouble(value.toString()));
            case NUMBER -> Double.parseDouble(value.toString());
            case BOOLEAN -> Boolean.parseBoolean(value.toString());
            case SERIES -> s;
        };
    }

    private static Class<?> javaType(Type type) {
        return Ta4jCall.javaType(type);
    }

    private static org.ta4j.core.Indicator<Num> numbers(Entry e, org.ta4j.core.Indicator<?> theirs) {
        return Ta4jCall.numbers(e, theirs);
    }
}
