package io.tradeshell.engine.indicators;

/**
 * The three MACD series: the line, its signal line (an EMA of the line, ta4j's
 * {@code getSignalLine}) and the histogram (line minus signal, ta4j's {@code getHistogram}).
 */
public record Macd(Indicator line, Indicator signal, Indicator histogram) {

    /** The usual MACD(12, 26, 9) of {@code input}. */
    public static Macd of(Indicator input) {
        return of(input, 12, 26, 9);
    }

    public static Macd of(Indicator input, int fast, int slow, int signal) {
        MacdIndicator line = new MacdIndicator(input, fast, slow);
        EmaIndicator signalLine = new EmaIndicator(line, signal);
        return new Macd(line, signalLine, Indicators.minus(line, signalLine));
    }
}
