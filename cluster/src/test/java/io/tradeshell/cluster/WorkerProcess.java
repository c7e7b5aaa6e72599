package io.tradeshell.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker in a process of its own, for the test that kills one with SIGKILL:
 * {@code WorkerProcess PORT [JOIN,...]}, the secret in {@link ClusterSettings#SECRET_VARIABLE}.
 * It prints {@code up HOST:PORT} once it is a member.
 */
public final class WorkerProcess {
    private WorkerProcess() { }

    public static void main(String[] args) throws InterruptedException {
        List<String> join = args.length > 1 ? ClusterSettings.members(args[1]) : List.of();
        ClusterSettings s = new ClusterSettings("tradeshell-test", ClusterSettings.secretFromEnvironment(), "127.0.0.1", Integer.parseInt(args[0]),
                join, 1, ClusterSweepTest.ROOT);
        PrintWriter out = new PrintWriter(System.out, true);
        ClusterWorker w = ClusterWorker.start(s, out);
        out.println("up " + w.address());
        w.awaitShutdown();
    }

    /** Starts one on {@code port}, joining {@code join}, and waits until it is up; its output goes to {@code log}. */
    static Started start(int port, String join, String secret, Path log) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // the add-opens Hazelcast wants, as this JVM was given them
        List<String> mine = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < mine.size(); i++) {
            String a = mine.get(i);
            if (a.startsWith("--add-opens") || a.startsWith("--add-exports")) {
                command.add(a);
                if (!a.contains("=") && i + 1 < mine.size()) command.add(mine.get(++i));
            }
        }
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(),
                Integer.toString(port)));
        if (join != null) command.add(join);
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put(ClusterSettings.SECRET_VARIABLE, secret);
        Process p = b.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String text = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
            for (String line : text.lines().toList()) {
                if (line.startsWith("up ")) return new Started(p, line.substring(3).trim());
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("the worker process did not start:\n" + text);
            }
            Thread.sleep(50);
        }
    }

    record Started(Process process, String address) { }
}
