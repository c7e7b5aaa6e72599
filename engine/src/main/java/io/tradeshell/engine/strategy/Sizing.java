package io.tradeshell.engine.strategy;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * How many units an entry buys or sells short, worked out when the entry is decided: at the
 * close of the decision bar, with the account as it stands then.
 */
public sealed interface Sizing {
    /** Units to trade at {@code price} with the account at {@code equity}, in whole lots. */
    double quantity(double equity, double price, double lot);

    /** Leading bars during which this sizing has nothing to go on yet; no entry is taken before. */
    default int unstableBars() { return 0; }

    /** A fixed number of units. */
    record Fixed(double qty) implements Sizing {
        public Fixed {
            if (!(qty > 0)) throw new IllegalArgumentException("quantity must be positive, was " + qty);
        }

        public double quantity(double equity, double price, double lot) { return qty; }
    }

    /** A fraction of equity: 0.1 puts 10% of the account into the position. */
    record PercentOfEquity(double fraction) implements Sizing {
        public PercentOfEquity {
            if (!(fraction > 0)) throw new IllegalArgumentException("percent of equity must be positive, was " + fraction);
        }

        public double quantity(double equity, double price, double lot) { return wholeLots(equity * fraction / price, lot); }
    }

    /** A fixed amount of cash per entry. */
    record CashAmount(double amount) implements Sizing {
        public CashAmount {
            if (!(amount > 0)) throw new IllegalArgumentException("cash amount must be positive, was " + amount);
        }

        public double quantity(double equity, double price, double lot) { return wholeLots(amount / price, lot); }
    }

    /**
     * Risk per trade: the size at which a stop {@code stopDistance} away (in price units, read at
     * the decision bar) loses {@code fraction} of equity, so 1% risk with a 2-ATR stop is
     * {@code equity * 0.01 / (2 * ATR)} units. Gaps through the stop and costs can lose more.
     */
    record RiskPerTrade(double fraction, Indicator stopDistance) implements Sizing {
        public RiskPerTrade {
            if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("risk per trade must be in (0, 100] percent, was " + fraction * 100);
        }

        public double quantity(double equity, double price, double lot) {
            double distance = stopDistance.last();
            if (!(distance > 0) || Double.isInfinite(distance)) {
                throw new IllegalStateException("the stop distance " + stopDistance + " is " + distance + ": risk sizing needs a positive distance");
            }
            return wholeLots(equity * fraction / distance, lot);
        }

        @Override public int unstableBars() { return stopDistance.unstableBars(); }
    }

    /**
     * Volatility targeting: the size at which the position's annualised volatility, measured from
     * the last {@code lookback} bar-to-bar returns of {@code price}, matches {@code annualVolatility}
     * (0.15 = 15% a year), capped at {@code maxFraction} of equity. Returns are annualised with the
     * bars per year seen so far, as the run's metrics do.
     */
    record VolatilityTarget(double annualVolatility, Indicator price, int lookback, double maxFraction) implements Sizing {
        private static final double YEAR_MILLIS = 365.25 * 24 * 60 * 60 * 1000;

        public VolatilityTarget {
            if (!(annualVolatility > 0)) throw new IllegalArgumentException("volatility target must be positive, was " + annualVolatility);
            if (lookback < 2) throw new IllegalArgumentException("volatility lookback needs at least 2 returns, was " + lookback);
            if (!(maxFraction > 0)) throw new IllegalArgumentException("the cap on the position must be positive, was " + maxFraction);
        }

        public double quantity(double equity, double price, double lot) {
            double annual = annualisedVolatility(this.price, lookback);
            if (!(annual > 0)) return 0;   // no movement yet: nothing to size against
            double fraction = Math.min(annualVolatility / annual, maxFraction);
            return wholeLots(equity * fraction / price, lot);
        }

        /**
         * The sample standard deviation of the last {@code lookback} simple returns up to the
         * newest closed bar, times the square root of the bars per year observed so far.
         */
        public static double annualisedVolatility(Indicator price, int lookback) {
            BarSeries bars = price.series();
            int i = bars.lastIndex();
            if (i < lookback) return Double.NaN;
            double[] r = new double[lookback];
            double mean = 0;
            for (int k = 0; k < lookback; k++) {
                int j = i - lookback + 1 + k;
                r[k] = price.value(j) / price.value(j - 1) - 1;
                mean += r[k];
            }
            mean /= lookback;
            double ss = 0;
            for (double x : r) ss += (x - mean) * (x - mean);
            double perBar = Math.sqrt(ss / (lookback - 1));
            double years = (bars.openTime(i) - bars.openTime(0)) / YEAR_MILLIS;
            return years > 0 ? perBar * Math.sqrt(i / years) : Double.NaN;
        }

        @Override public int unstableBars() { return lookback; }
    }

    /**
     * A size given by a formula the strategy evaluates when the entry is decided (a script's
     * {@code qty: { ... }}); the formula is responsible for lots and for refusing bad values.
     */
    record Computed(Formula formula, int unstableBars) implements Sizing {
        /** Units to trade, like {@link Sizing#quantity}. */
        @FunctionalInterface
        public interface Formula {
            double quantity(double equity, double price, double lot);
        }

        public double quantity(double equity, double price, double lot) { return formula.quantity(equity, price, lot); }
    }

    /** {@code units} rounded down to whole multiples of {@code lot} (units as they are when lot is 0). */
    static double wholeLots(double units, double lot) {
        if (!(lot > 0)) return units;
        return Math.floor(units / lot + 1e-9) * lot;
    }
}
