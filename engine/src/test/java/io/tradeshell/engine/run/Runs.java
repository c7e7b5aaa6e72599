package io.tradeshell.engine.run;

import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Hand-made bars, tiny strategies and a recorder for event-loop tests. */
final class Runs {
    /** 2024-01-01T00:00:00Z. */
    static final long START = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final ExecutionSettings FREE = new ExecutionSettings(FillTiming.NEXT_OPEN,
            new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);

    private Runs() { }

    /** Daily bars from {@code start}, one row {open, high, low, close} or {open, high, low, close, volume} each. */
    static BarSeries daily(String symbol, long start, double[]... rows) {
        long[] times = new long[rows.length];
        for (int i = 0; i < rows.length; i++) times[i] = start + i * DAY;
        return bars(symbol, DAY, times, rows);
    }

    static BarSeries bars(String symbol, long period, long[] times, double[]... rows) {
        BarSeries s = new BarSeries(symbol, Duration.ofMillis(period), -1, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            s.append(times[i], r[0], r[1], r[2], r[3], r.length > 4 ? r[4] : 1_000_000);
        }
        return s;
    }

    static double[] bar(double... ohlcv) {
        return ohlcv;
    }

    static StrategyFactory factory(String name, Function<TradingContext, Strategy> make) {
        return new StrategyFactory() {
            public String name() { return name; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext context) { return make.apply(context); }
        };
    }

    /** A strategy that runs {@code onBar} at each close and takes no warm-up. */
    static Strategy each(IntConsumer onBar) {
        return new Strategy() {
            public void onBar(int index) { onBar.accept(index); }
            public int warmupBars() { return 0; }
        };
    }

    static RunSpec spec(StrategyFactory f, ExecutionSettings x, double cash, BarSeries... series) {
        return spec(f, x, cash, RiskLimits.none(), series);
    }

    static RunSpec spec(StrategyFactory f, ExecutionSettings x, double cash, RiskLimits risk, BarSeries... series) {
        List<DataInput> data = Arrays.stream(series).map(s -> new DataInput(s, s.symbol().toLowerCase() + ".csv", "0")).toList();
        return new RunSpec("test.groovy", f, data, x, cash, risk, 1);
    }

    /** Keeps every event and equity point of a run. */
    static final class Tape implements RunRecorder {
        final List<TradingEvent> events = new ArrayList<>();
        final List<double[]> equity = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        public void on(TradingEvent e) { events.add(e); }

        public void onEquity(long time, double e, double cash, double exposure, double benchmark) {
            times.add(time);
            equity.add(new double[] {e, cash, exposure, benchmark});
        }

        <T extends TradingEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
