package io.tradeshell.engine.strategy;

/** How many units an entry buys or sells short. */
public sealed interface Sizing {
    /** Units to trade at {@code price} with the account at {@code equity}, in whole lots. */
    double quantity(double equity, double price, double lot);

    /** A fixed number of units. */
    record Fixed(double qty) implements Sizing {
        public Fixed {
            if (!(qty > 0)) throw new IllegalArgumentException("quantity must be positive, was " + qty);
        }

        public double quantity(double equity, double price, double lot) { return qty; }
    }

    /** A fraction of equity: 0.1 puts 10% of the account into the position. */
    record PercentOfEquity(double fraction) implements Sizing {
        public PercentOfEquity {
            if (!(fraction > 0)) throw new IllegalArgumentException("percent of equity must be positive, was " + fraction);
        }

        public double quantity(double equity, double price, double lot) { return roundDown(equity * fraction / price, lot); }
    }

    /** A fixed amount of cash per entry. */
    record CashAmount(double amount) implements Sizing {
        public CashAmount {
            if (!(amount > 0)) throw new IllegalArgumentException("cash amount must be positive, was " + amount);
        }

        public double quantity(double equity, double price, double lot) { return roundDown(amount / price, lot); }
    }

    private static double roundDown(double units, double lot) {
        if (!(lot > 0)) return units;
        return Math.floor(units / lot + 1e-9) * lot;
    }
}
