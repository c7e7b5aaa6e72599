package io.tradeshell.shell.console.commands;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.app.trading.Dashboards;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code dashboard [RUN_DIR | --paper NAME] [--port N]} in the console: serves the dashboard
 * from the console's process, beside the sessions it runs in the background, until {@code
 * dashboard stop} or the console ends.
 */
public final class DashboardConsoleCommand extends ConsoleCommand {
    private final RunService service;
    private final Path home;
    private Dashboard running;

    /** @param home the console's folder, whose paper accounts the dashboard shows */
    public DashboardConsoleCommand(RunService service, Path home, Output output) {
        super(output, new Help("dashboard", List.of(), List.of("dashboard [RUN_DIR | --paper NAME] [--port N]", "dashboard stop"),
                "Serve a live dashboard of runs, paper sessions and sweeps in the browser.",
                List.of("Prints its address on 127.0.0.1 with a random access token; it runs until 'dashboard stop'",
                        "or the console ends. Paper accounts are the console's (~/.tradeshell/paper or --home)."),
                List.of("dashboard", "dashboard --paper demo", "dashboard runs/sma", "dashboard stop")));
        this.service = service;
        this.home = home;
    }

    @Override
    protected void run(List<String> args) {
        if (args.size() == 1 && args.get(0).equals("stop")) {
            if (running == null) throw new IllegalArgumentException("no dashboard is running");
            stop();
            out().println("dashboard stopped");
            return;
        }
        Optional<Path> focus = Optional.empty();
        int port = 0;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            switch (a) {
                case "--paper" -> {
                    if (++k >= args.size()) throw usage("--paper needs a NAME");
                    focus = Optional.of(new PaperHome(home).existing(args.get(k)).dir());
                }
                case "--port" -> {
                    if (++k >= args.size()) throw usage("--port needs a number");
                    port = Integer.parseInt(args.get(k));
                }
                default -> {
                    if (a.startsWith("--")) throw usage("unknown option " + a);
                    Path dir = ProjectHome.resolve(a);
                    if (!Files.isDirectory(dir)) throw new IllegalArgumentException(a + ": no such folder");
                    focus = Optional.of(dir);
                }
            }
        }
        stop();
        running = Dashboards.open(service, home, focus, port);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        out().println(running.banner());
    }

    private synchronized void stop() {
        if (running != null) running.close();
        running = null;
    }
}
