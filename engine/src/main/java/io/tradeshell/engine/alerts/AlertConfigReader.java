package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@link AlertConfig} files strictly: an unknown key or a wrong type is an error, as a typo would otherwise silently turn an alert off. */
final class AlertConfigReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<String> TOP_KEYS = List.of("console", "logFile", "webhook", "email", "repeatWindow");
    private static final List<String> WEBHOOK_KEYS = List.of("url", "timeoutMs");
    private static final List<String> EMAIL_KEYS = List.of("host", "port", "from", "to", "username", "password", "startTls", "timeoutMs");

    /** A problem in the file's content, later prefixed with the file name. */
    private static final class Problem extends RuntimeException {
        Problem(String message) { super(message, null, false, false); }
    }

    private AlertConfigReader() { }

    static AlertConfig read(Path file, Path defaultLogFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException(file + ": not valid JSON: " + ConsoleAlerts.oneLine(e.getOriginalMessage()) + where, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return config(root, file.toAbsolutePath().getParent(), defaultLogFile);
        } catch (Problem | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static AlertConfig config(JsonNode root, Path folder, Path defaultLogFile) {
        if (root == null || !root.isObject()) throw new Problem("expected a JSON object like {\"console\": true, \"webhook\": {...}}");
        onlyKnownKeys(root, "", TOP_KEYS);
        boolean console = bool(root, "console", "console", true);
        Optional<Path> logFile = logFile(root.get("logFile"), folder, defaultLogFile);
        Optional<WebhookSettings> webhook = section(root, "webhook") ? Optional.of(webhook(root.get("webhook"))) : Optional.empty();
        Optional<EmailSettings> email = section(root, "email") ? Optional.of(email(root.get("email"))) : Optional.empty();
        java.time.Duration repeat = AlertRouter.DEFAULT_REPEAT_WINDOW;
        JsonNode window = root.get("repeatWindow");
        if (window != null && !window.isNull()) {
            try {
                repeat = io.tradeshell.engine.data.BarPeriods.parse(window.asText());
            } catch (IllegalArgumentException e) {
                throw new Problem("repeatWindow: " + e.getMessage());
            }
        }
        return new AlertConfig(console, logFile, webhook, email, repeat);
    }

    /** Whether a channel's section is there; null turns the channel off. */
    private static boolean section(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return false;
        if (!n.isObject()) throw new Problem(key + " must be an object {...} or null, was " + n);
        onlyKnownKeys(n, key + ".", key.equals("webhook") ? WEBHOOK_KEYS : EMAIL_KEYS);
        return true;
    }

    private static Optional<Path> logFile(JsonNode n, Path folder, Path defaultLogFile) {
        if (n == null) return Optional.of(defaultLogFile);
        if (n.isNull() || n.isBoolean() && !n.booleanValue()) return Optional.empty();
        if (!n.isTextual() || n.textValue().isBlank()) throw new Problem("logFile must be a file path, or null or false for none, was " + n);
        Path p = Path.of(n.textValue());
        return Optional.of(p.isAbsolute() || folder == null ? p : folder.resolve(p));
    }

    private static WebhookSettings webhook(JsonNode n) {
        String url = text(n, "url", "webhook.url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // the parser's message quotes the whole address, and a webhook's path or query holds its token
            throw new Problem("webhook.url is not a valid address (" + e.getReason() + " at character " + (e.getIndex() + 1) + "): "
                    + WebhookSettings.masked(url));
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new Problem("webhook.url must be an http or https address, was \"" + WebhookSettings.masked(url) + "\"");
        }
        return new WebhookSettings(uri, millis(n, "webhook.timeoutMs", WebhookSettings.DEFAULT_TIMEOUT));
    }

    private static EmailSettings email(JsonNode n) {
        String host = text(n, "host", "email.host");
        JsonNode portNode = n.get("port");
        int port = EmailSettings.DEFAULT_PORT;
        if (portNode != null) {
            if (!portNode.isIntegralNumber() || portNode.asLong() < 1 || portNode.asLong() > 65535) {
                throw new Problem("email.port must be a whole number from 1 to 65535, was " + portNode);
            }
            port = portNode.intValue();
        }
        String from = text(n, "from", "email.from");
        List<String> to = addresses(n.get("to"));
        String user = n.has("username") ? text(n, "username", "email.username") : "";
        String pass = n.has("password") ? text(n, "password", "email.password") : "";
        if (user.isEmpty() != pass.isEmpty()) throw new Problem("email.username and email.password must be given together");
        boolean startTls = bool(n, "startTls", "email.startTls", false);
        Duration timeout = millis(n, "email.timeoutMs", EmailSettings.DEFAULT_TIMEOUT);
        return new EmailSettings(host, port, from, to, user, pass, startTls, timeout);
    }

    private static List<String> addresses(JsonNode n) {
        if (n == null) throw new Problem("email.to is missing");
        if (n.isTextual()) return List.of(n.textValue());
        if (!n.isArray() || n.isEmpty()) throw new Problem("email.to must be a non-empty list of addresses, was " + n);
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode a : n) {
            if (!a.isTextual()) throw new Problem("email.to must hold only addresses in quotes, had " + a);
            out.add(a.textValue());
        }
        return out;
    }

    private static void onlyKnownKeys(JsonNode n, String prefix, List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw new Problem("unknown key \"" + prefix + k + "\" (known: " + String.join(", ", known) + ")");
        }
    }

    private static String text(JsonNode parent, String key, String name) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) throw new Problem(name + " is missing");
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw new Problem(name + " must be a non-empty text in quotes" + (key.equals("password") ? "" : ", was " + n));
        }
        return n.textValue();
    }

    private static boolean bool(JsonNode parent, String key, String name, boolean otherwise) {
        JsonNode n = parent.get(key);
        if (n == null) return otherwise;
        if (!n.isBoolean()) throw new Problem(name + " must be true or false, was " + n);
        return n.booleanValue();
    }

    private static Duration millis(JsonNode parent, String name, Duration otherwise) {
        JsonNode n = parent.get("timeoutMs");
        if (n == null) return otherwise;
        if (!n.isIntegralNumber() || n.asLong() <= 0) throw new Problem(name + " must be a whole number of milliseconds above 0, was " + n);
        return Duration.ofMillis(n.asLong());
    }
}
