package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Made-up bars for scale tests and examples: a geometric Brownian motion of the close,
 * the same series for the same seed. Prices are whole cents (price scale 2), each bar
 * opens at the previous close, high and low reach a random way beyond the open and close,
 * and volume is a positive whole number.
 */
public final class SyntheticBars {
    public static final String SYMBOL = "SYNTH";
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
    public static final Instant DEFAULT_START = Instant.parse("2020-01-01T00:00:00Z");
    public static final double DEFAULT_PRICE = 100;
    public static final double DEFAULT_DRIFT = 0.05;
    public static final double DEFAULT_VOLATILITY = 0.2;

    private static final double YEAR_MILLIS = 365.25 * 86_400_000d;
    private static final double BASE_VOLUME = 1000;

    private SyntheticBars() { }

    /** {@code bars} one-minute bars from 2020-01-01 at 100, drift 5% and volatility 20% a year. */
    public static BarSeries generate(long seed, int bars) {
        return generate(seed, bars, DEFAULT_PERIOD, DEFAULT_START, DEFAULT_PRICE, DEFAULT_DRIFT, DEFAULT_VOLATILITY);
    }

    /**
     * @param annualDrift      expected yearly log-return plus half the variance (mu)
     * @param annualVolatility yearly standard deviation of log-returns (sigma)
     */
    public static BarSeries generate(long seed, int bars, Duration period, Instant start, double startPrice,
                                     double annualDrift, double annualVolatility) {
        if (bars < 0) throw new IllegalArgumentException("number of bars must not be negative: " + bars);
        long periodMillis = period.toMillis();
        if (periodMillis <= 0) throw new IllegalArgumentException("bar period must be at least one millisecond: " + period);
        if (!(startPrice >= 0.01) || !Double.isFinite(startPrice)) {
            throw new IllegalArgumentException("start price must be at least one cent: " + startPrice);
        }
        if (!(annualVolatility >= 0) || !Double.isFinite(annualVolatility) || !Double.isFinite(annualDrift)) {
            throw new IllegalArgumentException("drift must be finite and volatility finite and not negative");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double dt = periodMillis / YEAR_MILLIS;
        double drift = (annualDrift - 0.5 * annualVolatility * annualVolatility) * dt;
        double diffusion = annualVolatility * Math.sqrt(dt);
        BarSeries series = new BarSeries(SYMBOL, period, 2, bars);
        long time = start.toEpochMilli();
        long close = Math.max(1, Math.round(startPrice * 100));
        for (int i = 0; i < bars; i++) {
            long open = close;
            double z = random.nextGaussian();
            close = Math.max(1, Math.round(open * Math.exp(drift + diffusion * z)));
            long top = Math.max(open, close);
            long bottom = Math.min(open, close);
            // wicks: the price wandered past the body by about half a bar's typical move
            long high = top + Math.round(top * Math.abs(random.nextGaussian()) * diffusion * 0.5);
            long low = Math.max(1, bottom - Math.round(bottom * Math.abs(random.nextGaussian()) * diffusion * 0.5));
            // busier bars trade more
            double volume = Math.max(1, Math.round(BASE_VOLUME * (1 + Math.abs(z)) * Math.exp(0.5 * random.nextGaussian())));
            series.append(time, open / 100.0, high / 100.0, low / 100.0, close / 100.0, volume);
            time += periodMillis;
        }
        return series;
    }

    /** Writes {@code series} as {@code timestamp,open,high,low,close,volume}; see {@link BarCsvWriter}. */
    public static void writeCsv(BarSeries series, Path file) throws IOException {
        BarCsvWriter.write(series, file);
    }
}
