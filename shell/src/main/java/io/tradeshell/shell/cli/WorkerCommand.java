package io.tradeshell.shell.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell worker [--join HOST:PORT,...]}: a cluster member that runs sweep work until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a cluster member that runs the combinations of 'optimize --cluster' and 'walkforward --cluster' sweeps, until stopped (Ctrl-C).",
        footer = {"", "Members join only a cluster of the same name and shared secret (TCP/IP, never multicast), and run nothing but",
                "sweep tasks signed with that secret; scripts always run in the sandbox. A data file is read from --data-dir if it is",
                "there with the sweep's SHA-256 (a different file of that name is refused), else the submitter's copy is used.",
                "", "Examples:",
                "  tradeshell worker                                     # the first member, on 127.0.0.1:5701",
                "  tradeshell worker --join 127.0.0.1:5701               # a second one (takes 5702)",
                "  TRADESHELL_CLUSTER_SECRET=... tradeshell worker --bind 10.0.0.5 --join 10.0.0.4:5701",
                "", "Exit codes: 0 stopped, 2 bad option."})
public final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--join", split = ",", paramLabel = "HOST:PORT", description = "Members to join (default: none; this one starts the cluster).")
    List<String> join = new ArrayList<>();

    @Option(names = "--port", defaultValue = "5701", description = "The first port to listen on; the next free one is taken (default 5701).")
    int port = 5701;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on and be reached at (default 127.0.0.1: this machine only). Any other needs a secret.")
    String bind = "127.0.0.1";

    @Option(names = "--name", defaultValue = "tradeshell", description = "The cluster's name (default tradeshell).")
    String name = "tradeshell";

    @Option(names = "--secret", description = "The cluster's shared secret (default: the TRADESHELL_CLUSTER_SECRET variable).")
    String secret;

    @Option(names = "--threads", paramLabel = "N", description = "Sweep batches run at once (default: every core).")
    Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where sweeps' relative data paths are looked for (default: the working directory).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return WorkerRun.serve(this, spec.commandLine().getOut());
    }
}
