package io.tradeshell.engine.alerts;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP conversation over a plain socket (RFC 5321): greeting, EHLO (HELO if refused),
 * optional STARTTLS and AUTH, then one message, then QUIT. Every step waits at most the
 * timeout; any unexpected answer ends it with an {@link AlertDeliveryException} naming the step
 * and the server's words. Passwords never appear in those messages.
 */
final class SmtpSession implements Closeable {
    /** A server answer: its code and the text of each of its lines. */
    record Reply(int code, List<String> lines) {
        String text() { return code + " " + String.join(" / ", lines); }
    }

    private final String host;
    private final int port;
    private final String server;
    private final int timeoutMillis;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private List<String> extensions = List.of();
    private String step = "connect";

    private SmtpSession(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.server = "smtp " + host + ":" + port;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /** Connects and reads the greeting. */
    static SmtpSession open(String host, int port, Duration timeout) {
        SmtpSession s = new SmtpSession(host, port, timeout);
        try {
            Socket socket = new Socket();
            s.socket = socket;
            socket.connect(new InetSocketAddress(host, port), s.timeoutMillis);
            socket.setSoTimeout(s.timeoutMillis);
            s.streams();
            s.step = "greeting";
            s.expect(s.read(), "greeting", 220);
            return s;
        } catch (IOException e) {
            s.close();
            throw s.failure(e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void streams() throws IOException {
        // ISO-8859-1 keeps any byte the server sends; the protocol itself is ASCII
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** EHLO, or HELO when the server does not know EHLO (then it offers no extensions). */
    void hello() {
        Reply r = command("EHLO " + clientName(), "EHLO");
        if (r.code() == 250) {
            extensions = r.lines().subList(1, r.lines().size()).stream().map(l -> l.toUpperCase(Locale.ROOT)).toList();
            return;
        }
        extensions = List.of();
        expect(command("HELO " + clientName(), "HELO"), "HELO", 250);
    }

    /** Whether the last EHLO offered an extension, e.g. "STARTTLS" or "8BITMIME". */
    boolean offers(String keyword) {
        return extensions.stream().anyMatch(l -> l.equals(keyword) || l.startsWith(keyword + " ") || l.startsWith(keyword + "="));
    }

    /** The AUTH mechanisms the last EHLO offered (both the standard and the old "AUTH=" form). */
    List<String> authMechanisms() {
        List<String> m = new ArrayList<>();
        for (String l : extensions) {
            if (l.startsWith("AUTH ") || l.startsWith("AUTH=")) {
                for (String word : l.substring(5).trim().split("\\s+")) if (!word.isEmpty()) m.add(word);
            }
        }
        return m;
    }

    /** Upgrades the connection to TLS and greets again, as STARTTLS requires. */
    void startTls() {
        if (!offers("STARTTLS")) throw new AlertDeliveryException(server + " does not offer STARTTLS, which the alert settings require");
        expect(command("STARTTLS", "STARTTLS"), "STARTTLS", 220);
        try {
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
            var params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");   // check the certificate names this host
            tls.setSSLParameters(params);
            tls.setSoTimeout(timeoutMillis);
            step = "TLS handshake";
            tls.startHandshake();
            socket = tls;
            streams();
        } catch (IOException e) {
            throw failure(e);
        }
        hello();
    }

    /** Logs in with AUTH PLAIN if offered, else AUTH LOGIN. */
    void login(String user, String password) {
        List<String> mechanisms = authMechanisms();
        Base64.Encoder b64 = Base64.getEncoder();
        if (mechanisms.contains("PLAIN")) {
            String token = b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            expect(command("AUTH PLAIN " + token, "AUTH PLAIN"), "AUTH PLAIN", 235);
        } else if (mechanisms.contains("LOGIN")) {
            expect(command("AUTH LOGIN", "AUTH LOGIN"), "AUTH LOGIN", 334);
            expect(command(b64.encodeToString(user.getBytes(StandardCharsets.UTF_8)), "AUTH LOGIN username"), "AUTH LOGIN username", 334);
            expect(command(b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)), "AUTH LOGIN password"), "AUTH LOGIN password", 235);
        } else {
            throw new AlertDeliveryException(server + " offers no AUTH PLAIN or LOGIN (offers " + mechanisms + ") but a login is configured");
        }
    }

    /**
     * Sends one message: the envelope, then the already dot-stuffed content (CRLF lines).
     * Returns the recipients the server refused, with its answer, when it accepted at least one.
     */
    List<String> send(String from, List<String> to, byte[] content, boolean eightBit) {
        String mailFrom = "MAIL FROM:<" + from + ">" + (eightBit && offers("8BITMIME") ? " BODY=8BITMIME" : "");
        expect(command(mailFrom, "MAIL FROM"), "MAIL FROM", 250);
        List<String> refused = new ArrayList<>();
        for (String r : to) {
            Reply reply = command("RCPT TO:<" + r + ">", "RCPT TO");
            if (reply.code() != 250 && reply.code() != 251) refused.add(r + " (" + reply.text() + ")");
        }
        if (refused.size() == to.size()) throw new AlertDeliveryException(server + " refused every recipient: " + String.join(", ", refused));
        expect(command("DATA", "DATA"), "DATA", 354);
        try {
            step = "message";
            out.write(content);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
        expect(read(), "message", 250);
        return refused;
    }

    /** Says goodbye; a server that hangs up without answering has still taken the message. */
    void quit() {
        try {
            command("QUIT", "QUIT");
        } catch (AlertDeliveryException ignored) {
            // the message was already accepted; nothing left to lose
        }
    }

    private Reply command(String line, String stepName) {
        step = stepName;
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
        return read();
    }

    private Reply read() {
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                String l = in.readLine();
                if (l == null) throw new AlertDeliveryException(server + " closed the connection at " + step);
                if (l.length() < 3 || !Character.isDigit(l.charAt(0)) || !Character.isDigit(l.charAt(1)) || !Character.isDigit(l.charAt(2))
                        || l.length() > 3 && l.charAt(3) != ' ' && l.charAt(3) != '-') {
                    throw new AlertDeliveryException(server + " answered something that is not SMTP at " + step + ": " + l);
                }
                lines.add(l.length() > 4 ? l.substring(4) : "");
                if (l.length() == 3 || l.charAt(3) == ' ') return new Reply(Integer.parseInt(l.substring(0, 3)), lines);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void expect(Reply r, String what, int code) {
        if (r.code() != code) throw new AlertDeliveryException(server + " refused " + what + ": " + r.text());
    }

    private AlertDeliveryException failure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new AlertDeliveryException(server + " gave no answer within " + timeoutMillis + " ms at " + step, e);
        }
        return new AlertDeliveryException(server + " failed at " + step + ": " + e, e);
    }

    /** How the client names itself in EHLO: its address literal, which needs no DNS lookup. */
    private String clientName() {
        InetAddress a = socket.getLocalAddress();
        String text = a.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) text = text.substring(0, scope);
        return a instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    @Override
    public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing to report
        }
    }
}
