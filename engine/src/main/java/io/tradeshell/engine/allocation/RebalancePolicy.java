package io.tradeshell.engine.allocation;

/**
 * A portfolio's own allocation settings (the run supplies lots and costs).
 *
 * @param tolerance   a change worth less than this fraction of equity is not traded (a full exit always is)
 * @param cashBuffer  the fraction of equity weights leave in cash, for the move from this close to the next open
 * @param maxLeverage gross exposure allowed per unit of equity; at 1 or below, cash is never overdrawn
 */
public record RebalancePolicy(double tolerance, double cashBuffer, double maxLeverage) {
    public static final RebalancePolicy DEFAULT = new RebalancePolicy(0.005, 0.01, 1);

    public RebalancePolicy {
        if (!(tolerance >= 0 && tolerance < 1)) throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        if (!(cashBuffer >= 0 && cashBuffer < 1)) throw new IllegalArgumentException("cashBuffer must be in [0, 1), was " + cashBuffer);
        if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) throw new IllegalArgumentException("leverage must be a positive number, was " + maxLeverage);
    }
}
