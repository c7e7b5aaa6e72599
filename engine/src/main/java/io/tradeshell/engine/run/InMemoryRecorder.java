package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.trade.ClosedTrade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps a run's equity points, trades and fills in memory, in primitive arrays where it counts. */
public final class InMemoryRecorder implements RunRecorder {
    private long[] time;
    private double[] equity;
    private double[] exposure;
    private double[] benchmark;
    private int size;

    public InMemoryRecorder() {
        this(1024);
    }

    /**
     * Room for {@code points} equity points from the start: a run that records as many as it
     * expected hands its arrays over as they are, where doubling buffers and trimming copies
     * left a million-bar run's heap holding each column three times over.
     */
    public InMemoryRecorder(int points) {
        int cap = Math.max(1, points);
        time = new long[cap];
        equity = new double[cap];
        exposure = new double[cap];
        benchmark = new double[cap];
    }
    private final List<ClosedTrade> trades = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private int orders;

    @Override
    public void on(TradingEvent event) {
        switch (event) {
            case TradingEvent.OrderFilled f -> fills.add(f.fill());
            case TradingEvent.TradeClosed t -> trades.add(t.trade());
            case TradingEvent.OrderSubmitted s -> orders++;
            default -> { }
        }
    }

    @Override
    public void onEquity(long t, double e, double cash, double x, double b) {
        if (size == time.length) {
            int cap = Math.max(1024, size * 2);
            time = Arrays.copyOf(time, cap);
            equity = Arrays.copyOf(equity, cap);
            exposure = Arrays.copyOf(exposure, cap);
            benchmark = Arrays.copyOf(benchmark, cap);
        }
        time[size] = t;
        equity[size] = e;
        exposure[size] = x;
        benchmark[size] = b;
        size++;
    }

    // Full arrays are handed over uncopied: the next point, if any, goes into a new array.
    public EquityCurve curve() {
        return new EquityCurve(whole(time), whole(equity), whole(exposure));
    }

    public double[] benchmark() { return whole(benchmark); }

    private long[] whole(long[] a) { return a.length == size ? a : Arrays.copyOf(a, size); }

    private double[] whole(double[] a) { return a.length == size ? a : Arrays.copyOf(a, size); }

    public List<ClosedTrade> trades() { return trades; }

    public List<Fill> fills() { return fills; }

    public int orders() { return orders; }

    public int points() { return size; }
}
