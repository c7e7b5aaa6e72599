package io.tradeshell.engine.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Just enough of an SMTP server to accept one message on the loopback address and record the
 * conversation: every line the client sends outside DATA, and the DATA lines as they came over
 * the wire (still dot-stuffed). Insists on CRLF line ends.
 */
final class FakeSmtpServer implements AutoCloseable {
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    final List<String> dataLines = Collections.synchronizedList(new ArrayList<>());
    volatile String problem;
    private final ServerSocket server;
    private final List<String> extensions;
    private final Set<String> refusedRecipients;
    private final boolean silent;
    private final Thread thread;

    /** @param extensions EHLO keywords offered, e.g. "AUTH PLAIN LOGIN"; null to refuse EHLO (an old server) */
    FakeSmtpServer(List<String> extensions, Set<String> refusedRecipients, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.extensions = extensions;
        this.refusedRecipients = refusedRecipients;
        this.silent = silent;
        this.thread = Thread.ofPlatform().daemon().start(this::serveOne);
    }

    static FakeSmtpServer offering(String... extensions) throws IOException {
        return new FakeSmtpServer(List.of(extensions), Set.of(), false);
    }

    int port() { return server.getLocalPort(); }

    /** Waits for the client to finish (QUIT or hang up). */
    void awaitEnd() throws InterruptedException {
        thread.join(5000);
    }

    private void serveOne() {
        try (Socket s = server.accept()) {
            if (silent) {
                s.getInputStream().read();   // never greet; wait for the client to give up
                return;
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            say(out, "220 fake.test ESMTP ready");
            String line;
            while ((line = readLine(in)) != null) {
                commands.add(line);
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    if (extensions == null) {
                        say(out, "500 what is EHLO");
                        continue;
                    }
                    List<String> reply = new ArrayList<>();
                    reply.add("fake.test greets you");
                    reply.addAll(extensions);
                    for (int i = 0; i < reply.size(); i++) say(out, "250" + (i < reply.size() - 1 ? "-" : " ") + reply.get(i));
                } else if (upper.startsWith("HELO")) {
                    say(out, "250 fake.test");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    say(out, "235 2.7.0 accepted");
                } else if (upper.equals("AUTH LOGIN")) {
                    say(out, "334 VXNlcm5hbWU6");
                    commands.add(readLine(in));
                    say(out, "334 UGFzc3dvcmQ6");
                    commands.add(readLine(in));
                    say(out, "235 2.7.0 accepted");
                } else if (upper.startsWith("MAIL FROM:")) {
                    say(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    String who = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    say(out, refusedRecipients.contains(who) ? "550 5.1.1 no such user" : "250 2.1.5 ok");
                } else if (upper.equals("DATA")) {
                    say(out, "354 end with <CRLF>.<CRLF>");
                    String d;
                    while (!(d = readLine(in)).equals(".")) dataLines.add(d);
                    say(out, "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    say(out, "221 2.0.0 bye");
                    return;
                } else {
                    say(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line ended by CRLF, or null at the end of the stream; a bare LF or CR is an error. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\r') {
                if (in.read() != '\n') throw new IOException("CR without LF");
                return b.toString(StandardCharsets.UTF_8);
            }
            if (c == '\n') throw new IOException("LF without CR");
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
