package io.tradeshell.shell.cli;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.Dashboards;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.DashboardProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell dashboard}: the runs, paper sessions and sweeps in a browser, updating as they run. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live dashboard of runs, paper sessions and sweeps on 127.0.0.1, until Ctrl-C.",
                "The first line printed is its address with a random access token; nothing is served without it."},
        footer = {"", "Examples:", "  tradeshell dashboard", "  tradeshell dashboard runs/sma", "  tradeshell dashboard --paper demo --port 8080"})
public final class DashboardCommand implements Callable<Integer> {
    private final RunService service;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "Open on this run or sweep folder.") Path runDir;
    @Option(names = "--paper", paramLabel = "NAME", description = "Open on this paper account.") String paper;
    @Option(names = "--home", paramLabel = "DIR", description = "TradeShell's home (default ~/.tradeshell): accounts are DIR/paper/NAME.") Path home;
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: any free one).") int port;
    /** Served for {@code paper start --dashboard} from its own process: see {@link DashboardProcess}. */
    @Option(names = "--of-session", hidden = true) boolean ofSession;
    @Spec CommandSpec spec;

    public DashboardCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path homeDir = home != null ? home : PaperHome.userDefault().home();
        Optional<Path> focus = Optional.empty();
        if (runDir != null) {
            if (!Files.isDirectory(runDir)) throw new IllegalArgumentException(runDir + ": no such folder");
            focus = Optional.of(runDir);
        } else if (paper != null) {
            // the session that started this one makes its account after the address is printed
            PaperHome accounts = new PaperHome(homeDir);
            focus = Optional.of(ofSession ? accounts.account(paper).dir() : accounts.existing(paper).dir());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Dashboard d = Dashboards.open(service, homeDir, focus, port)) {
            out.println(d.banner());
            out.flush();
            CountDownLatch end = new CountDownLatch(1); // serves until the process is stopped,
            if (ofSession) untilTheSessionEnds(end); // or, for a session, until it closes this input or dies
            end.await();
        }
        return ExitCode.OK;
    }

    private static void untilTheSessionEnds(CountDownLatch end) {
        Thread.ofPlatform().daemon().name("session-input").start(() -> {
            try {
                while (System.in.read() >= 0) { } // nothing is sent: the input only closes
            } catch (IOException gone) {
                // closed as well
            }
            end.countDown();
        });
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(end::countDown));
    }
}
