package io.tradeshell.engine.paper;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.HistoricalBarFeed;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Sizing;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Strategies, specs and sessions the paper tests share. */
final class Fixtures {
    private Fixtures() { }

    static StrategyFactory factory(String name, Function<TradingContext, Strategy> make) {
        return new StrategyFactory() {
            public String name() { return name; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) { return make.apply(ctx); }
        };
    }

    /** A moving-average crossover put together from engine parts, 30% of equity per entry. */
    static StrategyFactory smaCross(int fast, int slow) {
        return factory("sma " + fast + "/" + slow, ctx -> {
            var close = new PriceIndicator(ctx.bars(), PriceIndicator.Column.CLOSE);
            var f = new SmaIndicator(close, fast);
            var s = new SmaIndicator(close, slow);
            var rules = new RuleStrategy.RuleSet(Optional.of(Rules.crossedOver(f, s)), new Sizing.PercentOfEquity(0.3),
                    Optional.of(Rules.crossedUnder(f, s)), Optional.empty(), new Sizing.Fixed(1), Optional.empty());
            return new RuleStrategy(ctx, rules, 0, null, null);
        });
    }

    /**
     * A strategy with state of its own (counters, the id of its last order) that uses every
     * order type and time in force, cancels and replaces: resuming must rebuild all of it.
     */
    static StrategyFactory busy() {
        return factory("busy", ctx -> new Strategy() {
            private int seen;
            private long lastOrder = -1;
            private int lastOrderBar;

            public void onBar(int i) {
                seen++;
                double close = ctx.bars().close(i);
                double pos = ctx.position();
                if (lastOrder >= 0 && ctx.isWorking(lastOrder) && i - lastOrderBar >= 6) ctx.cancel(lastOrder);
                if (seen % 13 == 0 && pos == 0) {
                    order(OrderRequest.limit(ctx.symbol(), Side.BUY, 40, round(close * 0.999), TimeInForce.DAY, "dip"), i);
                } else if (seen % 17 == 0 && pos > 0) {
                    order(OrderRequest.stop(ctx.symbol(), Side.SELL, pos, round(close * 0.997), TimeInForce.GTC, "exit"), i);
                } else if (seen % 23 == 0 && pos == 0) {
                    order(OrderRequest.stopLimit(ctx.symbol(), Side.SELL, 25, round(close * 0.998), round(close * 0.996), TimeInForce.GTC, "short"), i);
                } else if (seen % 19 == 0 && pos < 0) {
                    order(OrderRequest.market(ctx.symbol(), Side.BUY, -pos, "cover"), i);
                } else if (seen % 31 == 0) {
                    order(OrderRequest.market(ctx.symbol(), pos > 0 ? Side.SELL : Side.BUY, 15, "nudge"), i);
                }
            }

            private void order(OrderRequest r, int i) {
                lastOrder = ctx.submit(r).id();
                lastOrderBar = i;
            }

            public int warmupBars() { return 0; }
        });
    }

    /** Bars of {@code periodMillis} from time 0, one row of open, high, low, close, volume each. */
    static BarSeries bars(String symbol, long periodMillis, double[]... rows) {
        BarSeries s = new BarSeries(symbol, java.time.Duration.ofMillis(periodMillis), 2, rows.length);
        for (int i = 0; i < rows.length; i++) s.append(i * periodMillis, rows[i][0], rows[i][1], rows[i][2], rows[i][3], rows[i][4]);
        return s;
    }

    /** Flat bars at {@code price}: open, high, low and close all equal. */
    static double[] flat(double price) {
        return new double[] {price, price, price, price, 1_000_000};
    }

    /** A strategy that places the given orders at the close of the given bars, and nothing else. */
    static StrategyFactory scripted(Map<Integer, List<Function<TradingContext, OrderRequest>>> orders) {
        return factory("scripted", ctx -> new Strategy() {
            public void onBar(int i) {
                for (var o : orders.getOrDefault(i, List.of())) ctx.submit(o.apply(ctx));
            }

            public int warmupBars() { return 0; }
        });
    }

    /** No commission, no slippage: fills at the quoted prices, for hand calculations. */
    static ExecutionSettings frictionless() {
        return new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);
    }

    /** Journal lines of one type, parsed. */
    static List<com.fasterxml.jackson.databind.JsonNode> journal(AccountFiles files, String type) throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(files.journal())) {
            var n = io.tradeshell.engine.journal.Json.MAPPER.readTree(l);
            if (n.path("type").asText().equals(type)) out.add(n);
        }
        return out;
    }

    static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }

    static ExecutionSettings costs() {
        return new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
    }

    static RunSpec spec(StrategyFactory strategy, List<BarSeries> bars, ExecutionSettings x, RiskLimits risk) {
        return new RunSpec("test", strategy, bars.stream().map(b -> new DataInput(b, b.symbol() + ".csv", "sha")).toList(),
                x, 100_000, risk, 1);
    }

    static SessionConfig config(String name, RunSpec spec, double stopLossPct, double takeProfitPct) {
        return new SessionConfig(name, "test.groovy", Map.of(),
                spec.data().stream().map(d -> new SessionConfig.DataRef(d.symbol(), d.file(), d.sha256())).toList(),
                Optional.empty(), false, Speed.MAX, spec.cash(), spec.lotSize(), spec.execution(), spec.risk(),
                stopLossPct, takeProfitPct, "2020-01-01T00:00:00Z");
    }

    static HistoricalBarFeed feed(RunSpec spec) {
        return new HistoricalBarFeed(spec.data().stream().map(DataInput::bars).toList());
    }

    static Path script(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve("test.groovy");
        Files.writeString(p, "// the engine's tests run Java strategies; the account keeps this copy\n");
        return p;
    }

    static PaperSession.Outcome start(PaperHome home, String name, RunSpec spec, SessionConfig config, PaperSession.Wiring w) throws IOException {
        return PaperSession.start(home.account(name), config, script(home.home()), spec, feed(spec), w).run();
    }

    static PaperSession.Outcome resume(PaperHome home, String name, RunSpec spec, PaperSession.Wiring w, boolean repair) {
        AccountFiles files = home.existing(name);
        SessionConfig config = SessionConfig.read(files.session());
        return PaperSession.resume(files, config, spec, feed(spec), w, repair).run();
    }

    /** The journal without its session milestones and command ids, which carry wall-clock times. */
    static List<String> tradingLines(AccountFiles files) throws IOException {
        return Files.readAllLines(files.journal()).stream().filter(l -> !l.startsWith("{\"type\":\"Session\""))
                .map(l -> l.replaceAll(",\"id\":\"[0-9-]+\"}$", "}")).toList();
    }
}
