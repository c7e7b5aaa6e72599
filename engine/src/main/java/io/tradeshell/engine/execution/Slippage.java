package io.tradeshell.engine.execution;

import io.tradeshell.engine.model.Side;
import java.util.Objects;

/**
 * Slippage in basis points of the price, always against the order: buyers pay more, sellers get less.
 *
 * @param source where the figure came from when it was measured rather than chosen (empty otherwise),
 *               stated in the run's assumptions
 */
public record Slippage(double bps, String source) {
    public Slippage {
        if (!(bps >= 0) || Double.isInfinite(bps)) throw new IllegalArgumentException("slippage must be a number >= 0 bps, was " + bps);
        Objects.requireNonNull(source);
    }

    public Slippage(double bps) {
        this(bps, "");
    }

    public static final Slippage NONE = new Slippage(0);

    public double apply(Side side, double price) {
        double f = bps / 10_000.0;
        return side == Side.BUY ? price * (1 + f) : price * (1 - f);
    }
}
