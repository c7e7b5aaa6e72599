package io.tradeshell.engine.indicators;

/** Arithmetic on indicators for strategy scripts: {@code plus(sma, 2)}, {@code dividedBy(a, b)}. */
public final class Indicators {
    private Indicators() { }

    public static Indicator plus(Indicator a, Indicator b) {
        return new ArithmeticIndicator(ArithmeticIndicator.Operation.PLUS, a, b);
    }

    public static Indicator minus(Indicator a, Indicator b) {
        return new ArithmeticIndicator(ArithmeticIndicator.Operation.MINUS, a, b);
    }

    public static Indicator times(Indicator a, Indicator b) {
        return new ArithmeticIndicator(ArithmeticIndicator.Operation.TIMES, a, b);
    }

    /** {@code a / b}, NaN where {@code b} is zero. */
    public static Indicator dividedBy(Indicator a, Indicator b) {
        return new ArithmeticIndicator(ArithmeticIndicator.Operation.DIVIDED_BY, a, b);
    }

    public static Indicator plus(Indicator a, double b) {
        return plus(a, constant(a, b));
    }

    public static Indicator minus(Indicator a, double b) {
        return minus(a, constant(a, b));
    }

    public static Indicator times(Indicator a, double b) {
        return times(a, constant(a, b));
    }

    public static Indicator dividedBy(Indicator a, double b) {
        return dividedBy(a, constant(a, b));
    }

    /** The value {@code bars} bars back, NaN before there is one. */
    public static Indicator previous(Indicator a, int bars) {
        return new PreviousIndicator(a, bars);
    }

    /** {@code a / b}, NaN where {@code b} is zero, as ta4j's decimal numbers give, rather than an infinity. */
    public static double quotient(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static Indicator constant(Indicator a, double value) {
        return new ConstantIndicator(a.series(), value);
    }
}
