package io.tradeshell.shell.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher: two {@code tradeshell worker} processes on 127.0.0.1 and an
 * {@code optimize --cluster} that submits to them write the same files as {@code optimize} alone.
 * The launcher builds the project first if it has to.
 */
@Tag("e2e")
@Timeout(600)
class ClusterLauncherTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("tradeshell");
    private static final Duration START = Duration.ofMinutes(5);

    private final List<Process> workers = new ArrayList<>();
    private final String secret = UUID.randomUUID().toString();

    @TempDir
    Path dir;

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process p : workers) p.destroy();
        for (Process p : workers) p.waitFor();
    }

    private ProcessBuilder launcher(List<String> args, Path output) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = b.environment();
        env.put("TRADESHELL_CLUSTER_SECRET", secret);
        return b;
    }

    /** Starts a worker and waits until it says it is up; returns its address. */
    private String worker(int port, String... join) throws Exception {
        Path log = dir.resolve("worker-" + port + ".out");
        List<String> args = new ArrayList<>(List.of("worker", "--port", Integer.toString(port), "--threads", "1"));
        if (join.length > 0) args.addAll(List.of("--join", String.join(",", join)));
        Process p = launcher(args, log).start();
        workers.add(p);
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            for (String line : text.lines().toList()) {
                if (line.startsWith("worker ") && line.contains(" in cluster ")) return line.split(" ")[1];
            }
            assertThat(p.isAlive()).as("the worker ended early:%n%s", text).isTrue();
            assertThat(System.nanoTime()).as("the worker did not start:%n%s", text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String optimize(Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("optimize", "strategies/sma_crossover.groovy", "--data", "data/aapl_daily_2013.csv",
                "-p", "fast=4..20:2", "-p", "slow=10..60:5", "--constraint", "fast < slow", "--threads", "1", "--no-charts", "--out", out.toString()));
        args.addAll(List.of(more));
        Path log = dir.resolve(out.getFileName() + ".out");
        Process p = launcher(args, log).start();
        int code = p.waitFor();
        String text = Files.readString(log);
        assertThat(code).as(text).isZero();
        return text;
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    void twoWorkerProcessesAndTheSubmitterWriteTheFilesOfOneMachine() throws Exception {
        int base = 6100 + 10 * ThreadLocalRandom.current().nextInt(80);
        String a = worker(base);
        String b = worker(base + 5, a);

        String clustered = optimize(dir.resolve("cluster"), "--cluster", a + "," + b);
        optimize(dir.resolve("alone"));

        assertThat(clustered).contains("cluster  3 members").doesNotContain(secret);
        for (String log : List.of("worker-" + base + ".out", "worker-" + (base + 5) + ".out")) {
            assertThat(Files.readString(dir.resolve(log))).as("the secret printed by a worker").doesNotContain(secret);
        }
        assertThat(clustered.lines().filter(l -> l.trim().startsWith("member ")).count()).as(clustered).isEqualTo(3);
        for (String f : List.of("optimize.jsonl", "sweep.json", "best.json", "top.txt")) {
            assertThat(new String(bytes(dir.resolve("cluster").resolve(f)), StandardCharsets.UTF_8)).as(f)
                    .isEqualTo(new String(bytes(dir.resolve("alone").resolve(f)), StandardCharsets.UTF_8));
        }
    }
}
