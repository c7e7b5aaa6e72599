package io.tradeshell.engine.portfolio;

import io.tradeshell.engine.broker.AccountBalance;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.trade.PositionSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One cash account shared by every symbol of a run, with a position per symbol kept at
 * average cost. A fill that reduces a position closes a {@link ClosedTrade} for the reduced
 * units; a fill larger than the position flips it, closing one trade and opening the rest.
 *
 * <p>Equity is cash plus the signed value of every position at its last price, so a short
 * sale's proceeds sit in cash and its market value is subtracted.
 */
public final class Portfolio implements AccountBalance {
    private static final double EPSILON = 1e-9;

    private final double initialCash;
    private double cash;
    private double commissions;
    private double realizedPnl;
    private final List<String> symbols;
    private final Position[] positions;
    /** Each symbol's last price, NaN before its first; kept apart from the positions, since every bar marks one. */
    private final double[] lastPrices;
    /** The slots whose position is not flat, in slot order: equity sums only these, in the order a pass over every slot would. */
    private int[] held = new int[8];
    private int heldCount;

    public Portfolio(double initialCash, List<String> symbols) {
        if (!(initialCash > 0)) throw new IllegalArgumentException("starting cash must be positive, was " + initialCash);
        this.initialCash = initialCash;
        this.cash = initialCash;
        this.symbols = List.copyOf(symbols);
        this.positions = new Position[symbols.size()];
        for (int i = 0; i < positions.length; i++) positions[i] = new Position();
        this.lastPrices = new double[positions.length];
        java.util.Arrays.fill(lastPrices, Double.NaN);
    }

    /**
     * Applies a fill made on the symbol's bar {@code barIndex}; each trade it closes is passed
     * to {@code closed}.
     */
    public void apply(int slot, Fill fill, int barIndex, Consumer<ClosedTrade> closed) {
        Position p = positions[slot];
        boolean wasFlat = p.isFlat();
        try {
            change(slot, p, fill, barIndex, closed);
        } finally {
            if (wasFlat != p.isFlat()) {
                if (wasFlat) hold(slot);
                else release(slot);
            }
        }
    }

    private void hold(int slot) {
        if (heldCount == held.length) held = java.util.Arrays.copyOf(held, heldCount * 2);
        int at = heldCount;
        while (at > 0 && held[at - 1] > slot) {
            held[at] = held[at - 1];
            at--;
        }
        held[at] = slot;
        heldCount++;
    }

    private void release(int slot) {
        int at = 0;
        while (held[at] != slot) at++;
        System.arraycopy(held, at + 1, held, at, heldCount - at - 1);
        heldCount--;
    }

    private void change(int slot, Position p, Fill fill, int barIndex, Consumer<ClosedTrade> closed) {
        int sign = fill.side().sign();
        double qty = fill.qty();
        cash -= sign * qty * fill.price() + fill.commission();
        commissions += fill.commission();
        // Marks come from the market, not from our own fills (which carry slippage); a fill
        // only stands in for a price until the symbol's first mark.
        if (Double.isNaN(lastPrices[slot])) lastPrices[slot] = fill.price();

        double openQty = qty;
        if (!p.isFlat() && Math.signum(p.qty) != sign) {
            double held = Math.abs(p.qty);
            double closing = Math.min(qty, held);
            double entryShare = p.entryCommission * (closing / held);
            double exitShare = fill.commission() * (closing / qty);
            double gross = (fill.price() - p.avgPrice) * closing * Math.signum(p.qty);
            double net = gross - entryShare - exitShare;
            realizedPnl += net;
            closed.accept(new ClosedTrade(symbols.get(slot), p.qty > 0 ? PositionSide.LONG : PositionSide.SHORT, closing,
                    Instant.ofEpochMilli(p.entryTime), p.avgPrice, Instant.ofEpochMilli(fill.time()), fill.price(),
                    net, entryShare + exitShare, barIndex - p.entryBar, ExitReason.ofTag(fill.tag())));
            p.entryCommission -= entryShare;
            p.qty += sign * closing;
            if (Math.abs(p.qty) < EPSILON) {
                p.qty = 0;
                p.entryCommission = 0;
            }
            openQty = qty - closing;
            if (openQty < EPSILON) return;
        }
        double openCommission = fill.commission() * (openQty / qty);
        if (p.isFlat()) {
            p.avgPrice = fill.price();
            p.entryTime = fill.time();
            p.entryBar = barIndex;
            p.entryCommission = openCommission;
        } else {
            double held = Math.abs(p.qty);
            p.avgPrice = (p.avgPrice * held + fill.price() * openQty) / (held + openQty);
            p.entryCommission += openCommission;
        }
        p.qty += sign * openQty;
    }

    /** Marks a symbol to its latest price. */
    public void mark(int slot, double price) {
        lastPrices[slot] = price;
    }

    /** Marks the symbols in {@code slots[from..to)} each at its price in {@code prices} at the same index. */
    public void markAll(int[] slots, int from, int to, double[] prices) {
        for (int e = from; e < to; e++) lastPrices[slots[e]] = prices[e];
    }

    @Override public double cash() { return cash; }
    @Override public int slots() { return positions.length; }
    public double initialCash() { return initialCash; }
    public double commissions() { return commissions; }
    public double realizedPnl() { return realizedPnl; }
    public List<String> symbols() { return symbols; }
    @Override public double position(int slot) { return positions[slot].qty; }
    public double avgPrice(int slot) { return positions[slot].avgPrice; }
    @Override public double lastPrice(int slot) { return lastPrices[slot]; }
    public long entryTime(int slot) { return positions[slot].entryTime; }

    /** Cash plus every position at its last price. */
    public double equity() {
        double e = cash;
        for (int h = 0; h < heldCount; h++) {
            int k = held[h];
            e += positions[k].qty * lastPrices[k];
        }
        return e;
    }

    /** Gross market value of all positions (longs plus the absolute value of shorts). */
    public double grossExposure() {
        double g = 0;
        for (int h = 0; h < heldCount; h++) {
            int k = held[h];
            g += Math.abs(positions[k].qty * lastPrices[k]);
        }
        return g;
    }

    /** Open positions with their unrealised profit, for summaries and operators. */
    public List<OpenPosition> openPositions() {
        List<OpenPosition> out = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Position p = positions[i];
            if (p.qty == 0) continue;
            out.add(new OpenPosition(symbols.get(i), p.qty > 0 ? PositionSide.LONG : PositionSide.SHORT, Math.abs(p.qty),
                    Instant.ofEpochMilli(p.entryTime), p.avgPrice, lastPrices[i], (lastPrices[i] - p.avgPrice) * p.qty));
        }
        return out;
    }
}
