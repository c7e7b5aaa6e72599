package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each risk limit in a paper session: the decision is journaled with its reason and heard by the console. */
class PaperRiskTest {
    private static final long HOUR = 3_600_000;
    private static final long DAY = 24 * HOUR;

    @TempDir
    Path tmp;

    private final List<TradingEvent> console = new ArrayList<>();

    private AccountFiles run(String name, List<BarSeries> bars, RiskLimits risk, Map<Integer, List<Function<TradingContext, OrderRequest>>> orders)
            throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(orders), bars, Fixtures.frictionless(), risk);
        Fixtures.start(home, name, spec, Fixtures.config(name, spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet().withConsole(console::add));
        assertTheLiveModeDecidesTheSame(spec, home.existing(name));
        return home.existing(name);
    }

    /** The simulated live mode on the same data makes the same risk decisions, with the same reasons, at the same times. */
    private static void assertTheLiveModeDecidesTheSame(RunSpec spec, AccountFiles paper) throws Exception {
        io.tradeshell.engine.run.EventLog log = new io.tradeshell.engine.run.EventLog();
        io.tradeshell.engine.run.LiveRun.of(spec, Fixtures.feed(spec)).recorder(log).run();
        List<String> live = log.events().stream()
                .filter(e -> e instanceof TradingEvent.RiskDenied || e instanceof TradingEvent.TradingStateChanged)
                .map(e -> e instanceof TradingEvent.RiskDenied d ? e.time() + " denied " + d.reason()
                        : e.time() + " " + ((TradingEvent.TradingStateChanged) e).state() + " " + ((TradingEvent.TradingStateChanged) e).reason())
                .toList();
        List<String> journaled = new ArrayList<>();
        for (JsonNode n : Fixtures.journal(paper, "RiskDenied")) journaled.add(n.path("time").asText() + " denied " + n.path("reason").asText());
        for (JsonNode n : Fixtures.journal(paper, "TradingStateChanged")) {
            journaled.add(n.path("time").asText() + " " + n.path("state").asText() + " " + n.path("reason").asText());
        }
        List<String> liveText = live.stream().map(l -> java.time.Instant.ofEpochMilli(Long.parseLong(l.substring(0, l.indexOf(' '))))
                + l.substring(l.indexOf(' '))).sorted().toList();
        assertThat(liveText).containsExactlyElementsOf(journaled.stream().sorted().toList());
    }

    private static Function<TradingContext, OrderRequest> buy(String symbol, double qty) {
        return c -> OrderRequest.market(symbol, Side.BUY, qty, "buy");
    }

    private static double[][] flat(int n, double price) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = Fixtures.flat(price);
        return rows;
    }

    private List<String> deniedInJournal(AccountFiles files) throws Exception {
        return Fixtures.journal(files, "RiskDenied").stream().map(n -> n.path("reason").asText()).toList();
    }

    private List<String> deniedOnConsole() {
        return console.stream().filter(e -> e instanceof TradingEvent.RiskDenied).map(e -> ((TradingEvent.RiskDenied) e).reason()).toList();
    }

    @Test
    void anOrderWorthMoreThanTheNotionalLimitIsDenied() throws Exception {
        var files = run("notional", List.of(Fixtures.bars("X", HOUR, flat(3, 100))), RiskLimits.none().withMaxOrderNotional(500),
                Map.of(0, List.of(buy("X", 10), buy("X", 5))));
        // 10 x 100 = 1000 is over 500; 5 x 100 = 500 is not
        assertThat(deniedInJournal(files)).containsExactly("order notional 1000.00 exceeds the limit 500.00");
        assertThat(deniedOnConsole()).isEqualTo(deniedInJournal(files));
        assertThat(Fixtures.journal(files, "OrderFilled")).hasSize(1);
    }

    @Test
    void aPositionLargerThanItsShareOfEquityIsDenied() throws Exception {
        var files = run("position", List.of(Fixtures.bars("X", HOUR, flat(3, 100))), RiskLimits.none().withMaxPositionPct(0.25),
                Map.of(0, List.of(buy("X", 300))));
        // 300 x 100 = 30000 of 100000 equity = 30%
        assertThat(deniedInJournal(files)).containsExactly("position of 30000.00 would be 30.0% of equity, over the 25.0% limit");
        assertThat(deniedOnConsole()).isEqualTo(deniedInJournal(files));
    }

    @Test
    void grossExposureAboveTheLeverageLimitIsDenied() throws Exception {
        var files = run("leverage", List.of(Fixtures.bars("X", HOUR, flat(3, 100))), RiskLimits.none().withMaxLeverage(1),
                Map.of(0, List.of(buy("X", 1100))));
        assertThat(deniedInJournal(files)).containsExactly("gross exposure would be 1.10x equity, over the 1.00x limit");
        assertThat(deniedOnConsole()).isEqualTo(deniedInJournal(files));
    }

    @Test
    void aSymbolOutsideTheAllowedListIsDenied() throws Exception {
        var files = run("allowed", List.of(Fixtures.bars("X", HOUR, flat(3, 100)), Fixtures.bars("Y", HOUR, flat(3, 50))),
                RiskLimits.none().withAllowedSymbols(Set.of("Y")), Map.of(0, List.of(buy("X", 1), buy("Y", 1))));
        // both strategies (X's and Y's) place both orders at bar 0: the two for X are denied
        assertThat(deniedInJournal(files)).containsExactly("X is not in the allowed symbols [Y]", "X is not in the allowed symbols [Y]");
        assertThat(deniedOnConsole()).isEqualTo(deniedInJournal(files));
    }

    @Test
    void newExposureOnAStalePriceIsDenied() throws Exception {
        // Y's data stops after two days; X's strategy buys Y on day 10
        BarSeries x = Fixtures.bars("X", DAY, flat(12, 100));
        BarSeries y = Fixtures.bars("Y", DAY, flat(2, 50));
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = Fixtures.spec(Fixtures.factory("pair", ctx -> new io.tradeshell.engine.strategy.Strategy() {
            public void onBar(int i) { if (ctx.symbol().equals("X") && i == 9) ctx.submit(OrderRequest.market("Y", Side.BUY, 1, "pair")); }
            public int warmupBars() { return 0; }
        }), List.of(x, y), Fixtures.frictionless(), RiskLimits.none().withStaleAfterMillis(DAY));
        Fixtures.start(home, "stale", spec, Fixtures.config("stale", spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet().withConsole(console::add));
        assertTheLiveModeDecidesTheSame(spec, home.existing("stale"));
        assertThat(deniedInJournal(home.existing("stale"))).containsExactly("stale data: last Y price is older than 86400 s");
        assertThat(deniedOnConsole()).containsExactly("stale data: last Y price is older than 86400 s");
    }

    @Test
    void aDailyLossStopsNewEntriesUntilTheNextDay() throws Exception {
        double[][] rows = new double[27][];
        rows[0] = Fixtures.flat(100);
        rows[1] = Fixtures.flat(100);                          // the entry of 990 fills at 100, leaving 1000 in cash
        rows[2] = new double[] {99, 99, 98, 98, 1e6};          // equity 98020: 1.98% down on the day's 100000
        for (int i = 3; i < rows.length; i++) rows[i] = Fixtures.flat(98);
        // the new day's entry of 10 at 98 costs 980, which the 1000 left in cash pays for
        var files = run("daily", List.of(Fixtures.bars("X", HOUR, rows)), RiskLimits.none().withDailyLossLimit(0.015),
                Map.of(0, List.of(buy("X", 990)), 2, List.of(buy("X", 10)), 24, List.of(buy("X", 10))));

        List<JsonNode> states = Fixtures.journal(files, "TradingStateChanged");
        assertThat(states).hasSize(2);
        assertThat(states.get(0).path("state").asText()).isEqualTo("REDUCING");
        assertThat(states.get(0).path("reason").asText()).isEqualTo("daily loss 1.98% exceeds the 1.50% limit");
        assertThat(states.get(0).path("time").asText()).isEqualTo("1970-01-01T03:00:00Z");
        // bar 23 closing at midnight still belongs to day 1; bar 24 is the new day's first, and trades again
        assertThat(states.get(1).path("state").asText()).isEqualTo("ACTIVE");
        assertThat(states.get(1).path("reason").asText()).isEqualTo("new trading day");
        assertThat(states.get(1).path("time").asText()).isEqualTo("1970-01-02T01:00:00Z");
        assertThat(deniedInJournal(files)).containsExactly("trading is reducing-only after the daily loss limit");
        assertThat(Fixtures.journal(files, "OrderFilled")).hasSize(2);
        assertThat(console.stream().filter(e -> e instanceof TradingEvent.TradingStateChanged)).hasSize(2);
    }

    @Test
    void aDrawdownBeyondTheLimitHaltsTradingAndFlattens() throws Exception {
        double[][] rows = new double[6][];
        rows[0] = Fixtures.flat(100);
        rows[1] = Fixtures.flat(100);                          // 1000 bought at 100
        rows[2] = new double[] {97, 97, 94, 94, 1e6};          // equity 94000: 6% below the 100000 peak
        rows[3] = Fixtures.flat(95);                           // the flattening sale fills at 95
        rows[4] = Fixtures.flat(96);
        rows[5] = Fixtures.flat(96);
        var files = run("drawdown", List.of(Fixtures.bars("X", HOUR, rows)), RiskLimits.none().withMaxDrawdown(0.05),
                Map.of(0, List.of(buy("X", 1000)), 4, List.of(buy("X", 10))));

        List<JsonNode> states = Fixtures.journal(files, "TradingStateChanged");
        assertThat(states).singleElement().satisfies(s -> {
            assertThat(s.path("state").asText()).isEqualTo("HALTED");
            assertThat(s.path("reason").asText()).isEqualTo("drawdown 6.00% from the peak 100000.00 exceeds the 5.00% limit");
        });
        List<JsonNode> fills = Fixtures.journal(files, "OrderFilled");
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).path("fill").path("side").asText()).isEqualTo("SELL");
        assertThat(fills.get(1).path("fill").path("tag").asText()).isEqualTo("riskHalt");
        assertThat(fills.get(1).path("fill").path("price").asDouble()).isEqualTo(95);
        assertThat(Fixtures.journal(files, "TradeClosed")).singleElement()
                .satisfies(t -> assertThat(t.path("trade").path("exitReason").asText()).isEqualTo("risk"));
        assertThat(deniedInJournal(files)).containsExactly("trading is halted: only orders that reduce a position are allowed");
        AccountStatus s = new PaperAccounts(new PaperHome(tmp), io.tradeshell.engine.run.WallClock.SYSTEM).status("drawdown");
        assertThat(s.tradingState()).isEqualTo("HALTED");
        assertThat(s.positions()).isEmpty();
        assertThat(s.cash()).isEqualTo(100_000 - 1000 * 100 + 1000 * 95);
        assertThat(s.realizedPnl()).isEqualTo(-5000);
    }
}
