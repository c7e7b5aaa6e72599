package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.alerts.AlertConfig;
import io.tradeshell.engine.alerts.AlertRouter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where live runs and paper sessions hand their events to the alert channels: the one place
 * alerts are hooked in. Each session passes every live event here (never replayed ones); the
 * router reports risk denials and trading-state changes on the console, in {@code alerts.log}
 * beside the run's files, and to the webhook and email channels of the alerts config file
 * ({@code --alerts FILE}, else {@code ~/.tradeshell/alerts.json} if it exists).
 */
public final class SessionAlerts {
    private SessionAlerts() { }

    /**
     * The alert router of a session; {@code source} names the run or account and {@code dir} is
     * where its default log goes. Close it when the session ends so queued alerts are delivered.
     */
    public static AlertRouter forSession(String source, Path dir, Optional<Path> alertsFile, PrintWriter console) {
        return AlertConfig.find(alertsFile, AlertConfig.userFile(), dir.resolve("alerts.log")).router(source, console);
    }
}
