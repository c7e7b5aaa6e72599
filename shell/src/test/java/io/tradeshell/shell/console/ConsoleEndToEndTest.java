package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./tradeshell} in a real terminal (tmux), driven by keystrokes through a
 * research session, checking what the screen shows. It builds nothing itself: the launcher in
 * the repository's root does what it always does.
 */
@Tag("e2e")
class ConsoleEndToEndTest {
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Path LAUNCHER = SampleData.ROOT.resolve("tradeshell");
    private final String session = "tradeshell-e2e-" + ProcessHandle.current().pid();
    @TempDir Path home;
    @TempDir Path runs;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        assumeTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
        String command = "cd '" + SampleData.ROOT + "' && ./tradeshell --home '" + home + "'; echo CONSOLE-EXITED-$?; sleep 60";
        tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "50", command);
        await(s -> s.contains("tradeshell> "), START);
    }

    @AfterEach
    void stop() throws Exception {
        if (tmuxAvailable()) tmux("kill-session", "-t", session);
    }

    @Test
    void aResearchSessionFromDataToChart() throws Exception {
        assertThat(step("data load data/aapl_daily_2013.csv")).contains("aapl = AAPL: 252 bars of 1d, 2013-01-02 .. 2013-12-31");

        assertThat(step("r = rsi(aapl.close, 14)")).contains("r ==> RSI(close, 14) on AAPL: 252 values");
        String last = step("r.last()");
        assertThat(last.strip()).matches("\\d{1,3}\\.\\d+");

        Path dir = runs.resolve("sma");
        String run = step("run sma_crossover --out " + dir);
        assertThat(run).contains("SMA crossover  [backtest]", "Sharpe", "outputs  " + dir, "run #1");
        assertThat(dir.resolve("trades.jsonl")).exists();

        int trades = Files.readAllLines(dir.resolve("trades.jsonl")).size();
        String table = step("trades 1");
        assertThat(table).contains("symbol", "side", "entry", "exit", "pnl", trades + " trades,");
        assertThat(table.lines().filter(l -> l.contains("AAPL") && l.contains("LONG")).count()).isEqualTo(trades);

        String chart = step("chart 1 equity");
        Matcher path = Pattern.compile("equity chart of #1 .*?  (\\S+\\.png)").matcher(chart);
        assertThat(path.find()).as("the chart's path on screen:%n%s", chart).isTrue();
        Path png = SampleData.ROOT.resolve(path.group(1));
        assertThat(png).exists();
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(chart.lines().count()).as("a text chart under the path").isGreaterThan(8);

        // TAB completes a command's argument on the screen itself
        tmux("send-keys", "-t", session, "-l", "data desc");
        tmux("send-keys", "-t", session, "Tab");
        await(s -> lastLine(s).startsWith("tradeshell> data describe"), STEP);
        tmux("send-keys", "-t", session, "-l", "aapl");
        String described = step("");
        assertThat(described).contains("252 of 1d", "gaps", "returns");

        tmux("send-keys", "-t", session, "-l", "exit");
        tmux("send-keys", "-t", session, "Enter");
        await(s -> s.contains("CONSOLE-EXITED-0"), STEP);
    }

    /** Types a line and Enter, waits for the next prompt, returns what was printed in between. */
    private String step(String line) throws Exception {
        int before = prompts(screen());
        if (!line.isEmpty()) tmux("send-keys", "-t", session, "-l", line);
        tmux("send-keys", "-t", session, "Enter");
        String screen = await(s -> prompts(s) > before && lastLine(s).equals("tradeshell>"), STEP);
        List<String> lines = screen.lines().toList();
        int start = -1, end = -1, seen = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("tradeshell> ") || lines.get(k).equals("tradeshell>")) {
                seen++;
                if (seen == before) start = k;
                if (seen == before + 1) end = k;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = start + 1; k < end; k++) out.append(lines.get(k)).append('\n');
        return out.toString();
    }

    private static int prompts(String screen) {
        return (int) screen.lines().filter(l -> l.startsWith("tradeshell> ") || l.equals("tradeshell>")).count();
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-2000");
    }

    private String await(Predicate<String> done, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = screen();
            if (done.test(s)) return s;
            if (System.nanoTime() > end) throw new AssertionError("timed out; the screen shows:\n" + s);
            Thread.sleep(50);
        }
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !args[0].equals("kill-session")) throw new IOException(String.join(" ", command) + ": " + out);
        return out;
    }
}
