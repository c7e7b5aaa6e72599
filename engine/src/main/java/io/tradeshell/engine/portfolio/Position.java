package io.tradeshell.engine.portfolio;

/**
 * The open position in one symbol, at average cost. Mutable and owned by {@link Portfolio};
 * {@code qty} is signed: positive long, negative short.
 */
final class Position {
    double qty;
    double avgPrice;
    long entryTime;
    int entryBar;
    /** Commission paid to open the part of the position still open. */
    double entryCommission;

    boolean isFlat() { return qty == 0; }
}
