package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.run.WallClock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Operating a session that runs elsewhere, only through the account's files. */
@Timeout(60)
class PaperOperatorTest {
    @TempDir
    Path tmp;

    private RunSpec spec() {
        return Fixtures.spec(Fixtures.busy(), List.of(SyntheticBars.generate(11, 3000)), Fixtures.costs(), RiskLimits.none());
    }

    /** One-minute bars at 6000x: a bar every 10 ms of wall time. */
    private CompletableFuture<PaperSession.Outcome> startSlowly(PaperHome home, String name, RunSpec spec) throws Exception {
        SessionConfig config = Fixtures.config(name, spec, Double.NaN, Double.NaN).withSpeed(Speed.parse("6000x"));
        PaperSession session = PaperSession.start(home.account(name), config, Fixtures.script(tmp), spec, Fixtures.feed(spec),
                PaperSession.Wiring.quiet());
        return CompletableFuture.supplyAsync(session::run);
    }

    private static AccountStatus awaitPosition(PaperAccounts accounts, String name, long position) throws InterruptedException {
        for (int k = 0; k < 1000; k++) {
            if (new PaperHome(accounts.home().home()).account(name).exists() && java.nio.file.Files.exists(accounts.home().account(name).status())) {
                AccountStatus s = accounts.status(name);
                if (s.feed().position() >= position) return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the session did not reach feed position " + position);
    }

    @Test
    void aRunningSessionIsPausedResumedAndStoppedFromOutsideAndAnsweredEachTime() throws Exception {
        PaperHome home = new PaperHome(tmp);
        PaperAccounts accounts = new PaperAccounts(home, WallClock.SYSTEM);
        RunSpec spec = spec();
        var running = startSlowly(home, "ops", spec);
        AccountStatus early = awaitPosition(accounts, "ops", 50);
        assertThat(early.state()).isEqualTo("running");
        assertThat(early.pid()).isEqualTo(ProcessHandle.current().pid());

        assertThatThrownBy(() -> PaperSession.resume(home.existing("ops"), SessionConfig.read(home.existing("ops").session()), spec,
                Fixtures.feed(spec), PaperSession.Wiring.quiet(), false).run()).hasMessageContaining("already running");

        var paused = accounts.command("ops", OperatorCommand.Kind.PAUSE, 0, 5_000);
        assertThat(paused.delivered()).isTrue();
        assertThat(paused.describe("ops")).isEqualTo("trading paused: no new exposure until resumed; exits still work");
        assertThat(accounts.status("ops").tradingState()).isEqualTo("REDUCING");

        var cancel = accounts.command("ops", OperatorCommand.Kind.CANCEL, 987_654, 5_000);
        assertThat(cancel.ok()).isFalse();
        assertThat(cancel.describe("ops")).isEqualTo("order #987654 is not working");

        assertThat(accounts.command("ops", OperatorCommand.Kind.RESUME, 0, 5_000).describe("ops")).isEqualTo("trading resumed");
        assertThat(accounts.status("ops").tradingState()).isEqualTo("ACTIVE");

        var stop = accounts.command("ops", OperatorCommand.Kind.STOP, 0, 5_000);
        assertThat(stop.describe("ops")).startsWith("stopping at feed position ");
        PaperSession.Outcome outcome = running.get(20, TimeUnit.SECONDS);
        assertThat(outcome.ending()).isEqualTo("stopped");
        AccountStatus stopped = accounts.status("ops");
        assertThat(stopped.state()).isEqualTo("stopped");
        assertThat(stopped.pid()).isNull();
        assertThat(stopped.feed().position()).isLessThan(3000);

        // while it is not running a command waits in the inbox; the resumed session carries it out
        var queued = accounts.command("ops", OperatorCommand.Kind.KILL, 0, 5_000);
        assertThat(queued.delivered()).isFalse();
        assertThat(queued.describe("ops")).contains("is not running").contains("queued");
        var resumed = PaperSession.resume(home.existing("ops"), SessionConfig.read(home.existing("ops").session()).withSpeed(Speed.MAX),
                spec, Fixtures.feed(spec), PaperSession.Wiring.quiet(), false).run();
        assertThat(resumed.ending()).isEqualTo("finished");
        AccountStatus done = accounts.status("ops");
        assertThat(done.state()).isEqualTo("finished");
        assertThat(done.tradingState()).isEqualTo("HALTED");
        assertThat(done.positions()).isEmpty();
        assertThat(done.openOrders()).isEmpty();
        assertThat(done.feed().position()).isEqualTo(3000);
        assertThatThrownBy(() -> accounts.command("ops", OperatorCommand.Kind.PAUSE, 0, 1_000)).hasMessageContaining("finished its feed");
    }

    @Test
    void theStatusOfAFinishedSessionRebuiltFromItsJournalIsTheOneTheSessionLastWrote() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = spec();
        var outcome = Fixtures.start(home, "done", spec, Fixtures.config("done", spec, 3, 4), PaperSession.Wiring.quiet());
        AccountStatus written = AccountStatus.read(home.existing("done").status());
        AccountStatus rebuilt = new PaperAccounts(home, WallClock.SYSTEM).status("done");
        assertThat(written.state()).isEqualTo("finished");
        assertThat(rebuilt).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(written);
        assertThat(rebuilt.fills()).isEqualTo(outcome.result().fills().size());
        double[] equity = outcome.result().curve().equity();
        assertThat(rebuilt.equity()).isEqualTo(equity[equity.length - 1]);
    }
}
