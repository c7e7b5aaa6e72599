package io.tradeshell.shell.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.paper.AccountStatus;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.run.WallClock;
import io.tradeshell.shell.app.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./tradeshell paper start} in a process of its own: killed with {@code kill -9}
 * in the middle of its session, then resumed, the account must come out exactly as an
 * uninterrupted session leaves it; and operated from this process while it runs. The launcher
 * builds the project first if it has to.
 */
@Tag("e2e")
@Timeout(600)
class PaperCrashTest {
    private static final Path ROOT = PaperCommandTest.ROOT;
    private static final Path LAUNCHER = ROOT.resolve("tradeshell");
    private static final Duration START = Duration.ofMinutes(5);

    @TempDir
    Path home;

    /** A busy session: short averages, protective exits, latency, partial fills and random rejections. */
    private List<String> session(String command, String name, String speed) {
        return new ArrayList<>(List.of("paper", command, name, ROOT.resolve("strategies/sma_crossover.groovy").toString(),
                "--home", home.toString(), "--speed", speed, "--quiet", "--no-charts",
                "--param", "fast=3", "--param", "slow=8", "--stop-loss", "2", "--take-profit", "3",
                "--latency-ms", "3600000", "--volume-share", "0.0000006", "--reject-prob", "0.15", "--seed", "4"));
    }

    /** Starts the session in its own process with the launcher, slowly, and waits until it is well under way. */
    private Process startElsewhere(String name, long position, int fills) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(session("start", name, "1500000x"));
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile()).start();
        PaperAccounts accounts = new PaperAccounts(new PaperHome(home), WallClock.SYSTEM);
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            assertThat(p.isAlive()).as("the session ended early:%n%s", Files.readString(home.resolve(name + ".out"))).isTrue();
            if (Files.exists(home.resolve("paper/" + name + "/status.json"))) {
                AccountStatus s = accounts.status(name);
                if (s.feed().position() >= position && s.fills() >= fills) return p;
            }
            assertThat(System.nanoTime()).as("the session did not get going").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Starts the session in another process and kills it with kill -9 once it is well under way. */
    private AccountStatus startAndKill(String name) throws Exception {
        Process p = startElsewhere(name, 110, 4);
        PaperAccounts accounts = new PaperAccounts(new PaperHome(home), WallClock.SYSTEM);
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(p.waitFor()).isEqualTo(137);
        AccountStatus crashed = accounts.status(name);
        assertThat(crashed.state()).isEqualTo("crashed");
        assertThat(crashed.feed().position()).isBetween(110L, 251L);
        return crashed;
    }

    @Test
    void aSessionKilledMidRunIsResumedIntoExactlyTheAccountAnUninterruptedSessionLeaves() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
        AccountStatus crashed = startAndKill("crashed");

        var resumed = PaperCommandTest.run("paper", "resume", "crashed", "--home", home.toString(), "--speed", "max", "--quiet", "--no-charts");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).containsPattern("paper crashed: rebuilt the account from \\d+ journal lines; live again at feed position \\d+");

        var whole = PaperCommandTest.run(session("start", "whole", "max").toArray(new String[0]));
        assertThat(whole.exitCode()).as(whole.err()).isEqualTo(0);

        assertSameAccount("whole", "crashed");
        assertThat(crashed.fills()).isLessThan(status("whole").get("fills").asInt());
    }

    @Test
    void aTornLastLineIsReportedAndTheAccountGoesOnOnlyWhenTheRepairIsAskedFor() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
        startAndKill("torn");
        Path journal = home.resolve("paper/torn/journal.jsonl");
        int complete = Files.readAllLines(journal).size();
        Files.writeString(journal, "{\"type\":\"OrderFilled\",\"pos\":1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        String[] resume = {"paper", "resume", "torn", "--home", home.toString(), "--speed", "max", "--quiet", "--no-charts"};
        var refused = PaperCommandTest.run(resume);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("journal.jsonl line " + (complete + 1) + " is torn").contains("--repair-journal");
        assertThat(status("torn").get("problem").asText()).contains("journal line " + (complete + 1) + " is torn");

        List<String> repair = new ArrayList<>(List.of(resume));
        repair.add("--repair-journal");
        var repaired = PaperCommandTest.run(repair.toArray(new String[0]));
        assertThat(repaired.exitCode()).as(repaired.err()).isEqualTo(0);
        assertThat(repaired.out()).contains("paper torn: journal repaired: dropped torn line " + (complete + 1));
        assertThat(Files.readAllLines(journal).get(complete)).contains("\"event\":\"repaired\"");

        var whole = PaperCommandTest.run(session("start", "whole", "max").toArray(new String[0]));
        assertThat(whole.exitCode()).as(whole.err()).isEqualTo(0);
        assertSameAccount("whole", "torn");
    }

    @Test
    void aSessionRunningInAnotherProcessIsOperatedFromThisOne() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
        Process p = startElsewhere("remote", 40, 0);
        JsonNode running = status("remote");
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("pid").asLong()).isEqualTo(p.pid());

        String[] home = {"--home", this.home.toString()};
        var pause = PaperCommandTest.run(concat(new String[] {"paper", "pause", "remote"}, home));
        assertThat(pause.out().strip()).isEqualTo("trading paused: no new exposure until resumed; exits still work");
        assertThat(status("remote").get("tradingState").asText()).isEqualTo("REDUCING");
        var resume = PaperCommandTest.run(concat(new String[] {"paper", "resume", "remote"}, home));
        assertThat(resume.out().strip()).isEqualTo("trading resumed");
        var stop = PaperCommandTest.run(concat(new String[] {"paper", "stop", "remote"}, home));
        assertThat(stop.out().strip()).matches("stopping at feed position \\d+; continue with 'paper resume remote'");

        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(this.home.resolve("remote.out"))).contains("paper remote: operator: pause: trading paused")
                .contains("2013-").contains("TRADING REDUCING  paused by the operator").contains("paper remote: stopped at feed position");
        JsonNode stopped = status("remote");
        assertThat(stopped.get("state").asText()).isEqualTo("stopped");
        assertThat(stopped.get("feed").get("position").asLong()).isLessThan(252);

        var rest = PaperCommandTest.run(concat(new String[] {"paper", "resume", "remote", "--speed", "max", "--quiet", "--no-charts"}, home));
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(status("remote").get("state").asText()).isEqualTo("finished");
        assertThat(status("remote").get("feed").get("position").asLong()).isEqualTo(252);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private JsonNode status(String name) throws Exception {
        var r = PaperCommandTest.run("paper", "status", name, "--json", "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        return PaperCommandTest.JSON.readTree(r.out());
    }

    private void assertSameAccount(String expected, String actual) throws Exception {
        JsonNode a = status(expected), b = status(actual);
        assertThat(b.get("state").asText()).isEqualTo("finished");
        for (String field : List.of("cash", "equity", "realizedPnl", "unrealizedPnl", "positions", "openOrders", "fills", "feed", "tradingState")) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        assertThat(tradingLines(actual)).containsExactlyElementsOf(tradingLines(expected));
        for (String f : List.of("trades.jsonl", "fills.jsonl", "orders.jsonl", "equity.jsonl")) {
            assertThat(Files.readAllLines(home.resolve("paper/" + actual + "/" + f))).as(f)
                    .containsExactlyElementsOf(Files.readAllLines(home.resolve("paper/" + expected + "/" + f)));
        }
    }

    private List<String> tradingLines(String name) throws Exception {
        return Files.readAllLines(home.resolve("paper/" + name + "/journal.jsonl")).stream()
                .filter(l -> !l.startsWith("{\"type\":\"Session\"")).toList();
    }
}
