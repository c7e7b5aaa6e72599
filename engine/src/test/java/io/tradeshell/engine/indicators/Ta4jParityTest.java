package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.MMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.numeric.BinaryOperationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Every native indicator against ta4j 0.22.2 computed in DecimalNum on the same bars: each value
 * within 1e-9 relative (absolute below magnitude 1, where differences of nearly equal averages
 * such as MACD sit), NaN exactly where ta4j gives NaN, and the same count of unstable bars.
 */
class Ta4jParityTest {
    private static final NumFactory DECIMAL = DecimalNumFactory.getInstance();

    /** One comparison: our indicator and ta4j's, each built on its own copy of the bars. */
    record Case(String name, Function<BarSeries, Indicator> ours, Function<org.ta4j.core.BarSeries, org.ta4j.core.Indicator<Num>> theirs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Fixture> fixtures = List.of(Fixture.aapl(), Fixture.synthetic());
        List<Arguments> all = new ArrayList<>();
        for (Fixture f : fixtures) for (Case c : allCases()) all.add(Arguments.of(f, c));
        return all.stream();
    }

    private static Indicator close(BarSeries s) { return new PriceIndicator(s, Column.CLOSE); }
    private static Indicator open(BarSeries s) { return new PriceIndicator(s, Column.OPEN); }
    private static Indicator high(BarSeries s) { return new PriceIndicator(s, Column.HIGH); }
    private static Indicator low(BarSeries s) { return new PriceIndicator(s, Column.LOW); }
    private static Indicator volume(BarSeries s) { return new PriceIndicator(s, Column.VOLUME); }
    private static ClosePriceIndicator tClose(org.ta4j.core.BarSeries s) { return new ClosePriceIndicator(s); }

