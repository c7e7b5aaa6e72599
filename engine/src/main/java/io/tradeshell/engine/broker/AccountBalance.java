package io.tradeshell.engine.broker;

/**
 * What the broker reads of the account when it checks that a fill can be paid for: the cash,
 * and each symbol's position and last price, by the slot the broker knows the symbol by.
 */
public interface AccountBalance {
    double cash();

    /** Signed units held in the symbol of {@code slot}. */
    double position(int slot);

    /** The symbol's last price, NaN before the first one. */
    double lastPrice(int slot);

    /** How many symbols (slots) the account has. */
    int slots();
}
