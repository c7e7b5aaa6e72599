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
    private long[] time = new long[1024];
    private double[] equity = new double[1024];
    private double[] exposure = new double[1024];
    private double[] benchmark = new double[1024];
    private int size;
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
            int cap = size * 2;
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

    public EquityCurve curve() {
        return new EquityCurve(Arrays.copyOf(time, size), Arrays.copyOf(equity, size), Arrays.copyOf(exposure, size));
    }

    public double[] benchmark() { return Arrays.copyOf(benchmark, size); }

    public List<ClosedTrade> trades() { return trades; }

    public List<Fill> fills() { return fills; }

    public int orders() { return orders; }

    public int points() { return size; }
}
