package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.WallClock;
import io.tradeshell.engine.strategy.Strategy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch acts while a strategy's onBar does not return. */
@Timeout(60)
class KillWhileStuckTest {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path tmp;

    @Test
    void aKillReachesASessionWhoseOnBarLoopsForeverAndFlattensIt() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        // buys 10 at bar 1's close (filled at bar 2's open, 102); at bar 4 onBar loops until interrupted,
        // as a script's while (true) { } does under the interrupt transform
        var strategy = Fixtures.factory("stuck", ctx -> new Strategy() {
            public void onBar(int i) {
                if (i == 1) ctx.submit(OrderRequest.market(ctx.symbol(), Side.BUY, 10, "buy"));
                if (i == 4) {
                    stuck.countDown();
                    while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
                    throw new IllegalStateException("interrupted");
                }
            }

            public int warmupBars() { return 0; }
        });
        double[][] rows = new double[8][];
        for (int i = 0; i < rows.length; i++) rows[i] = Fixtures.flat(100 + i);
        BarSeries x = Fixtures.bars("X", HOUR, rows);
        RunSpec spec = Fixtures.spec(strategy, List.of(x), Fixtures.frictionless(), RiskLimits.none());
        PaperHome home = new PaperHome(tmp);
        PaperSession session = PaperSession.start(home.account("stuck"), Fixtures.config("stuck", spec, Double.NaN, Double.NaN),
                Fixtures.script(tmp), spec, Fixtures.feed(spec), PaperSession.Wiring.quiet());
        CompletableFuture<PaperSession.Outcome> running = CompletableFuture.supplyAsync(session::run);
        assertThat(stuck.await(20, TimeUnit.SECONDS)).isTrue();

        PaperAccounts accounts = new PaperAccounts(home, WallClock.SYSTEM);
        var kill = accounts.command("stuck", OperatorCommand.Kind.KILL, 0, 20_000);
        assertThat(kill.reply()).isPresent();
        assertThat(kill.describe("stuck")).isEqualTo("kill switch: trading halted; 0 order(s) cancelled, 1 position(s) closing at market;"
                + " the strategy, stuck in onBar, was interrupted and switched off");

        PaperSession.Outcome outcome = running.get(20, TimeUnit.SECONDS);
        // the flattening sale fills at bar 5's open, 105; the strategy runs no more
        assertThat(outcome.result().fills()).extracting(f -> f.side() + " " + f.qty() + " @ " + f.price() + " " + f.tag())
                .containsExactly("BUY 10.0 @ 102.0 buy", "SELL 10.0 @ 105.0 operatorKill");
        assertThat(outcome.result().openPositions()).isEmpty();
        AccountStatus s = accounts.status("stuck");
        assertThat(s.tradingState()).isEqualTo("HALTED");
        assertThat(s.positions()).isEmpty();
        assertThat(s.cash()).isEqualTo(100_000 - 1020 + 1050);

        List<JsonNode> commands = Fixtures.journal(home.existing("stuck"), "Command");
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.path("command").asText()).isEqualTo("kill");
            assertThat(c.path("interruptedStrategy").asBoolean()).isTrue();
        });
        assertThat(Fixtures.journal(home.existing("stuck"), "TradingStateChanged")).singleElement()
                .satisfies(t -> assertThat(t.path("state").asText()).isEqualTo("HALTED"));
        // a replay would stick at the same bar: resuming is refused with the reason
        assertThatThrownBy(() -> PaperSession.resume(home.existing("stuck"), SessionConfig.read(home.existing("stuck").session()), spec,
                Fixtures.feed(spec), PaperSession.Wiring.quiet(), false).run())
                .hasMessageContaining("was killed while its strategy was stuck in onBar");
    }
}
