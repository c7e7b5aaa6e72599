package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.run.Speed;
import picocli.CommandLine.Option;

/** The options of commands that play a live feed: how fast, and whether to keep quiet. */
public final class LiveOptions {
    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "1x",
            description = "How fast the feed plays: 1x (real time, default), 10x, 60x, any multiple, or max (as fast as it can).")
    public String speed = "1x";

    @Option(names = "--quiet", description = "Print only risk decisions, rejections and halts, not every fill and trade.")
    public boolean quiet;

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Alerts config (JSON: console, logFile, webhook, email); default ~/.tradeshell/alerts.json if present, else console and alerts.log.")
    public java.nio.file.Path alerts;

    public java.util.Optional<java.nio.file.Path> alertsFile() {
        return java.util.Optional.ofNullable(alerts);
    }

    public Speed speed() {
        return Speed.parse(speed);
    }

    /** The settings these options ask for; fails on a speed that is not one. */
    public LiveSettings settings() {
        return new LiveSettings(speed(), quiet, alertsFile());
    }
}
