package io.tradeshell.engine.execution;

import io.tradeshell.engine.model.Side;

/** Slippage in basis points of the price, always against the order: buyers pay more, sellers get less. */
public record Slippage(double bps) {
    public Slippage {
        if (!(bps >= 0) || Double.isInfinite(bps)) throw new IllegalArgumentException("slippage must be a number >= 0 bps, was " + bps);
    }

    public static final Slippage NONE = new Slippage(0);

    public double apply(Side side, double price) {
        double f = bps / 10_000.0;
        return side == Side.BUY ? price * (1 + f) : price * (1 - f);
    }
}
