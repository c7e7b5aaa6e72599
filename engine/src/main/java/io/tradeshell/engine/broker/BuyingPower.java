package io.tradeshell.engine.broker;

import io.tradeshell.engine.execution.CommissionModel;

/**
 * The rule that keeps an account from doing the impossible, checked at every fill that adds
 * exposure (a fill that only reduces a position always goes through):
 *
 * <pre>
 *   gross exposure after the fill  &lt;=  equity after the fill  x  maxLeverage
 * </pre>
 *
 * with the filled symbol valued at the fill price (slippage included), every other position at
 * its last price, and the fill's commission taken off equity. With the default leverage of 1
 * and only long positions this is exactly a cash account: cost plus commission must not exceed
 * the cash (equity minus positions is cash). A short needs equity to cover its full value.
 *
 * <p>A fill that does not fit is cut to the largest quantity that does, rounded down to the
 * lot (or, with no lot, the largest fraction found by halving); an order of which nothing fits
 * is rejected.
 *
 * @param maxLeverage gross exposure allowed per unit of equity; 1 = no borrowing
 * @param lot         quantities are whole multiples of this; 0 for any fraction
 */
public record BuyingPower(double maxLeverage, double lot) {
    public BuyingPower {
        if (!(maxLeverage > 0)) throw new IllegalArgumentException("max leverage must be positive, was " + maxLeverage);
        if (!(lot >= 0)) throw new IllegalArgumentException("lot size must be >= 0, was " + lot);
    }

    /** The account's figures at a fill, with the filled symbol valued at the fill price. */
    record Snapshot(double equity, double otherGross, double held, double price) {
        static Snapshot of(AccountBalance account, int slot, double price) {
            double equity = account.cash(), otherGross = 0;
            for (int k = 0; k < account.slots(); k++) {
                double q = account.position(k);
                if (q == 0) continue;
                double p = k == slot ? price : account.lastPrice(k);
                if (Double.isNaN(p)) continue;
                equity += q * p;
                if (k != slot) otherGross += Math.abs(q * p);
            }
            return new Snapshot(equity, otherGross, account.position(slot), price);
        }
    }

    /**
     * The largest part of {@code qty} that may fill now: {@code qty} itself when it fits, less
     * when only less fits, 0 when nothing does.
     */
    public double affordable(AccountBalance account, int slot, int sign, double qty, double price,
                             boolean firstFill, CommissionModel commission) {
        Snapshot s = Snapshot.of(account, slot, price);
        if (fits(s, sign, qty, firstFill, commission)) return qty;
        if (lot > 0) {
            long hi = (long) Math.floor(qty / lot + 1e-9), lo = 0;
            if (fits(s, sign, hi * lot, firstFill, commission)) return hi * lot;
            while (hi - lo > 1) {
                long mid = (lo + hi) >>> 1;
                if (fits(s, sign, mid * lot, firstFill, commission)) lo = mid;
                else hi = mid;
            }
            return lo * lot;
        }
        double lo = 0, hi = qty;
        for (int k = 0; k < 100; k++) {
            double mid = (lo + hi) / 2;
            if (fits(s, sign, mid, firstFill, commission)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private boolean fits(Snapshot s, int sign, double qty, boolean firstFill, CommissionModel commission) {
        if (qty <= 0) return true;
        double after = s.held + sign * qty;
        if (Math.abs(after) <= Math.abs(s.held)) return true; // only reduces the position
        double equity = s.equity - commission.commission(qty, s.price, firstFill);
        double gross = s.otherGross + Math.abs(after) * s.price;
        return gross <= equity * maxLeverage;
    }

    /** The account's figures in words, for the reason of a reduction or rejection. */
    String describe(AccountBalance account, int slot, double price) {
        Snapshot s = Snapshot.of(account, slot, price);
        return "cash %.2f, equity %.2f, max leverage %s".formatted(account.cash(), s.equity,
                maxLeverage == Math.rint(maxLeverage) ? Long.toString((long) maxLeverage) : Double.toString(maxLeverage));
    }
}
