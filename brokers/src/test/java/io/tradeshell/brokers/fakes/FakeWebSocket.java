package io.tradeshell.brokers.fakes;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A WebSocket server on 127.0.0.1 that speaks just enough RFC 6455 for a stream fake: the
 * handshake, masked client frames in, unmasked text or binary frames out, pings answered.
 * {@code onMessage} hears each client message with the connection to answer on.
 */
public final class FakeWebSocket implements AutoCloseable {
    private final ServerSocket server;
    private final BiConsumer<Connection, String> onMessage;
    public final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Connection current;
    public volatile int connections;
    /** Runs on each new connection right after the handshake, before any client message (a server's greeting). */
    public volatile java.util.function.Consumer<Connection> onOpen = c -> { };

    public FakeWebSocket(BiConsumer<Connection, String> onMessage) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.onMessage = onMessage;
        Thread t = new Thread(this::accept, "fake-websocket");
        t.setDaemon(true);
        t.start();
    }

    public String url(String path) {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    public Connection current() { return current; }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Connection c = new Connection(s);
                connections++;
                Thread t = new Thread(c::serve, "fake-websocket-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client connection. */
    public final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private volatile String path = "";

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** The path the client asked for in its handshake. */
        public String path() { return path; }

        void serve() {
            try {
                InputStream in = socket.getInputStream();
                String key = null;
                String request = readLine(in); // GET /path HTTP/1.1
                path = request.split(" ").length > 1 ? request.split(" ")[1] : "";
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    if (line.toLowerCase().startsWith("sec-websocket-key:")) key = line.substring(18).trim();
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                synchronized (out) {
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                            + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                // only now may a test speak on it: a frame sent before the 101 reply would corrupt the handshake
                current = this;
                onOpen.accept(this);
                DataInputStream data = new DataInputStream(in);
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = data.readUnsignedByte(), b1 = data.readUnsignedByte();
                    long len = b1 & 0x7f;
                    if (len == 126) len = data.readUnsignedShort();
                    else if (len == 127) len = data.readLong();
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) data.readFully(mask);
                    byte[] payload = new byte[(int) len];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                    int op = b0 & 0x0f;
                    if (op == 8) return;
                    if (op == 9) {
                        frame(0xA, payload);
                        continue;
                    }
                    if (op == 10) continue;
                    message.writeBytes(payload);
                    if ((b0 & 0x80) != 0) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        received.add(text);
                        onMessage.accept(this, text);
                    }
                }
            } catch (Exception e) {
                // the client went away, or the test dropped the connection
            }
        }

        public void sendBinary(String json) { send(2, json); }

        public void sendText(String json) { send(1, json); }

        private void send(int op, String json) {
            try {
                frame(op, json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void frame(int op, byte[] payload) throws IOException {
            synchronized (out) {
                out.write(0x80 | op);
                if (payload.length < 126) out.write(payload.length);
                else {
                    out.write(126);
                    out.write(payload.length >>> 8);
                    out.write(payload.length & 0xff);
                }
                out.write(payload);
                out.flush();
            }
        }

        /** The connection drops with no closing handshake, as a network failure does. */
        public void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) if (c != '\r') b.append((char) c);
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Connection c = current;
        if (c != null) c.drop();
    }
}
