package io.tradeshell.engine.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to mail alerts through an SMTP server.
 *
 * @param host     the SMTP server
 * @param port     its port (25, 587, or a local relay's)
 * @param from     the sender address
 * @param to       one or more recipient addresses
 * @param username empty for a server that needs no login; else used with AUTH PLAIN or LOGIN
 * @param password the login's password; never printed
 * @param startTls upgrade the connection with STARTTLS before anything else; refuse to go on without it
 * @param timeout  for connecting and for each answer of the server
 */
public record EmailSettings(String host, int port, String from, List<String> to,
                            String username, String password, boolean startTls, Duration timeout) {
    public static final int DEFAULT_PORT = 25;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public EmailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(to);
        if (host.isBlank()) throw new IllegalArgumentException("email host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("email port must be from 1 to 65535, was " + port);
        checkAddress("email from", from);
        if (to.isEmpty()) throw new IllegalArgumentException("email to needs at least one address");
        for (String a : to) checkAddress("email to", a);
        if (username.isEmpty() != password.isEmpty()) throw new IllegalArgumentException("email username and password must be given together");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("email timeout must be positive");
    }

    /** An address must look like one and must not smuggle extra SMTP commands or headers in. */
    private static void checkAddress(String what, String address) {
        int at = address.indexOf('@');
        boolean ok = at > 0 && at < address.length() - 1 && address.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>' || c == ',' || c == 127);
        if (!ok) throw new IllegalArgumentException(what + " is not a mail address: \"" + address + "\"");
    }

    /** A server with no login. */
    public static EmailSettings of(String host, int port, String from, List<String> to) {
        return new EmailSettings(host, port, from, to, "", "", false, DEFAULT_TIMEOUT);
    }

    public EmailSettings withLogin(String user, String pass) {
        return new EmailSettings(host, port, from, to, user, pass, startTls, timeout);
    }

    public EmailSettings withStartTls(boolean on) {
        return new EmailSettings(host, port, from, to, username, password, on, timeout);
    }

    public EmailSettings withTimeout(Duration t) {
        return new EmailSettings(host, port, from, to, username, password, startTls, t);
    }

    public boolean logsIn() { return !username.isEmpty(); }

    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to
                + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "****")
                + ", startTls=" + startTls + ", timeout=" + timeout + "]";
    }
}
