package io.tradeshell.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.Constraint;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.StrategyBinder;
import io.tradeshell.engine.optimize.SweepJournal;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepProgress;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.ExitPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in this JVM (two workers and the submitter, on 127.0.0.1): a sweep's files must
 * be byte for byte those of the same sweep on one machine, with every member taking part, when
 * a member leaves mid-sweep and when one joins; a member whose data differs is refused.
 */
class ClusterSweepTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve("strategies/sma_crossover.groovy");
    static final Path DATA = ROOT.resolve("data/aapl_daily_2013.csv");

    private final List<AutoCloseable> open = new ArrayList<>();
    private final String secret = UUID.randomUUID().toString();

    @TempDir
    Path dir;

    @AfterEach
    void leave() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    /** The request the optimize command builds, made here from engine and DSL calls only. */
    static OptimizeRequest request(Path script, String... params) {
        return request(script, DATA, params);
    }

    static OptimizeRequest request(Path script, Path file, String... params) {
        CompiledScript compiled = StrategyCompiler.of(false).compile(script);
        LoadedSeries loaded = MarketData.load(file, LoadOptions.defaults());
        List<DataInput> data = List.of(new DataInput(loaded.series(), file.toString(), loaded.sha256()));
        RunSpec base = new RunSpec(script.toString(), compiled.withParams(Map.of()), data, ExecutionSettings.defaults(), 100_000,
                RiskLimits.none(), 1, ExitPlan.NONE);
        StrategyBinder binder = StrategyBinder.of(compiled.fileName(), compiled.defaults(), Digests.sha256(bytes(script)), compiled::withParams);
        return OptimizeRequest.of(base, binder, ParamSpace.parse(List.of(params))).withConstraint(Constraint.parse("fast < slow")).withThreads(2);
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ClusterSettings settings(int port, List<String> join) {
        return new ClusterSettings("tradeshell-test", secret, "127.0.0.1", port, join, 1, ROOT);
    }

    private ClusterWorker worker(int port, List<String> join) {
        ClusterWorker w = ClusterWorker.start(settings(port, join), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        open.add(w);
        return w;
    }

    private ClusterSweeps submitter(List<String> join) {
        return submitter(join, 3);
    }

    private ClusterSweeps submitter(List<String> join, int batch) {
        return submitter(join, batch, SCRIPT);
    }

    private ClusterSweeps submitter(List<String> join, int batch, Path script) {
        ClusterSweeps s = ClusterSweeps.join(settings(5901, join).withName("tradeshell-test"),
                new ScriptSource(script.getFileName().toString(), script.toString(), bytes(script), Duration.ofSeconds(1))).withMaxBatch(batch);
        open.add(s);
        return s;
    }

    private static Path alone(OptimizeRequest r, Path out) {
        Optimizer.run(r.withOut(out));
        return out;
    }

    private static void assertSameFiles(Path expected, Path actual) {
        for (String f : List.of(SweepJournal.ROWS, SweepJournal.DEFINITION, SweepJournal.BEST)) {
            assertThat(actual.resolve(f)).as(f).hasBinaryContent(bytes(expected.resolve(f)));
        }
    }

    @Test
    void aSweepOnThreeMembersWritesTheBytesOfOneMachine() {
        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        Path one = alone(r, dir.resolve("one"));
        ClusterWorker a = worker(5801, List.of());
        ClusterWorker b = worker(5811, List.of(a.address()));
        ClusterSweeps cluster = submitter(List.of(a.address(), b.address()));
        assertThat(cluster.members()).isEqualTo(3);

        Path out = dir.resolve("cluster");
        CombinationPlan plan = Optimizer.plan(r);
        Optimizer.run(r.withOut(out), plan, SweepListener.NONE, cluster);

        assertSameFiles(one, out);
        assertThat(cluster.shares()).hasSize(3).allSatisfy(s -> assertThat(s.combinations()).isPositive());
        assertThat(cluster.shares().stream().mapToLong(MemberShare::combinations).sum()).isEqualTo(plan.size());
        assertThat(a.combinations() + b.combinations()).isPositive();
    }

    @Test
    void aMemberShutDownMidSweepLosesNothing() {
        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        Path one = alone(r, dir.resolve("one"));
        ClusterWorker a = worker(5821, List.of());
        ClusterWorker b = worker(5831, List.of(a.address()));
        ClusterSweeps cluster = submitter(List.of(a.address(), b.address()));
        AtomicBoolean left = new AtomicBoolean();
        SweepListener shutDownB = new SweepListener() {
            @Override
            public void onRow(SweepProgress progress, SweepRow row) {
                // b surely holds batches now: every member is kept busy while work waits
                if (progress.done() == 12 && left.compareAndSet(false, true)) b.close();
            }
        };
        Path out = dir.resolve("cluster");
        Optimizer.run(r.withOut(out), Optimizer.plan(r), shutDownB, cluster);

        assertThat(left).isTrue();
        assertThat(cluster.members()).isEqualTo(2);
        assertSameFiles(one, out);
    }

    @Test
    void aWorkerProcessKilledMidSweepLosesNothing() throws Exception {
        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        Path one = alone(r, dir.resolve("one"));
        // the first member (the cluster's master) is a process of its own, killed with SIGKILL mid-sweep
        WorkerProcess.Started first = WorkerProcess.start(5941, null, secret, dir.resolve("worker.out"));
        open.add(() -> first.process().destroyForcibly().waitFor());
        ClusterWorker a = worker(5951, List.of(first.address()));
        ClusterSweeps cluster = submitter(List.of(first.address(), a.address()));
        assertThat(cluster.members()).isEqualTo(3);
        // as soon as the process holds batches it has not sent back, it dies: they must run elsewhere
        AtomicBoolean killed = new AtomicBoolean();
        Thread killer = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (cluster.heldBy(first.address()) == 0) Thread.sleep(5);
                first.process().destroyForcibly().waitFor();
                killed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path out = dir.resolve("cluster");
        Optimizer.run(r.withOut(out), Optimizer.plan(r), SweepListener.NONE, cluster);
        killer.interrupt();
        killer.join();

        assertThat(killed).as("the worker process was never given a batch").isTrue();
        assertThat(first.process().exitValue()).isEqualTo(137); // 128 + SIGKILL
        assertThat(cluster.resent()).as("batches sent again after the kill").isPositive();
        assertThat(cluster.members()).isEqualTo(2);
        assertThat(a.combinations()).isPositive();
        assertSameFiles(one, out);
    }

    @Test
    void aStoppedSweepCancelsTheBatchesItHasOutOnMembers() throws Exception {
        // nine years of 4-hour bars, eight combinations a batch, each combination on its own (an onBar block keeps
        // the sweep off the one-pass path): a batch outlasts the stop's round trip
        Path script = java.nio.file.Files.writeString(dir.resolve("sma_each_alone.groovy"), java.nio.file.Files.readString(SCRIPT) + "\nonBar { }\n");
        OptimizeRequest r = request(script, ROOT.resolve("data/btcusd_coinbase_4h_2016-2025.json"), "fast=4..20:2", "slow=10..60:5");
        ClusterWorker a = worker(5961, List.of());
        ClusterSweeps cluster = submitter(List.of(a.address()), 8, script);
        int[] heldByA = new int[1];
        SweepListener stopAt20 = new SweepListener() {
            private int rows;

            @Override
            public void onRow(SweepProgress progress, SweepRow row) {
                rows = progress.done();
                heldByA[0] = cluster.heldBy(a.address());
            }

            @Override
            public boolean stopRequested() {
                return rows >= 20;
            }
        };
        Path out = dir.resolve("cluster");
        assertThat(Optimizer.run(r.withOut(out), Optimizer.plan(r), stopAt20, cluster).stoppedEarly()).isTrue();

        assertThat(heldByA[0]).as("the worker held batches when the sweep stopped").isPositive();
        assertThat(cluster.cancelled()).as("batches cancelled by the submitter").isPositive();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (a.busy() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(a.busy()).as("batches still running on the worker").isZero();
        assertThat(a.cancelled()).as("batches the worker dropped rather than ran for nobody").isPositive();
        long ran = a.combinations();
        Thread.sleep(300);
        assertThat(a.combinations()).as("the worker ran nothing after the stop").isEqualTo(ran);
        assertThat(SweepJournal.read(out.resolve(SweepJournal.ROWS))).hasSizeLessThan(Optimizer.plan(r).size());
    }

    @Test
    void aMemberRefusesATaskSignedWithAnotherSecretAndRunsScriptsOnlyInTheSandbox() {
        OptimizeRequest r = request(SCRIPT, "fast=4..8:2", "slow=10..20:5");
        CombinationPlan plan = Optimizer.plan(r);
        SweepSpec good = SweepSpec.of(r, plan, new ScriptSource(SCRIPT.getFileName().toString(), SCRIPT.toString(), bytes(SCRIPT), Duration.ofSeconds(1)));
        SweepMember member = new SweepMember(secret, ROOT);

        BatchOutcome forged = member.run(new SweepTask(good.encode(), new int[] {0}, "another secret", "owner"));
        assertThat(forged.kind()).isEqualTo(BatchOutcome.Kind.REFUSED);
        assertThat(forged.message()).contains("not signed with this cluster's secret");
        assertThat(Members.clusterName(settings(1, List.of()))).isNotEqualTo(Members.clusterName(settings(1, List.of()).withSecret("another secret")))
                .doesNotContain(secret);

        // a task signed with the secret, as a submitter run with --trust would send: the member still compiles in the sandbox
        byte[] evil = "params fast: 10, slow: 30\nSystem.exit(0)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SweepSpec escaping = new SweepSpec(new ScriptSource("evil.groovy", "evil.groovy", evil, Duration.ofSeconds(1)), Digests.sha256(evil),
                good.data(), good.execution(), good.cash(), good.risk(), good.lotSize(), good.exits(), good.params(), good.constraint(),
                good.search(), good.planSize());
        BatchOutcome refused = member.run(new SweepTask(escaping.encode(), new int[] {0}, secret, "owner"));
        assertThat(refused.kind()).isEqualTo(BatchOutcome.Kind.REFUSED);
        assertThat(refused.message()).contains("java.lang.System is not allowed");

        // script bytes that are not the ones the sweep's hash names
        SweepSpec swapped = new SweepSpec(escaping.script(), good.scriptSha256(), good.data(), good.execution(), good.cash(), good.risk(),
                good.lotSize(), good.exits(), good.params(), good.constraint(), good.search(), good.planSize());
        BatchOutcome other = member.run(new SweepTask(swapped.encode(), new int[] {0}, secret, "owner"));
        assertThat(other.kind()).isEqualTo(BatchOutcome.Kind.REFUSED);
        assertThat(other.message()).contains("refusing to run another script");
    }

    @Test
    void aMemberDropsTheBatchesOfASubmitterThatLeft() {
        OptimizeRequest r = request(SCRIPT, "fast=4..8:2", "slow=10..20:5");
        SweepSpec spec = SweepSpec.of(r, Optimizer.plan(r), new ScriptSource(SCRIPT.getFileName().toString(), SCRIPT.toString(), bytes(SCRIPT),
                Duration.ofSeconds(1)));
        SweepMember member = new SweepMember(secret, ROOT);
        member.attach("127.0.0.1:1", sha -> null, () -> true, owner -> !owner.equals("gone"));

        assertThat(member.run(new SweepTask(spec.encode(), new int[] {0, 1}, secret, "gone")).kind()).isEqualTo(BatchOutcome.Kind.ABANDONED);
        assertThat(member.givenUp()).isEqualTo(1);
        assertThat(member.combinations()).isZero();
        assertThat(member.run(new SweepTask(spec.encode(), new int[] {0, 1}, secret, "here")).kind()).isEqualTo(BatchOutcome.Kind.ROWS);
        assertThat(member.combinations()).isEqualTo(2);
    }

    @Test
    void clusterSettingsRefuseBadOptionsInOneLineAndNeverShowTheSecret() {
        ClusterSettings s = settings(5701, List.of());
        assertThat(s.toString()).doesNotContain(secret).contains("secret=(set)");
        assertThatThrownBy(() -> s.withPort(0)).hasMessage("--port must be 1..65535, got 0");
        assertThatThrownBy(() -> s.withBind("0.0.0.0")).hasMessage("--bind takes one address of this machine, not 0.0.0.0");
        assertThatThrownBy(() -> s.withBind("192.0.2.1")).hasMessage("--bind 192.0.2.1: not an address of this machine");
        assertThatThrownBy(() -> ClusterSettings.members("127.0.0.1")).hasMessage("a member is HOST:PORT, got '127.0.0.1'");
        assertThatThrownBy(() -> ClusterSettings.members("127.0.0.1:70000")).hasMessage("a member is HOST:PORT, got '127.0.0.1:70000'");
        assertThatThrownBy(() -> ClusterSettings.members(" , ")).hasMessageStartingWith("--cluster needs at least one member");
        for (String bad : List.of("0.0.0.0", "192.0.2.1")) {
            assertThatThrownBy(() -> s.withBind(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(secret));
        }
    }

    @Test
    void aSweepStoppedPartWayResumesOnTheClusterToTheSameBytes() {
        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        Path one = alone(r, dir.resolve("one"));
        ClusterWorker a = worker(5881, List.of());
        ClusterSweeps cluster = submitter(List.of(a.address()));
        Path out = dir.resolve("cluster");
        SweepListener stopAt20 = new SweepListener() {
            private int rows;

            @Override
            public void onRow(SweepProgress progress, SweepRow row) {
                rows = progress.done();
            }

            @Override
            public boolean stopRequested() {
                return rows >= 20; // as if the submitter died here: the rows written so far stay
            }
        };
        assertThat(Optimizer.run(r.withOut(out), Optimizer.plan(r), stopAt20, cluster).stoppedEarly()).isTrue();
        assertThat(SweepJournal.read(out.resolve(SweepJournal.ROWS))).hasSizeBetween(20, Optimizer.plan(r).size() - 1);

        var resumed = Optimizer.run(r.withOut(out).withResume(true), Optimizer.plan(r), SweepListener.NONE, cluster);
        assertThat(resumed.resumed()).isGreaterThanOrEqualTo(20);
        assertSameFiles(one, out);
    }

    @Test
    void aWalkForwardOnTheClusterWritesTheBytesOfOneMachine() throws Exception {
        OptimizeRequest r = request(SCRIPT, "fast=4..12:2", "slow=10..40:10");
        var walk = new io.tradeshell.engine.optimize.WalkForwardRequest(r.withOut(dir.resolve("one")),
                io.tradeshell.engine.optimize.CalendarPeriod.parse("4m"), io.tradeshell.engine.optimize.CalendarPeriod.parse("2m"), false);
        io.tradeshell.engine.optimize.WalkForward.run(walk);
        ClusterWorker a = worker(5891, List.of());
        ClusterSweeps cluster = submitter(List.of(a.address()));
        var onCluster = new io.tradeshell.engine.optimize.WalkForwardRequest(r.withOut(dir.resolve("cluster")), walk.train(), walk.test(), false);
        io.tradeshell.engine.optimize.WalkForward.run(onCluster, io.tradeshell.engine.optimize.WalkForwardListener.NONE, cluster);

        List<Path> files;
        try (var walkOne = Files.walk(dir.resolve("one"))) {
            files = walkOne.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(6); // each window's sweep files, the windows and the stitched equity
        for (Path f : files) {
            assertThat(dir.resolve("cluster").resolve(dir.resolve("one").relativize(f))).as(f.toString()).hasBinaryContent(bytes(f));
        }
        assertThat(a.combinations()).isPositive();
    }

    @Test
    void aMemberThatJoinsMidSweepGetsWork() {
        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        Path one = alone(r, dir.resolve("one"));
        ClusterWorker a = worker(5841, List.of());
        ClusterSweeps cluster = submitter(List.of(a.address()));
        List<ClusterWorker> late = new ArrayList<>();
        SweepListener addMember = new SweepListener() {
            @Override
            public void onRow(SweepProgress progress, SweepRow row) {
                if (progress.done() == 6 && late.isEmpty()) late.add(worker(5851, List.of(a.address())));
            }
        };
        Path out = dir.resolve("cluster");
        Optimizer.run(r.withOut(out), Optimizer.plan(r), addMember, cluster);

        assertSameFiles(one, out);
        assertThat(late).hasSize(1);
        assertThat(late.get(0).combinations()).isPositive();
    }

    @Test
    void aMemberWithDifferentDataIsRefused() throws Exception {
        // the third member finds a file of the same name with one price changed
        Path elsewhere = dir.resolve("elsewhere");
        Path copy = elsewhere.resolve(ROOT.relativize(DATA));
        Files.createDirectories(copy.getParent());
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA));
        lines.set(5, lines.get(5).replaceFirst(",(\\d+)\\.", ",1$1."));
        Files.write(copy, lines);

        OptimizeRequest r = request(SCRIPT, "fast=4..20:2", "slow=10..60:5");
        ClusterWorker a = worker(5861, List.of());
        ClusterWorker odd = ClusterWorker.start(settings(5871, List.of(a.address())).withDataRoot(elsewhere),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        open.add(odd);
        OptimizeRequest relative = withRelativeData(r);
        ClusterSweeps cluster = submitter(List.of(a.address(), odd.address()));

        assertThatThrownBy(() -> Optimizer.run(relative.withOut(dir.resolve("cluster")), Optimizer.plan(relative), SweepListener.NONE, cluster))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member " + odd.address())
                .hasMessageContaining("refusing to run on different data");
    }

    /** The request with its data named by a path relative to the project, as a user types it. */
    private static OptimizeRequest withRelativeData(OptimizeRequest r) {
        DataInput d = r.base().data().get(0);
        RunSpec b = r.base();
        return r.withBase(new RunSpec(b.script(), b.strategy(), List.of(new DataInput(d.bars(), ROOT.relativize(DATA).toString(), d.sha256())),
                b.execution(), b.cash(), b.risk(), b.lotSize(), b.exits()));
    }
}
