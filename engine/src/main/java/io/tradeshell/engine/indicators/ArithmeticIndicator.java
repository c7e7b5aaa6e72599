package io.tradeshell.engine.indicators;

/**
 * Two indicators combined bar by bar, as ta4j's {@code BinaryOperationIndicator}: unstable for
 * as long as either side is, NaN when either side is NaN, and NaN on division by zero (as
 * ta4j's decimal numbers give) rather than an infinity.
 */
public final class ArithmeticIndicator extends Indicator {
    /** The four operations, with the symbol used when printing. */
    public enum Operation {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDED_BY("/");

        private final String symbol;

        Operation(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final Operation operation;
    private final Indicator left;
    private final Indicator right;

    public ArithmeticIndicator(Operation operation, Indicator left, Indicator right) {
        super(left.series());
        if (left.series() != right.series()) {
            throw new IllegalArgumentException("cannot combine " + left + " of " + left.series().symbol()
                    + " with " + right + " of " + right.series().symbol() + ": they belong to different series");
        }
        this.operation = operation;
        this.left = left;
        this.right = right;
    }

    @Override
    protected double calculate(int i) {
        double a = left.value(i), b = right.value(i);
        return switch (operation) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDED_BY -> b == 0 ? Double.NaN : a / b;
        };
    }

    @Override
    protected boolean pointwise() {
        return true;
    }

    @Override
    public int unstableBars() {
        return Math.max(left.unstableBars(), right.unstableBars());
    }

    @Override
    public String toString() {
        return "(" + left + " " + operation.symbol() + " " + right + ")";
    }
}
