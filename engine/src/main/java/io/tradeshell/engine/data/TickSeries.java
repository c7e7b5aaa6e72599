package io.tradeshell.engine.data;

import io.tradeshell.engine.model.Tick;
import java.time.Instant;
import java.util.Arrays;

/**
 * The trades of one symbol, stored column by column (time in epoch millis, price, amount)
 * so replaying a million trades reads primitives without boxing. Append-only; times never
 * go back, but several trades may share a time.
 *
 * <p>{@code priceScale} is the number of decimal digits of the prices, or -1 when they
 * are not short decimals, as for {@link io.tradeshell.engine.model.BarSeries}.
 */
public final class TickSeries {
    private final String symbol;
    private int priceScale;
    private long[] time;
    private double[] price;
    private double[] amount;
    private int size;

    public TickSeries(String symbol, int priceScale, int capacity) {
        this.symbol = symbol;
        this.priceScale = priceScale;
        int cap = Math.max(16, capacity);
        time = new long[cap];
        price = new double[cap];
        amount = new double[cap];
    }

    /** Appends a trade at {@code time} (epoch millis), which must not be before the last one. */
    public void append(long time, double price, double amount) {
        if (size > 0 && time < this.time[size - 1]) {
            throw new IllegalArgumentException(symbol + ": trade time " + Instant.ofEpochMilli(time)
                    + " is before " + Instant.ofEpochMilli(this.time[size - 1]));
        }
        if (size == this.time.length) grow();
        this.time[size] = time;
        this.price[size] = price;
        this.amount[size] = amount;
        size++;
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        price = Arrays.copyOf(price, cap);
        amount = Arrays.copyOf(amount, cap);
    }

    public String symbol() { return symbol; }
    public int priceScale() { return priceScale; }
    public void priceScale(int scale) { this.priceScale = scale; }
    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    public long time(int i) { return time[check(i)]; }
    public double price(int i) { return price[check(i)]; }
    public double amount(int i) { return amount[check(i)]; }

    public Tick tick(int i) {
        check(i);
        return new Tick(symbol, time[i], price[i], amount[i]);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("trade " + i + " of " + symbol + " is not available (" + size + " trades)");
        }
        return i;
    }

    @Override
    public String toString() {
        if (size == 0) return symbol + " (no trades)";
        return symbol + " (" + size + " trades, " + Instant.ofEpochMilli(time[0]) + " .. "
                + Instant.ofEpochMilli(time[size - 1]) + ")";
    }
}
