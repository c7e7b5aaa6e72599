package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A headless sweep or walk-forward in its own JVM, stopped by Ctrl-C's signal, then resumed to the end. */
@Tag("e2e")
@Timeout(300)
class OptimizeInterruptTest {
    // onBar makes every combination its own backtest, so the sweep is slow enough to stop halfway
    private static final List<String> SWEEP = List.of("optimize", path("strategies/channel_long_short.groovy"),
            "--data", path("data/aapl_daily_2013.csv"), "-p", "length=5..64", "-p", "percent=10..30:10", "--threads", "1", "--no-charts");
    private static final List<String> WALK = List.of("walkforward", path("strategies/channel_long_short.groovy"),
            "--data", path("data/aapl_daily_2013.csv"), "-p", "length=5..40", "-p", "percent=10..30:10", "--train", "6m", "--test", "1m",
            "--threads", "1", "--no-charts");

    @Test
    void ctrlCSaysHowFarItGotAndResumeFinishesTheSweep(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt"), sweep = dir.resolve("sweep"), rows = sweep.resolve("optimize.jsonl");
        Process p = start(SWEEP, sweep, out);
        while (!Files.exists(rows) || Files.readAllLines(rows).size() < 3) {
            assertThat(p.isAlive()).as("the sweep ended early:%n%s", Files.readString(out)).isTrue();
            Thread.sleep(20);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String printed = Files.readString(out);
        int kept = Files.readAllLines(rows).size();
        assertThat(p.exitValue()).as(printed).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(printed).contains(String.format("interrupted after %d of 180 combinations; rerun with --resume", kept))
                .doesNotContain("error", "Shutdown in progress");
        assertThat(Files.readString(rows)).endsWith("\n");

        Process again = start(SWEEP, sweep, out, "--resume");
        assertThat(again.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains(String.format("%d resumed from", kept));
        assertThat(Files.readAllLines(rows)).hasSize(180);
    }

    @Test
    void ctrlCStopsAWalkForwardBetweenCombinationsAndResumeEndsWhereAnUnbrokenWalkEnds(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt"), walk = dir.resolve("walk"), whole = dir.resolve("whole");
        Process unbroken = start(WALK, whole, dir.resolve("whole.txt"));
        assertThat(unbroken.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(unbroken.exitValue()).as(Files.readString(dir.resolve("whole.txt"))).isZero();
        List<String> windows = Files.readAllLines(whole.resolve("windows.jsonl"));

        Process p = start(WALK, walk, out);
        Path secondWindow = walk.resolve("window-002/optimize.jsonl");
        while (!Files.exists(secondWindow) || Files.readAllLines(secondWindow).size() < 3) {
            assertThat(p.isAlive()).as("the walk ended early:%n%s", Files.readString(out)).isTrue();
            Thread.sleep(20);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(printed).isEqualTo(ExitCode.INTERRUPTED);
        int finished = Files.readAllLines(walk.resolve("windows.jsonl")).size();
        assertThat(finished).isLessThan(windows.size());
        assertThat(printed).contains(String.format("interrupted after %d of %d windows; rerun with --resume", finished, windows.size()))
                .doesNotContain("error", "Shutdown in progress");

        Process again = start(WALK, walk, out, "--resume");
        assertThat(again.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readAllLines(walk.resolve("windows.jsonl"))).isEqualTo(windows);
    }

    private static Process start(List<String> args, Path sweep, Path out, String... more) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-Dtradeshell.home=" + CliTestSupport.ROOT,
                "-cp", System.getProperty("java.class.path"), "io.tradeshell.shell.Main"));
        command.addAll(args);
        command.addAll(List.of("--out", sweep.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }
}
