package io.tradeshell.engine.model;

/** The direction of an order or fill. */
public enum Side {
    BUY, SELL;

    /** +1 for a buy, -1 for a sell: the sign a fill gives to the position. */
    public int sign() { return this == BUY ? 1 : -1; }

    public Side opposite() { return this == BUY ? SELL : BUY; }
}
