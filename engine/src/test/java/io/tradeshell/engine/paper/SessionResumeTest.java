package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.journal.JournalException;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.RunSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionResumeTest {
    @TempDir
    Path tmp;

    private final BarSeries bars = SyntheticBars.generate(7, 1500);

    /** Latency of 90 s on 1-minute bars, 5% of a bar's volume per fill, 10% random rejections. */
    private RunSpec realistic() {
        return Fixtures.spec(Fixtures.busy(), List.of(bars), Fixtures.costs().withRealism(90_000, 0.02, 0.1, 42),
                RiskLimits.none().withMaxPositionPct(0.5));
    }

    /** Throws at the n-th fill the console hears, after the journal has it: the process dying mid-session. */
    private static PaperSession.Wiring crashAtFill(int n) {
        int[] fills = {0};
        return PaperSession.Wiring.quiet().withConsole(e -> {
            if (e instanceof TradingEvent.OrderFilled && ++fills[0] == n) throw new IllegalStateException("simulated crash");
        });
    }

    @Test
    void resumeAfterACrashRebuildsExactlyTheUninterruptedAccount() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        var whole = Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, 2, 3), PaperSession.Wiring.quiet());
        assertThat(whole.result().fills().size()).as("the scenario must trade").isGreaterThan(40);

        assertThatThrownBy(() -> Fixtures.start(home, "crashed", spec, Fixtures.config("crashed", spec, 2, 3), crashAtFill(20)))
                .hasMessageContaining("simulated crash");
        PaperAccounts accounts = new PaperAccounts(home, io.tradeshell.engine.run.WallClock.SYSTEM);
        assertThat(accounts.status("crashed").state()).isEqualTo("crashed");
        assertThat(accounts.status("crashed").fills()).isEqualTo(20);

        var resumed = Fixtures.resume(home, "crashed", spec, PaperSession.Wiring.quiet(), false);

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.replayedLines()).isGreaterThan(20);
        assertSameAccount(home, "whole", "crashed");
    }

    @Test
    void aSecondCrashDuringTheResumeIsResumedToo() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, 2, 3), PaperSession.Wiring.quiet());
        assertThatThrownBy(() -> Fixtures.start(home, "twice", spec, Fixtures.config("twice", spec, 2, 3), crashAtFill(10)))
                .hasMessageContaining("simulated crash");
        assertThatThrownBy(() -> Fixtures.resume(home, "twice", spec, crashAtFill(15), false)).hasMessageContaining("simulated crash");
        Fixtures.resume(home, "twice", spec, PaperSession.Wiring.quiet(), false);
        assertSameAccount(home, "whole", "twice");
    }

    @Test
    void aTornLastLineIsRefusedWithItsLineNumberAndDroppedOnlyWhenAsked() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, 2, 3), PaperSession.Wiring.quiet());
        assertThatThrownBy(() -> Fixtures.start(home, "torn", spec, Fixtures.config("torn", spec, 2, 3), crashAtFill(25)))
                .hasMessageContaining("simulated crash");
        AccountFiles files = home.existing("torn");
        int complete = Files.readAllLines(files.journal()).size();
        Files.writeString(files.journal(), "{\"type\":\"OrderFilled\",\"pos\":9", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Fixtures.resume(home, "torn", spec, PaperSession.Wiring.quiet(), false))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("line " + (complete + 1) + " is torn")
                .hasMessageContaining("--repair-journal");
        assertThat(new PaperAccounts(home, io.tradeshell.engine.run.WallClock.SYSTEM).status("torn").problem())
                .contains("journal line " + (complete + 1) + " is torn");

        Fixtures.resume(home, "torn", spec, PaperSession.Wiring.quiet(), true);

        List<String> journal = Files.readAllLines(files.journal());
        assertThat(journal.get(complete)).startsWith("{\"type\":\"Session\"").contains("\"event\":\"repaired\"")
                .contains("dropped torn line " + (complete + 1));
        assertSameAccount(home, "whole", "torn");
    }

    @Test
    void aJournalTheReplayDoesNotReproduceStopsAtTheFirstDifferentLine() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        assertThatThrownBy(() -> Fixtures.start(home, "a", spec, Fixtures.config("a", spec, 2, 3), crashAtFill(10)))
                .hasMessageContaining("simulated crash");
        RunSpec otherData = Fixtures.spec(Fixtures.busy(), List.of(SyntheticBars.generate(8, 1500)), spec.execution(), spec.risk());

        assertThatThrownBy(() -> Fixtures.resume(home, "a", otherData, PaperSession.Wiring.quiet(), false))
                .isInstanceOf(JournalException.class)
                .satisfies(e -> assertThat(((JournalException) e).kind()).isEqualTo(JournalException.Kind.MISMATCH))
                .hasMessageContaining("does not match the replay");
    }

    @Test
    void operatorCommandsAreReplayedAtTheFeedPositionsTheJournalRecorded() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        Set<Long> sentAt = ConcurrentHashMap.newKeySet();
        var whole = Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, 2, 3), withCommands(home, "whole", ConcurrentHashMap.newKeySet()));
        assertThat(whole.ending()).isEqualTo("finished");
        assertThatThrownBy(() -> Fixtures.start(home, "ops", spec, Fixtures.config("ops", spec, 2, 3),
                withCommands(home, "ops", sentAt).withConsole(crashAtFill(30).console())))
                .hasMessageContaining("simulated crash");
        assertThat(sentAt).as("some commands were carried out before the crash").isNotEmpty();
        Fixtures.resume(home, "ops", spec, withCommands(home, "ops", sentAt), false);

        List<String> journal = Fixtures.tradingLines(home.existing("ops"));
        assertThat(journal.stream().filter(l -> l.startsWith("{\"type\":\"Command\""))).hasSize(5);
        assertThat(journal).anySatisfy(l -> assertThat(l).contains("\"reason\":\"paused by the operator\""));
        assertThat(journal).anySatisfy(l -> assertThat(l).contains("\"reason\":\"kill switch pulled by the operator\""));
        assertSameAccount(home, "whole", "ops");
    }

    @Test
    void aCommandJournaledJustBeforeACrashIsCarriedOutOnceAfterTheResume() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = realistic();
        Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, 2, 3), withCommands(home, "whole", ConcurrentHashMap.newKeySet()));
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        // dies after the flatten is journaled and carried out, before its file leaves the inbox
        var dying = withCommands(home, "once", sent).withLog(m -> {
            if (m.startsWith("operator: flatten")) throw new IllegalStateException("simulated crash");
        });
        assertThatThrownBy(() -> Fixtures.start(home, "once", spec, Fixtures.config("once", spec, 2, 3), dying))
                .hasMessageContaining("simulated crash");
        assertThat(new CommandInbox(home.existing("once")).waiting()).isEqualTo(1);
        List<String> log = new java.util.ArrayList<>();
        Fixtures.resume(home, "once", spec, withCommands(home, "once", sent).withLog(log::add), false);

        assertThat(new CommandInbox(home.existing("once")).waiting()).isZero();
        assertThat(log).noneMatch(m -> m.startsWith("operator: flatten"));
        assertThat(Fixtures.tradingLines(home.existing("once")).stream().filter(l -> l.contains("\"command\":\"flatten\""))).hasSize(1);
        assertSameAccount(home, "whole", "once");
    }

    /**
     * Drops operator commands into the session's inbox when the feed reaches given positions,
     * each once; {@code sent} remembers them across a crash and a resume.
     */
    private static PaperSession.Wiring withCommands(PaperHome home, String name, Set<Long> sent) {
        Set<Long> done = sent;
        CommandInbox inbox = new CommandInbox(home.account(name));
        long[][] plan = {{200, 3}, {300, 4}, {500, 1}, {700, 0}, {1200, 2}}; // position, command
        var wiring = new PaperSession.Wiring(io.tradeshell.engine.run.WallClock.SYSTEM, e -> { }, e -> { }, s -> {
            for (long[] p : plan) {
                if (s.feedPosition() == p[0] && done.add(p[0])) {
                    var kind = switch ((int) p[1]) {
                        case 0 -> OperatorCommand.Kind.CANCEL;
                        case 1 -> OperatorCommand.Kind.FLATTEN;
                        case 2 -> OperatorCommand.Kind.KILL;
                        case 3 -> OperatorCommand.Kind.PAUSE;
                        default -> OperatorCommand.Kind.RESUME;
                    };
                    long orderId = s.openOrders().isEmpty() ? 999_999 : s.openOrders().get(0).id();
                    inbox.send(kind, orderId, io.tradeshell.engine.run.WallClock.SYSTEM);
                }
            }
        }, m -> { }, () -> false, 0, 0);
        return wiring;
    }

    private static void assertSameAccount(PaperHome home, String expected, String actual) throws Exception {
        AccountFiles a = home.existing(expected), b = home.existing(actual);
        assertThat(Fixtures.tradingLines(b)).containsExactlyElementsOf(Fixtures.tradingLines(a));
        for (String f : List.of("trades.jsonl", "fills.jsonl", "orders.jsonl", "equity.jsonl", "events.jsonl")) {
            assertThat(Files.readAllLines(b.dir().resolve(f))).as(f).containsExactlyElementsOf(Files.readAllLines(a.dir().resolve(f)));
        }
        PaperAccounts accounts = new PaperAccounts(home, io.tradeshell.engine.run.WallClock.SYSTEM);
        AccountStatus sa = accounts.status(expected), sb = accounts.status(actual);
        assertThat(sb.state()).isEqualTo("finished");
        assertThat(sb.cash()).isEqualTo(sa.cash());
        assertThat(sb.equity()).isEqualTo(sa.equity());
        assertThat(sb.realizedPnl()).isEqualTo(sa.realizedPnl());
        assertThat(sb.positions()).isEqualTo(sa.positions());
        assertThat(sb.openOrders()).isEqualTo(sa.openOrders());
        assertThat(sb.fills()).isEqualTo(sa.fills());
        assertThat(sb.feed()).isEqualTo(sa.feed());
    }
}
