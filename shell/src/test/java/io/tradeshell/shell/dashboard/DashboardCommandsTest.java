package io.tradeshell.shell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradeshell dashboard} and {@code paper start --dashboard} as a user starts them: the
 * first line printed is the address with its token, and what it serves is there while the
 * command runs.
 */
class DashboardCommandsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern BANNER = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:(\\d+))/\\?token=([0-9a-f]{48})");
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** What a command prints, with its first line handed over as soon as it is complete. */
    static final class FirstLine extends Writer {
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public synchronized void write(char[] c, int off, int len) {
            text.append(c, off, len);
            int nl = text.indexOf("\n");
            if (nl >= 0) first.complete(text.substring(0, nl).strip());
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    }

    /** Runs the command on a thread of its own, as the launcher would in a process. */
    private static Thread start(FirstLine out, String... args) {
        System.setProperty("tradeshell.home", ROOT.toString());
        Thread t = new Thread(() -> Main.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)), "command-under-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    @Test
    void theDashboardCommandPrintsItsAddressWithATokenFirstAndServesUntilStopped() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("paper"));
        Path run = Files.createDirectories(tmp.resolve("elsewhere/my-run"));
        Files.writeString(run.resolve("equity.jsonl"), "{\"time\":\"2020-01-01T00:00:00Z\",\"equity\":100000.0}\n");
        FirstLine out = new FirstLine();
        Thread command = start(out, "dashboard", run.toString(), "--home", home.toString());
        try {
            Matcher m = BANNER.matcher(out.first.get(60, TimeUnit.SECONDS));
            assertThat(m.matches()).as(out.text.toString()).isTrue();
            String base = m.group(1), token = m.group(3);
            assertThat(get(base + "/?token=" + token)).contains("<title>TradeShell");
            // opened on a folder outside the home and runs folders: that folder, and it alone, is reachable
            assertThat(get(base + "/api/index?token=" + token)).contains("\"focus\":\"run\"").contains("\"focusKind\":\"run\"");
            HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/api/index")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(403);
        } finally {
            command.interrupt(); // as Ctrl-C ends the process: the server closes with the command
            command.join(10_000);
        }
        assertThat(command.isAlive()).isFalse();
    }

    @Test
    void paperStartWithDashboardPrintsTheAddressFirstAndStreamsTheRunningSession() throws Exception {
        Path home = tmp.resolve("home");
        FirstLine out = new FirstLine();
        // 252 daily bars at about 20 ms each: running for a few seconds
        Thread command = start(out, "paper", "start", "watched", ROOT.resolve("strategies/sma_crossover.groovy").toString(), "--home", home.toString(),
                "--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--speed", "4000000x", "--quiet", "--no-charts", "--dashboard");
        try {
            Matcher m = BANNER.matcher(out.first.get(60, TimeUnit.SECONDS));
            assertThat(m.matches()).as(out.text.toString()).isTrue();
            String base = m.group(1), token = m.group(3);
            // the banner comes before the session has made its account: a page asks again until it has
            HttpRequest follow = HttpRequest.newBuilder(URI.create(base + "/api/stream?dir=home/paper/watched&token=" + token)).build();
            HttpResponse<java.io.InputStream> stream = http.send(follow, HttpResponse.BodyHandlers.ofInputStream());
            for (long until = System.nanoTime() + 60_000_000_000L; stream.statusCode() == 404 && System.nanoTime() < until; ) {
                Thread.sleep(100);
                stream = http.send(follow, HttpResponse.BodyHandlers.ofInputStream());
            }
            assertThat(stream.statusCode()).isEqualTo(200);
            // the dashboard runs in a process of its own: the token is in its first line only, not in its command line
            java.util.List<ProcessHandle> dashboards = ProcessHandle.current().children().filter(p -> commandLine(p).contains("--of-session")).toList();
            assertThat(dashboards).hasSize(1);
            assertThat(commandLine(dashboards.getFirst())).doesNotContain(token);
            String lastEquity = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean equity = false;
                while ((line = in.readLine()) != null) { // to the stream's end, when the session's end closes the dashboard
                    if (equity && line.startsWith("data: ")) lastEquity = line.substring("data: ".length());
                    equity = line.equals("event: equity") || (equity && !line.isEmpty());
                }
            }
            // given the session's last lines before it closed
            java.util.List<String> written = Files.readAllLines(home.resolve("paper/watched/equity.jsonl"));
            assertThat(lastEquity).as("the running session's equity lines reach a viewer, to the last").isEqualTo(written.getLast());
            command.join(120_000);
            // the session does not wait for the dashboard's drain: the dashboard ends on its own, within its grace
            dashboards.getFirst().onExit().get(10, TimeUnit.SECONDS);
            assertThat(dashboards.getFirst().isAlive()).as("the dashboard's process ends after the session").isFalse();
        } finally {
            command.join(120_000);
        }
        assertThat(out.text.toString()).contains("paper account watched  finished");
        assertThat(out.text.toString().split("\n")[0]).as("the address comes first").startsWith("dashboard: http://127.0.0.1:");
    }

    /** As the system has it (the JDK's own view leaves out a long command line). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + p.pid() + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException gone) {
            return p.info().commandLine().orElse("");
        }
    }

    @Test
    void theDashboardProcessStartsTheLaunchersMainClass() {
        assertThat(io.tradeshell.shell.app.trading.DashboardProcess.MAIN).isEqualTo(Main.class.getName());
    }
}
