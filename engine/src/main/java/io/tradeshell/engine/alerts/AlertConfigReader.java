package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.config.ConfigFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link AlertConfig} files strictly, through Jackson into the records below: an unknown
 * key or a wrong type is an error naming the file and line, as a typo would otherwise silently
 * turn an alert off. A webhook's address and a mail password are never repeated in an error.
 */
final class AlertConfigReader {
    private static final Set<String> SECRETS = Set.of("webhook.url", "email.password", "email.username");

    private AlertConfigReader() { }

    /** The file as written; every key optional, a section of null turning its channel off. */
    record AlertFile(Boolean console, JsonNode logFile, WebhookFile webhook, EmailFile email, String repeatWindow) {
        AlertFile {
            if (logFile != null && !logFile.isNull() && !(logFile.isBoolean() && !logFile.booleanValue())
                    && !(logFile.isTextual() && !logFile.textValue().isBlank())) {
                throw new IllegalArgumentException("logFile must be a file path, or null or false for none, was " + logFile);
            }
            if (repeatWindow != null) window(repeatWindow);
        }

        static Duration window(String text) {
            try {
                return io.tradeshell.engine.data.BarPeriods.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("repeatWindow: " + e.getMessage());
            }
        }
    }

    record WebhookFile(@JsonProperty(required = true) String url, Long timeoutMs) {
        WebhookFile {
            if (url == null || url.isBlank()) throw new IllegalArgumentException("url must be a non-empty text in quotes");
            settings(url, timeoutMs);
        }

        static WebhookSettings settings(String url, Long timeoutMs) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                // the parser's message quotes the whole address, and a webhook's path or query holds its token
                throw new IllegalArgumentException("url is not a valid address (" + e.getReason() + " at character " + (e.getIndex() + 1) + "): "
                        + WebhookSettings.masked(url));
            }
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("url must be an http or https address, was \"" + WebhookSettings.masked(url) + "\"");
            }
            return new WebhookSettings(uri, millis(timeoutMs, WebhookSettings.DEFAULT_TIMEOUT));
        }
    }

    record EmailFile(@JsonProperty(required = true) String host, Integer port, @JsonProperty(required = true) String from,
                     @JsonProperty(required = true) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
                     String username, String password, Boolean startTls, Long timeoutMs) {
        EmailFile {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("host must be a non-empty text in quotes");
            if (port != null && (port < 1 || port > 65535)) throw new IllegalArgumentException("port must be a whole number from 1 to 65535, was " + port);
            if (from == null) throw new IllegalArgumentException("from must be a mail address in quotes");
            if (to == null || to.isEmpty()) throw new IllegalArgumentException("to must be a non-empty list of addresses, was []");
            if (username != null && username.isEmpty() || password != null && password.isEmpty()) {
                throw new IllegalArgumentException((username != null && username.isEmpty() ? "username" : "password") + " must be a non-empty text in quotes");
            }
            if ((username == null) != (password == null)) throw new IllegalArgumentException("email.username and email.password must be given together");
            settings(host, port, from, to, username, password, startTls, timeoutMs);
        }

        static EmailSettings settings(String host, Integer port, String from, List<String> to, String username, String password,
                Boolean startTls, Long timeoutMs) {
            return new EmailSettings(host, port == null ? EmailSettings.DEFAULT_PORT : port, from, to, username == null ? "" : username,
                    password == null ? "" : password, startTls != null && startTls, millis(timeoutMs, EmailSettings.DEFAULT_TIMEOUT));
        }
    }

    private static Duration millis(Long ms, Duration otherwise) {
        if (ms == null) return otherwise;
        if (ms <= 0) throw new IllegalArgumentException("timeoutMs must be a whole number of milliseconds above 0, was " + ms);
        return Duration.ofMillis(ms);
    }

    static AlertConfig read(Path file, Path defaultLogFile) {
        AlertFile f = ConfigFile.read(file, AlertFile.class, SECRETS);
        Path folder = file.toAbsolutePath().getParent();
        return new AlertConfig(f.console() == null || f.console(), logFile(f.logFile(), folder, defaultLogFile),
                Optional.ofNullable(f.webhook()).map(w -> WebhookFile.settings(w.url(), w.timeoutMs())),
                Optional.ofNullable(f.email()).map(e -> EmailFile.settings(e.host(), e.port(), e.from(), e.to(), e.username(), e.password(),
                        e.startTls(), e.timeoutMs())),
                f.repeatWindow() == null ? AlertRouter.DEFAULT_REPEAT_WINDOW : AlertFile.window(f.repeatWindow()));
    }

    private static Optional<Path> logFile(JsonNode n, Path folder, Path defaultLogFile) {
        if (n == null) return Optional.of(defaultLogFile);
        if (n.isNull() || n.isBoolean()) return Optional.empty();
        Path p = Path.of(n.textValue());
        return Optional.of(p.isAbsolute() || folder == null ? p : folder.resolve(p));
    }
}
