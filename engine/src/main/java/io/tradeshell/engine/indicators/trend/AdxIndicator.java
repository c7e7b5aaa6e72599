package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.AtrIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.MmaIndicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * Average directional index, as ta4j's {@code ADXIndicator}: the Wilder average over
 * {@code adxBarCount} bars of DX, {@code 100 * |+DI - -DI| / (+DI + -DI)} (0 when both are 0), with
 * the directional indexes over {@code diBarCount} bars. The ADX line is this indicator; the two
 * directional indexes come with it ({@link #getPlusDi()}, {@link #getMinusDi()}), so a script writes
 * {@code adx(14)} in a rule and {@code adx(14).plusDi} beside it.
 */
public final class AdxIndicator extends Indicator {
    private final int diBarCount;
    private final int adxBarCount;
    private final Indicator plusDi;
    private final Indicator minusDi;
    private final Indicator average;
    private final int unstable;

    public AdxIndicator(BarSeries series, int diBarCount, int adxBarCount) {
        super(series);
        if (diBarCount < 1 || adxBarCount < 1) {
            throw new IllegalArgumentException("ADX bar counts must be at least 1, were " + diBarCount + " and " + adxBarCount);
        }
        this.diBarCount = diBarCount;
        this.adxBarCount = adxBarCount;
        AtrIndicator atr = new AtrIndicator(series, diBarCount);
        this.plusDi = new DirectionalIndex(series, atr, diBarCount, true);
        this.minusDi = new DirectionalIndex(series, atr, diBarCount, false);
        Indicator dx = new Dx(plusDi, minusDi);
        this.average = new MmaIndicator(dx, adxBarCount);
        // ta4j adds the average's own bars to DX's warm-up.
        this.unstable = dx.unstableBars() + average.unstableBars();
    }

    public AdxIndicator(BarSeries series, int barCount) {
        this(series, barCount, barCount);
    }

    private AdxIndicator(Indicator line, Indicator plusDi, Indicator minusDi, int diBarCount, int adxBarCount) {
        super(line.series());
        this.diBarCount = diBarCount;
        this.adxBarCount = adxBarCount;
        this.plusDi = plusDi;
        this.minusDi = minusDi;
        this.average = line;
        this.unstable = line.unstableBars();
    }

    /**
     * The three lines computed elsewhere (once for all runs of a sweep) seen as one ADX again.
     * {@code line} must be an ADX of these bar counts, and the two others its directional indexes.
     */
    public static AdxIndicator of(Indicator line, Indicator plusDi, Indicator minusDi, int diBarCount, int adxBarCount) {
        return new AdxIndicator(line, plusDi, minusDi, diBarCount, adxBarCount);
    }

    /** +DI over the ADX's directional bar count. */
    public Indicator getPlusDi() {
        return plusDi;
    }

    /** -DI over the ADX's directional bar count. */
    public Indicator getMinusDi() {
        return minusDi;
    }

    @Override
    protected double calculate(int i) {
        return average.value(i);
    }

    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public String toString() {
        return diBarCount == adxBarCount ? "ADX(" + diBarCount + ")" : "ADX(" + diBarCount + ", " + adxBarCount + ")";
    }

    /** The directional index DX, as ta4j's {@code DXIndicator}. */
    private static final class Dx extends Indicator {
        private final Indicator plus;
        private final Indicator minus;

        Dx(Indicator plus, Indicator minus) {
            super(plus.series());
            this.plus = plus;
            this.minus = minus;
        }

        @Override
        protected double calculate(int i) {
            double p = plus.value(i), m = minus.value(i);
            double sum = p + m;
            return sum == 0 ? 0 : Math.abs(p - m) / sum * 100;
        }

        @Override
        public int unstableBars() {
            return Math.max(plus.unstableBars(), minus.unstableBars());
        }

        @Override
        public String toString() {
            return "DX";
        }
    }
}
