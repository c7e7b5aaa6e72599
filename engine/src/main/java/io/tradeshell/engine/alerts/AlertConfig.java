package io.tradeshell.engine.alerts;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which alert channels to use, as read from a JSON file such as {@code ~/.tradeshell/alerts.json}:
 * <pre>{@code
 * {"console": true, "logFile": "alerts.log",
 *  "webhook": {"url": "https://hooks.slack.com/services/...", "timeoutMs": 3000},
 *  "email": {"host": "localhost", "port": 2525, "from": "bot@desk", "to": ["me@desk"],
 *            "username": "bot", "password": "...", "startTls": false, "timeoutMs": 10000}}
 * }</pre>
 * Every key is optional. {@code console} defaults to true; a missing {@code logFile} means the
 * caller's default log (the run or account folder), null or false means none, and a relative
 * one is taken from the config file's folder. Without a file: console plus the default log.
 *
 * @param logFile empty for no log file
 */
public record AlertConfig(boolean console, Optional<Path> logFile, Optional<WebhookSettings> webhook, Optional<EmailSettings> email,
                          java.time.Duration repeatWindow) {
    public AlertConfig {
        Objects.requireNonNull(repeatWindow);
        Objects.requireNonNull(logFile);
        Objects.requireNonNull(webhook);
        Objects.requireNonNull(email);
    }

    /** A config with the default window for holding back repeated alerts. */
    public AlertConfig(boolean console, Optional<Path> logFile, Optional<WebhookSettings> webhook, Optional<EmailSettings> email) {
        this(console, logFile, webhook, email, AlertRouter.DEFAULT_REPEAT_WINDOW);
    }

    /** Console alerts and the given log file. */
    public static AlertConfig defaults(Path defaultLogFile) {
        return new AlertConfig(true, Optional.of(defaultLogFile), Optional.empty(), Optional.empty());
    }

    /**
     * Reads a config file.
     *
     * @throws IllegalArgumentException "FILE: problem" when it is missing, unreadable or malformed
     */
    public static AlertConfig load(Path file, Path defaultLogFile) {
        return AlertConfigReader.read(file, defaultLogFile);
    }

    /** The user's own config file: {@code ~/.tradeshell/alerts.json}. */
    public static Path userFile() {
        return Path.of(System.getProperty("user.home"), ".tradeshell", "alerts.json");
    }

    /**
     * The config to use: the file given (it must exist), else the user's file if there is one,
     * else the defaults.
     */
    public static AlertConfig find(Optional<Path> given, Path userFile, Path defaultLogFile) {
        if (given.isPresent()) return load(given.get(), defaultLogFile);
        if (Files.isRegularFile(userFile)) return load(userFile, defaultLogFile);
        return defaults(defaultLogFile);
    }

    /** The channels this config asks for, in the order console, log file, webhook, email. */
    public List<AlertChannel> channels(PrintWriter consoleOut) {
        List<AlertChannel> out = new ArrayList<>(4);
        if (console) out.add(new ConsoleAlerts(consoleOut));
        logFile.ifPresent(f -> out.add(new LogFileAlerts(f)));
        webhook.ifPresent(w -> out.add(new WebhookAlerts(w)));
        email.ifPresent(e -> out.add(new EmailAlerts(e)));
        return out;
    }

    /** Said when the email channel logs in without STARTTLS: the password would cross the network in clear. */
    public Optional<String> noTlsWarning() {
        return email.filter(e -> e.logsIn() && !e.startTls()).map(e -> "email alerts log in to " + e.host() + ":" + e.port()
                + " without TLS, so the password crosses the network readable; set \"startTls\": true in the alerts file");
    }

    /** A started router sending to this config's channels; channel failures are reported on {@code consoleOut}. */
    public AlertRouter router(String source, PrintWriter consoleOut) {
        noTlsWarning().ifPresent(w -> {
            consoleOut.println("warning: " + w);
            consoleOut.flush();
        });
        return new AlertRouter(source, channels(consoleOut), consoleOut, AlertRouter.DEFAULT_CAPACITY, repeatWindow);
    }
}
