package io.tradeshell.shell.cli;

import io.tradeshell.cluster.ClusterSettings;
import io.tradeshell.cluster.ClusterWorker;
import io.tradeshell.shell.app.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The worker's body, apart from its command so that listing the commands does not load the cluster. */
final class WorkerRun {
    private WorkerRun() { }

    static int serve(WorkerCommand c, PrintWriter out) throws InterruptedException {
        int threads = c.threads != null ? c.threads : Runtime.getRuntime().availableProcessors();
        ClusterSettings settings = new ClusterSettings(c.name, c.secret != null ? c.secret : ClusterSettings.secretFromEnvironment(), c.bind,
                c.port, c.join, threads, (c.dataDir != null ? c.dataDir : Path.of("")).toAbsolutePath());
        ClusterWorker worker = ClusterWorker.start(settings, out);
        out.printf(Locale.ROOT, "worker %s in cluster '%s' (%d member%s), %d thread%s; Ctrl-C stops it%n", worker.address(), c.name,
                worker.members(), worker.members() == 1 ? "" : "s", threads, threads == 1 ? "" : "s");
        out.flush();
        worker.awaitShutdown();
        out.printf(Locale.ROOT, "worker %s stopped after %,d combinations%n", worker.address(), worker.combinations());
        out.flush();
        return ExitCode.OK;
    }
}