    static List<Case> allCases() {
        List<Case> c = new ArrayList<>();
        for (int n : new int[] {10, 30}) {
            c.add(new Case("SMA(close, " + n + ")", s -> new SmaIndicator(close(s), n), s -> new SMAIndicator(tClose(s), n)));
        }
        c.add(new Case("SMA(volume, 5)", s -> new SmaIndicator(volume(s), 5), s -> new SMAIndicator(new VolumeIndicator(s), 5)));
        for (int n : new int[] {10, 26}) {
            c.add(new Case("EMA(close, " + n + ")", s -> new EmaIndicator(close(s), n), s -> new EMAIndicator(tClose(s), n)));
        }
        c.add(new Case("EMA(EMA(close, 5), 3)", s -> new EmaIndicator(new EmaIndicator(close(s), 5), 3),
                s -> new EMAIndicator(new EMAIndicator(tClose(s), 5), 3)));
        c.add(new Case("MMA(close, 14)", s -> new MmaIndicator(close(s), 14), s -> new MMAIndicator(tClose(s), 14)));
        for (int n : new int[] {1, 10, 20}) {
            c.add(new Case("WMA(close, " + n + ")", s -> new WmaIndicator(close(s), n), s -> new WMAIndicator(tClose(s), n)));
        }
        c.add(new Case("WMA(EMA(close, 4), 6)", s -> new WmaIndicator(new EmaIndicator(close(s), 4), 6),
                s -> new WMAIndicator(new EMAIndicator(tClose(s), 4), 6)));
        for (int n : new int[] {14, 2}) {
            c.add(new Case("RSI(close, " + n + ")", s -> new RsiIndicator(close(s), n), s -> new RSIIndicator(tClose(s), n)));
        }
        c.add(new Case("RSI(EMA(close, 5), 7)", s -> new RsiIndicator(new EmaIndicator(close(s), 5), 7),
                s -> new RSIIndicator(new EMAIndicator(tClose(s), 5), 7)));
        for (int[] p : new int[][] {{12, 26, 9}, {5, 35, 5}}) {
            String args = p[0] + ", " + p[1] + ", " + p[2];
            c.add(new Case("MACD line(" + args + ")", s -> Macd.of(close(s), p[0], p[1], p[2]).line(),
                    s -> new MACDIndicator(tClose(s), p[0], p[1])));
            c.add(new Case("MACD signal(" + args + ")", s -> Macd.of(close(s), p[0], p[1], p[2]).signal(),
                    s -> new MACDIndicator(tClose(s), p[0], p[1]).getSignalLine(p[2])));
            c.add(new Case("MACD histogram(" + args + ")", s -> Macd.of(close(s), p[0], p[1], p[2]).histogram(),
                    s -> new MACDIndicator(tClose(s), p[0], p[1]).getHistogram(p[2])));
        }
        for (Object[] p : new Object[][] {{20, 2.0}, {10, 1.5}}) {
            int n = (Integer) p[0];
            double k = (Double) p[1];
            String args = n + ", " + k;
            c.add(new Case("Bollinger upper(" + args + ")", s -> BollingerBands.of(close(s), n, k).upper(),
                    s -> new BollingerBandsUpperIndicator(middle(s, n), new StandardDeviationIndicator(tClose(s), n), s.numFactory().numOf(k))));
            c.add(new Case("Bollinger middle(" + args + ")", s -> BollingerBands.of(close(s), n, k).middle(), s -> middle(s, n)));
            c.add(new Case("Bollinger lower(" + args + ")", s -> BollingerBands.of(close(s), n, k).lower(),
                    s -> new BollingerBandsLowerIndicator(middle(s, n), new StandardDeviationIndicator(tClose(s), n), s.numFactory().numOf(k))));
        }
        for (int n : new int[] {14, 5}) {
            c.add(new Case("ATR(" + n + ")", s -> new AtrIndicator(s, n), s -> new ATRIndicator(s, n)));
        }
        for (int n : new int[] {20, 5}) {
            c.add(new Case("StdDev(close, " + n + ")", s -> new StdDevIndicator(close(s), n), s -> new StandardDeviationIndicator(tClose(s), n)));
        }
        c.add(new Case("Highest(high, 20)", s -> new HighestIndicator(high(s), 20), s -> new HighestValueIndicator(new HighPriceIndicator(s), 20)));
        c.add(new Case("Highest(close, 5)", s -> new HighestIndicator(close(s), 5), s -> new HighestValueIndicator(tClose(s), 5)));
        c.add(new Case("Highest(close, 1)", s -> new HighestIndicator(close(s), 1), s -> new HighestValueIndicator(tClose(s), 1)));
        c.add(new Case("Highest(EMA(close, 5), 3)", s -> new HighestIndicator(new EmaIndicator(close(s), 5), 3),
                s -> new HighestValueIndicator(new EMAIndicator(tClose(s), 5), 3)));
        for (int n : new int[] {5, 1}) {
            c.add(new Case("Highest(body ratio with NaN gaps, " + n + ")", s -> new HighestIndicator(bodyRatio(s), n),
                    s -> new HighestValueIndicator(bodyRatio(s), n)));
            c.add(new Case("Lowest(body ratio with NaN gaps, " + n + ")", s -> new LowestIndicator(bodyRatio(s), n),
                    s -> new LowestValueIndicator(bodyRatio(s), n)));
        }
        c.add(new Case("Lowest(low, 20)", s -> new LowestIndicator(low(s), 20), s -> new LowestValueIndicator(new LowPriceIndicator(s), 20)));
        c.add(new Case("Lowest(close, 5)", s -> new LowestIndicator(close(s), 5), s -> new LowestValueIndicator(tClose(s), 5)));
        c.add(new Case("Lowest(EMA(close, 5), 3)", s -> new LowestIndicator(new EmaIndicator(close(s), 5), 3),
                s -> new LowestValueIndicator(new EMAIndicator(tClose(s), 5), 3)));
        for (int n : new int[] {12, 1}) {
            c.add(new Case("ROC(close, " + n + ")", s -> new RocIndicator(close(s), n), s -> new ROCIndicator(tClose(s), n)));
        }
        c.add(new Case("OBV", ObvIndicator::new, OnBalanceVolumeIndicator::new));
        for (int n : new int[] {14, 5}) {
            c.add(new Case("VWAP(" + n + ")", s -> new VwapIndicator(s, n), s -> new VWAPIndicator(s, n)));
        }
        for (int n : new int[] {1, 3}) {
            c.add(new Case("previous(close, " + n + ")", s -> new PreviousIndicator(close(s), n), s -> new PreviousValueIndicator(tClose(s), n)));
        }
        c.add(new Case("constant 30", s -> new ConstantIndicator(s, 30), 
                s -> new org.ta4j.core.indicators.helpers.ConstantIndicator<>(s, s.numFactory().numOf(30))));
        c.add(new Case("close + open", s -> Indicators.plus(close(s), open(s)), s -> BinaryOperationIndicator.sum(tClose(s), new OpenPriceIndicator(s))));
        c.add(new Case("high - low", s -> Indicators.minus(high(s), low(s)),
                s -> BinaryOperationIndicator.difference(new HighPriceIndicator(s), new LowPriceIndicator(s))));
        c.add(new Case("close * volume", s -> Indicators.times(close(s), volume(s)),
                s -> BinaryOperationIndicator.product(tClose(s), new VolumeIndicator(s))));
        c.add(new Case("change / EMA(close - open, 3), NaN on zero", s -> Indicators.dividedBy(
                        Indicators.minus(close(s), new PreviousIndicator(close(s), 1)), new EmaIndicator(Indicators.minus(close(s), open(s)), 3)),
                s -> BinaryOperationIndicator.quotient(BinaryOperationIndicator.difference(tClose(s), new PreviousValueIndicator(tClose(s), 1)),
                        new EMAIndicator(BinaryOperationIndicator.difference(tClose(s), new OpenPriceIndicator(s)), 3))));
        c.add(new Case("(close - open) / (high - low), NaN on zero", s -> Indicators.dividedBy(Indicators.minus(close(s), open(s)), Indicators.minus(high(s), low(s))),
                s -> BinaryOperationIndicator.quotient(BinaryOperationIndicator.difference(tClose(s), new OpenPriceIndicator(s)),
                        BinaryOperationIndicator.difference(new HighPriceIndicator(s), new LowPriceIndicator(s)))));
        c.add(new Case("close with numbers", s -> Indicators.dividedBy(Indicators.times(Indicators.minus(Indicators.plus(close(s), 2.5), 1), 3), 4),
                s -> BinaryOperationIndicator.quotient(BinaryOperationIndicator.product(
                        BinaryOperationIndicator.difference(BinaryOperationIndicator.sum(tClose(s), 2.5), 1), 3), 4)));
        // The adapter on DecimalNum here; on its default DoubleNum it is checked against ta4j on DoubleNum.
        c.add(new Case("ta4j KAMA(close, 10, 2, 30)", s -> Ta4jIndicator.of(s, t -> new KAMAIndicator(tClose(t), 10, 2, 30), "KAMA", DECIMAL),
                s -> new KAMAIndicator(tClose(s), 10, 2, 30)));
        c.add(new Case("ta4j CCI(20)", s -> Ta4jIndicator.of(s, t -> new CCIIndicator(t, 20), "CCI(20)", DECIMAL), s -> new CCIIndicator(s, 20)));
        c.add(new Case("ta4j StochasticK(14)", s -> Ta4jIndicator.of(s, t -> new StochasticOscillatorKIndicator(t, 14), "StochK(14)", DECIMAL),
                s -> new StochasticOscillatorKIndicator(s, 14)));
        return c;
    }

