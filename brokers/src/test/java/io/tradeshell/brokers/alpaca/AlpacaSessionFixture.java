package io.tradeshell.brokers.alpaca;

import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.HistoricalBarFeed;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A paper account "acct" whose orders go to a fake Alpaca: eight daily AAPL bars, a strategy
 * that buys 10 at bar 1, places a limit sell at 120 at bar 2, cancels it at bar 4 and sells 10
 * at market at bar 5; the fake's market fills market orders at once at 100.25 and says so on
 * the stream.
 */
final class AlpacaSessionFixture {
    final AlpacaRest rest;
    final AtomicReference<AlpacaBroker> broker = new AtomicReference<>();
    final BarSeries bars = new BarSeries("AAPL", Duration.ofDays(1), 2, 8);
    final ExecutionSettings execution = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
    final RunSpec spec;
    final SessionConfig config;
    final PaperHome home;

    AlpacaSessionFixture(FakeAlpaca fake, Path tmp) {
        this(fake.url(), tmp);
        fake.onOrderCreated = this::fillMarketOrder;
    }

    /** The session alone, at {@code url} (a fake in another process, for a session in a process of its own). */
    AlpacaSessionFixture(String url, Path tmp) {
        this(url, tmp, strategy());
    }

    /** The same account running {@code strategy} instead. */
    AlpacaSessionFixture(FakeAlpaca fake, Path tmp, StrategyFactory strategy) {
        this(fake.url(), tmp, strategy);
        fake.onOrderCreated = this::fillMarketOrder;
    }

    private AlpacaSessionFixture(String url, Path tmp, StrategyFactory strategy) {
        AlpacaEndpoints at = new AlpacaEndpoints(url, url, "ws://127.0.0.1:1/stream", "ws://127.0.0.1:1");
        rest = new AlpacaRest(at, FakeAlpaca.KEY, FakeAlpaca.SECRET, ms -> { }, Duration.ofSeconds(5));
        for (int i = 0; i < 8; i++) bars.append(i * 86_400_000L, 100, 101, 99, 100, 1e6);
        spec = new RunSpec("alpaca", strategy, List.of(new DataInput(bars, "AAPL.csv", "sha")), execution, 100_000, RiskLimits.none(), 1);
        config = new SessionConfig("acct", "s.groovy", Map.of(), List.of(new SessionConfig.DataRef("AAPL", "AAPL.csv", "sha")),
                Optional.empty(), false, Speed.MAX, spec.cash(), 1, execution, RiskLimits.none(), Double.NaN, Double.NaN, "2024-01-01T00:00:00Z");
        home = new PaperHome(tmp.resolve("home"));
    }

    /** The market fills a market order at once at 100.25; the broker of this process hears it on the stream. */
    void fillMarketOrder(com.fasterxml.jackson.databind.node.ObjectNode o) {
        if (!o.path("type").asText().equals("market")) return;
        o.put("filled_qty", o.path("qty").asText()).put("filled_avg_price", "100.25").put("status", "filled");
        var u = RestCalls.json().createObjectNode().put("event", "fill").put("qty", o.path("qty").asText()).put("price", "100.25");
        u.set("order", o.deepCopy());
        if (broker.get() != null) broker.get().onTradeUpdate(TradeUpdate.parse(u));
    }

    HistoricalBarFeed feed() {
        return new HistoricalBarFeed(List.of(bars));
    }

    private static StrategyFactory strategy() {
        return new StrategyFactory() {
            public String name() { return "to alpaca"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    long limit = -1;

                    public void onBar(int i) {
                        if (i == 1) ctx.submit(OrderRequest.market("AAPL", Side.BUY, 10, "buyWhen"));
                        if (i == 2) limit = ctx.submit(OrderRequest.limit("AAPL", Side.SELL, 10, 120, TimeInForce.GTC, "takeProfit")).id();
                        if (i == 4) ctx.cancel(limit);
                        if (i == 5) ctx.submit(OrderRequest.market("AAPL", Side.SELL, 10, "sellWhen"));
                    }

                    public int warmupBars() { return 0; }
                };
            }
        };
    }
}
