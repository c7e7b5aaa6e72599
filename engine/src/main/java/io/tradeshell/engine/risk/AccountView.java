package io.tradeshell.engine.risk;

/** What the risk layer reads of the account and the market before it lets an order through. */
public interface AccountView {
    long now();

    double equity();

    double grossExposure();

    /** Signed position of a symbol, 0 if none or unknown. */
    double position(String symbol);

    /** The symbol's last price, NaN if none yet. */
    double lastPrice(String symbol);

    /** When the symbol's last price was seen (epoch millis), or Long.MIN_VALUE if never. */
    long lastPriceTime(String symbol);
}
