package io.tradeshell.engine.allocation;

/** What a portfolio wants to hold of one symbol after a rebalance. */
public sealed interface Target {

    /** A fraction of equity, signed: 0.25 is a quarter of the account long, -0.5 half of it short. */
    record Weight(double fraction) implements Target {
        public Weight {
            if (!Double.isFinite(fraction)) throw new IllegalArgumentException("a target weight must be a number, was " + fraction);
        }
    }

    /** A number of units, signed: negative is short. */
    record Units(double qty) implements Target {
        public Units {
            if (!Double.isFinite(qty)) throw new IllegalArgumentException("a target quantity must be a number, was " + qty);
        }
    }
}
