package io.tradeshell.shell.app.trading;

import io.tradeshell.dashboard.Dashboard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard of {@code paper start --dashboard}, served by a process of its own at a lower
 * priority: it only tails the account's files (and operator buttons go through the account's
 * command inbox), so nothing needs it in the trading process, where every allocation it made
 * paused the trading thread for a young collection and its code competed for the compiler and
 * the caches. It is the {@code dashboard} command in the same JDK and class path; its first line,
 * the address with the access token, is handed over as it came and nowhere else.
 */
public final class DashboardProcess implements AutoCloseable {
    /** The launcher's main class (a name: the shell's root package depends on this one, not back). */
    public static final String MAIN = "io.tradeshell.shell.Main";

    private final Process process;
    private final CompletableFuture<String> banner;
    private boolean shown;

    private DashboardProcess(Process process, CompletableFuture<String> banner) {
        this.process = process;
        this.banner = banner;
    }

    /**
     * Starts the dashboard over {@code home}, opened on paper account {@code account} (which the
     * session may not have made yet). It returns at once: the session prepares while the
     * dashboard's process starts, and {@link #printBanner} waits for its address.
     *
     * @param port 0 for any free port
     */
    public static DashboardProcess start(Path home, String account, int port) {
        ProcessBuilder pb = new ProcessBuilder(command(home, account, port)).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dashboard's process: " + e.getMessage(), e);
        }
        CompletableFuture<String> banner = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("dashboard-output").start(() -> read(p, port, banner));
        return new DashboardProcess(p, banner);
    }

    /** Hands over the first line, then reads the rest, so that the child never blocks on a full pipe. */
    private static void read(Process p, int port, CompletableFuture<String> banner) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            if (first == null || !first.startsWith("dashboard: ")) {
                // the child's own one-line error says what went wrong (a port in use, say); the parent says it once
                String why = first == null ? "cannot start the dashboard on port " + port + ": its process ended without a word"
                        : first.replaceFirst("^error: (I/O error: )?", "");
                banner.completeExceptionally(new UncheckedIOException(why, new IOException(why)));
            }
            banner.complete(first);
            while (out.readLine() != null) { } // nothing after the banner is meant for the user
        } catch (IOException gone) {
            banner.completeExceptionally(new UncheckedIOException("the dashboard's process ended: " + gone.getMessage(), gone));
        }
    }

    /** The child's command line: no secret in it, the token is made by the child. */
    static List<String> command(Path home, String account, int port) {
        List<String> cmd = new ArrayList<>();
        // a session of its own, so a Ctrl-C at the terminal reaches the trading session, which then
        // closes the dashboard in order (open pages get their last lines), and not the dashboard at once
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) cmd.add("/usr/bin/setsid");
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) {
                cmd.addAll(List.of(nice, "-n", "10"));
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // light work: a small heap, the serial collector and the quick compiler only
        cmd.addAll(List.of("-Xmx512m", "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        String tradeshellHome = System.getProperty("tradeshell.home");
        if (tradeshellHome != null) cmd.add("-Dtradeshell.home=" + tradeshellHome);
        // under a test runner this may be a jar whose manifest lists the class path: java follows it
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(List.of("dashboard", "--of-session", "--paper=" + account, "--home=" + home, "--port=" + port));
        return cmd;
    }

    /** Prints its address as {@code out}'s first line, once, waiting for the process to print it. */
    public synchronized void printBanner(PrintWriter out) {
        if (shown) return;
        try {
            out.println(banner.join());
        } catch (CompletionException e) {
            process.destroyForcibly();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        out.flush();
        shown = true;
    }

    /** {@code out}, with the address printed before whatever is written to it first. */
    public PrintWriter bannerFirst(PrintWriter out) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                printBanner(out);
                out.write(c, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.close();
            }
        }, true);
    }

    /**
     * Ends the dashboard: its input closes, so it gives open pages their last lines and exits on
     * its own. The session does not wait for that (the drain is the viewers' time, not trading's);
     * a dashboard still there after its grace is ended from a daemon thread.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroyForcibly();
            return;
        }
        Thread.ofPlatform().daemon().name("dashboard-reaper").start(() -> {
            try {
                if (process.waitFor(Dashboard.DRAIN_MILLIS + 3_000, TimeUnit.MILLISECONDS)) return;
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        });
    }
}
