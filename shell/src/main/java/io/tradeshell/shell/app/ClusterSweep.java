package io.tradeshell.shell.app;

import io.tradeshell.cluster.ClusterSettings;
import io.tradeshell.cluster.ClusterSweeps;
import io.tradeshell.cluster.MemberShare;
import io.tradeshell.cluster.ScriptSource;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.WalkForward;
import io.tradeshell.engine.optimize.WalkForwardListener;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.shell.app.trading.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A sweep or walk-forward run on a cluster: joins it for the length of the run, says who is in
 * it, and afterwards what each member ran. The only shell class that reaches the cluster module,
 * and it is loaded only with {@code --cluster}, so other commands never start Hazelcast.
 */
public final class ClusterSweep {
    private ClusterSweep() { }

    public static SweepResult optimize(ClusterTarget cluster, RunSettings run, Path script, OptimizeRequest request, CombinationPlan plan,
                                       SweepListener listener, PrintWriter out) {
        try (ClusterSweeps sweeps = join(cluster, run, script, request, out)) {
            SweepResult result = Optimizer.run(request, plan, listener, sweeps);
            shares(sweeps, out);
            return result;
        }
    }

    public static WalkForwardResult walkForward(ClusterTarget cluster, RunSettings run, Path script, WalkForwardRequest request,
                                                WalkForwardListener listener, PrintWriter out) {
        try (ClusterSweeps sweeps = join(cluster, run, script, request.sweep(), out)) {
            WalkForwardResult result = WalkForward.run(request, listener, sweeps);
            shares(sweeps, out);
            return result;
        }
    }

    private static ClusterSweeps join(ClusterTarget c, RunSettings run, Path script, OptimizeRequest request, PrintWriter out) {
        if (run.trust()) throw new IllegalArgumentException("--trust cannot go with --cluster: members run scripts only in the sandbox");
        String secret = c.secret().orElseGet(ClusterSettings::secretFromEnvironment);
        ClusterSettings settings;
        try {
            settings = new ClusterSettings(c.name(), secret, c.bind(), ClusterSettings.DEFAULT_PORT, ClusterSettings.members(c.members()),
                    request.threads(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            // the settings are the worker's; here the address option is --cluster-bind
            String m = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(m.startsWith("--bind") ? "--cluster-bind" + m.substring("--bind".length()) : m, e);
        }
        ClusterSweeps sweeps = ClusterSweeps.join(settings, ScriptSource.read(script, request.base().script(), run.barBudget()));
        out.printf(Locale.ROOT, "  cluster  %d members, this process %s among them%n", sweeps.members(), sweeps.address());
        out.flush();
        return sweeps;
    }

    /** What each member ran: the per-member speed, one task thread's combinations per second while it worked. */
    private static void shares(ClusterSweeps sweeps, PrintWriter out) {
        for (MemberShare s : sweeps.shares()) {
            out.printf(Locale.ROOT, "  member   %-21s %,8d combinations, %.1f/s per thread (%d thread%s)%n", s.member(), s.combinations(),
                    s.perThreadSecond(), s.threads(), s.threads() == 1 ? "" : "s");
        }
        if (sweeps.resent() > 0) out.printf(Locale.ROOT, "  %d batch%s run again after a member left%n", sweeps.resent(), sweeps.resent() == 1 ? "" : "es");
        out.flush();
    }
}
