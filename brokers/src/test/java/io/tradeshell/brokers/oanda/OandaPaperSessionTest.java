package io.tradeshell.brokers.oanda;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeOanda;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole paper session on OANDA practice (a fake on 127.0.0.1): prices from the pricing stream
 * make one-minute bars, orders go to OANDA, and a limit order that fills while the transactions
 * stream is down is booked once when it comes back.
 */
class OandaPaperSessionTest {
    private static final long T0 = java.time.Instant.parse("2024-03-04T14:30:00Z").toEpochMilli();

    @Test
    void aStrategyTradesOnOandaPricesAndAFillMissedByADroppedStreamIsBookedOnce(@TempDir Path tmp) throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            OandaRest rest = new OandaRest(fake.url(), fake.url(), FakeOanda.TOKEN, FakeOanda.ACCOUNT, ms -> { }, Duration.ofSeconds(5));
            ExecutionSettings execution = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), new Slippage(0), 0, 0, 0, 1);
            RunSpec spec = new RunSpec("fx", strategy(), List.of(new DataInput(new BarSeries("EUR_USD", Duration.ofMinutes(1), -1, 16), "oanda:live", "live")),
                    execution, 100_000, RiskLimits.none(), 1);
            SessionConfig config = new SessionConfig("fx", "s.groovy", Map.of(), List.of(new SessionConfig.DataRef("EUR_USD", "oanda:live", "live")),
                    Optional.of("1m"), false, Speed.MAX, spec.cash(), 1, execution, RiskLimits.none(), Double.NaN, Double.NaN, "2024-03-04T14:30:00Z");
            PaperHome home = new PaperHome(tmp.resolve("home"));
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
            List<String> troubles = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicReference<OandaStream> transactions = new AtomicReference<>();
            try (OandaLiveFeed feed = new OandaLiveFeed(List.of("EUR_USD"), Duration.ofMinutes(1)).connect(rest, troubles::add)) {
                PaperSession session = PaperSession.start(home.account("fx"), config, script, spec, feed, PaperSession.Wiring.quiet())
                        .withBroker(OandaBroker.factory(rest, "fx", b -> transactions.set(rest.transactions(b::onStreamLine, () -> {
                            b.note("transactions stream reconnected");
                            b.resynchronise();
                        }, m -> {
                            troubles.add(m);
                            b.note(m);
                        }).start())));
                CompletableFuture<PaperSession.Outcome> outcome = CompletableFuture.supplyAsync(session::run);
                try {
                    // minutes 0, 1 and 2: the buy goes out at bar 1's close, the limit sell at bar 2's
                    for (int s = 0; s <= 180; s += 20) fake.prices.add(price(s, 1.0850 + s * 0.000001));
                    await(() -> fake.orders.size() == 2, "both orders at OANDA: " + fake.requests);
                    await(() -> fake.transactionConnections.get() == 1, "the transactions stream connected");
                    fake.transactionLines.add(FakeOanda.DROP);
                    fake.streamTransactions = false;
                    fake.fill("ts-fx-2", "1.09000"); // while the stream is down
                    fake.streamTransactions = true;
                    await(() -> fake.transactionConnections.get() == 2, "the transactions stream reconnected");
                    // prices go on; at the next one the session books what the catch-up found
                    for (int s = 200; fillsOf(home).size() < 2; s += 20) {
                        fake.prices.add(price(s, 1.0860));
                        Thread.sleep(20);
                        if (s >= 20_000) {
                            throw new AssertionError("the limit sell's fill was not booked; requests " + fake.requests + "\ntroubles " + troubles
                                    + "\njournal\n" + Files.readString(home.account("fx").journal()));
                        }
                    }
                } finally {
                    session.requestStop();
                }
                PaperSession.Outcome o = outcome.get(60, TimeUnit.SECONDS);
                assertThat(o.result().fills()).extracting(x -> x.side() + " " + x.qty() + " @ " + x.price())
                        .containsExactly("BUY 1000.0 @ 1.08512", "SELL 1000.0 @ 1.09");
                assertThat(o.status().positions()).isEmpty();
                assertThat(fake.submits()).isEqualTo(2);
                assertThat(fake.requests).anyMatch(r -> r.startsWith("GET /v3/accounts/" + FakeOanda.ACCOUNT + "/transactions/sinceid?id="));
                assertThat(o.result().bars()).isGreaterThanOrEqualTo(3);
            } finally {
                if (transactions.get() != null) transactions.get().close();
            }
            String journal = Files.readString(home.account("fx").journal());
            assertThat(journal).contains("transactions stream reconnected").contains("transactions/stream dropped: ");
            assertThat(troubles).allSatisfy(t -> assertThat(t).doesNotContain(FakeOanda.ACCOUNT).doesNotContain(FakeOanda.TOKEN));
            try (Stream<Path> files = Files.walk(tmp.resolve("home"))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(FakeOanda.TOKEN).doesNotContain(FakeOanda.ACCOUNT);
                }
            }
        }
    }

    @Test
    void anOandaOutOfReachShowsAsHaltedInTheAccountAndItsJournal(@TempDir Path tmp) throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            fake.failWith = 503;
            OandaRest rest = new OandaRest(fake.url(), fake.url(), FakeOanda.TOKEN, FakeOanda.ACCOUNT, ms -> { }, Duration.ofSeconds(5));
            ExecutionSettings execution = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), new Slippage(0), 0, 0, 0, 1);
            BarSeries bars = new BarSeries("EUR_USD", Duration.ofDays(1), 5, 8);
            for (int i = 0; i < 6; i++) bars.append(T0 + i * 86_400_000L, 1.08, 1.09, 1.07, 1.085, 1000);
            RunSpec spec = new RunSpec("fx", strategy(), List.of(new DataInput(bars, "EUR_USD.csv", "sha")), execution, 100_000, RiskLimits.none(), 1);
            SessionConfig config = new SessionConfig("fx", "s.groovy", Map.of(), List.of(new SessionConfig.DataRef("EUR_USD", "EUR_USD.csv", "sha")),
                    Optional.empty(), false, Speed.MAX, spec.cash(), 1, execution, RiskLimits.none(), Double.NaN, Double.NaN, "2024-03-04T14:30:00Z");
            PaperHome home = new PaperHome(tmp.resolve("home"));
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
            PaperSession.Outcome o = PaperSession.start(home.account("fx"), config, script, spec, new io.tradeshell.engine.run.HistoricalBarFeed(List.of(bars)),
                    PaperSession.Wiring.quiet()).withBroker(OandaBroker.factory(rest, "fx", b -> { })).run();

            assertThat(o.status().tradingState()).isEqualTo("HALTED");
            assertThat(o.result().fills()).isEmpty();
            assertThat(fake.submits()).as("the first order was tried; the second refused without a request").isEqualTo(4);
            String journal = Files.readString(home.account("fx").journal());
            assertThat(journal).contains("\"type\":\"TradingStateChanged\"").contains("\"state\":\"HALTED\"")
                    .contains("trading halted: OANDA unreachable (POST /v3/accounts/***/orders unreachable for 3 s (limit 5 s): HTTP 503)")
                    .doesNotContain(FakeOanda.TOKEN).doesNotContain(FakeOanda.ACCOUNT);
            assertThat(Files.readString(home.account("fx").status())).contains("HALTED");
        }
    }

    private static List<String> fillsOf(PaperHome home) throws java.io.IOException {
        Path f = home.account("fx").dir().resolve("fills.jsonl");
        return Files.exists(f) ? Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    static String price(int second, double mid) {
        String t = java.time.Instant.ofEpochMilli(T0 + second * 1000L).toString();
        return "{\"type\":\"PRICE\",\"time\":\"" + t + "\",\"bids\":[{\"price\":\"" + String.format("%.5f", mid - 0.00005) + "\",\"liquidity\":1000000}],"
                + "\"asks\":[{\"price\":\"" + String.format("%.5f", mid + 0.00005) + "\",\"liquidity\":1000000}],\"status\":\"tradeable\",\"tradeable\":true,"
                + "\"instrument\":\"EUR_USD\"}";
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute for: " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static StrategyFactory strategy() {
        return new StrategyFactory() {
            public String name() { return "to oanda"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if (i == 0) ctx.submit(OrderRequest.market("EUR_USD", Side.BUY, 1000, "buyWhen"));
                        if (i == 1) ctx.submit(OrderRequest.limit("EUR_USD", Side.SELL, 1000, 1.09, TimeInForce.GTC, "takeProfit"));
                    }

                    public int warmupBars() { return 0; }
                };
            }
        };
    }
}
