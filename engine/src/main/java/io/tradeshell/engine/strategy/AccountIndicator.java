package io.tradeshell.engine.strategy;

import io.tradeshell.engine.indicators.Indicator;

/**
 * The account as a series, so rules can say {@code over(equity, 50000)}: each bar's value is
 * the account at that bar's close, when the strategy decides. The account has no history of
 * its own, so the strategy must read this at every bar as it closes ({@link #sample(int)});
 * a bar it missed cannot be filled in later, and asking for one fails rather than guess. Bars
 * before the indicator was made are NaN: nobody was watching the account then.
 */
public final class AccountIndicator extends Indicator {
    /** What is read from the account. */
    public enum Field {
        EQUITY("equity"), CASH("cash"), POSITION("position"), ENTRY_PRICE("entryPrice");

        private final String word;

        Field(String word) { this.word = word; }
    }

    private final TradingContext account;
    private final Field field;
    private final int since;

    public AccountIndicator(TradingContext account, Field field) {
        super(account.bars());
        this.account = account;
        this.field = field;
        this.since = Math.max(0, account.bars().lastIndex());
    }

    /** Records the account at bar {@code index}, which has just closed. */
    public void sample(int index) {
        value(index);
    }

    @Override
    protected double calculate(int index) {
        if (index < since) return Double.NaN;
        if (index != series.lastIndex()) {
            throw new IllegalStateException(field.word + " at bar " + index + " was not read when that bar closed");
        }
        return switch (field) {
            case EQUITY -> account.equity();
            case CASH -> account.cash();
            case POSITION -> account.position();
            case ENTRY_PRICE -> account.entryPrice();
        };
    }

    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return field.word;
    }
}