    /** (close - open) / (high - low): NaN on bars where high equals low, in the middle of the series too. */
    private static Indicator bodyRatio(BarSeries s) {
        return Indicators.dividedBy(Indicators.minus(close(s), open(s)), Indicators.minus(high(s), low(s)));
    }

    private static org.ta4j.core.Indicator<Num> bodyRatio(org.ta4j.core.BarSeries s) {
        return BinaryOperationIndicator.quotient(BinaryOperationIndicator.difference(tClose(s), new OpenPriceIndicator(s)),
                BinaryOperationIndicator.difference(new HighPriceIndicator(s), new LowPriceIndicator(s)));
    }

    private static BollingerBandsMiddleIndicator middle(org.ta4j.core.BarSeries s, int n) {
        return new BollingerBandsMiddleIndicator(new SMAIndicator(new ClosePriceIndicator(s), n));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void valuesAndWarmUpEqualTa4jInDecimal(Fixture fixture, Case c) {
        Indicator ours = c.ours().apply(fixture.series());
        org.ta4j.core.Indicator<Num> theirs = c.theirs().apply(fixture.decimalSeries());

        int compared = Parity.assertSameValues(c.name(), ours, theirs, fixture.rows().size(), false);
        assertThat(compared).as("bars with a value").isPositive();
    }
}
