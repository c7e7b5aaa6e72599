package io.tradeshell.shell.app.trading;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.dashboard.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a dashboard as the headless command, {@code paper start --dashboard} and the console
 * all do: over the home (paper accounts) and the runs folder, plus the one folder it was
 * opened on when that lies elsewhere.
 */
public final class Dashboards {
    private Dashboards() { }

    /**
     * @param home  TradeShell's home (accounts under {@code home/paper})
     * @param focus the run, account or sweep the first page shows
     * @param port  0 for any free port
     */
    public static Dashboard open(RunService service, Path home, Optional<Path> focus, int port) {
        Folders folders = new Folders().root("home", home).root("runs", Path.of("runs"));
        if (focus.isPresent() && folders.ref(focus.get()).isEmpty()) folders.root("run", focus.get());
        try {
            return Dashboard.start(new Dashboard.Settings(folders, port, focus, new ScriptReplays(service)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dashboard on port " + port + ": " + e.getMessage(), e);
        }
    }
}
