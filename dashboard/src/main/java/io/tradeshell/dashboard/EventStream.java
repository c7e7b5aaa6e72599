package io.tradeshell.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One viewer's Server-Sent Events for one folder: every line the folder's journal files gain,
 * once and in order, the lines of one file read together going as one event (a data field a
 * line) whose id is the read position of every file (so a reconnect with {@code Last-Event-ID}
 * resumes exactly), and the snapshot files (status, summary) each
 * time they change. The lines come from the folder's one {@link FolderTail}, shared by all its
 * viewers; this viewer reads files itself only to catch up. It runs on the viewer's own thread
 * and only reads, so trading never waits for it.
 */
final class EventStream {
    /** Files that only grow, a line at a time. */
    static final List<String> JOURNALS = List.of("equity.jsonl", "fills.jsonl", "trades.jsonl", "orders.jsonl", "events.jsonl",
            "alerts.log", "tca.jsonl", "optimize.jsonl");
    /** How often the folder's tail looks: a page shows four updates a second, well within the second a new line may take. */
    static final long POLL_MILLIS = 250, KEEP_ALIVE_MILLIS = 10_000;
    /** An event carries lines up to about this many bytes, then the next event goes on. */
    static final int EVENT_BYTES = 1 << 16;

    private EventStream() { }

    static void serve(HttpExchange ex, Path dir, FolderTail.Registry tails, BooleanSupplier open) throws IOException {
        String resume = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (resume == null) resume = Query.of(ex.getRequestURI()).first("from").orElse(null);
        StreamPosition position = StreamPosition.parse(resume);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        FolderTail tail = tails.join(dir, open);
        try (OutputStream raw = ex.getResponseBody(); OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
            out.write("retry: 500\n\n".getBytes(StandardCharsets.UTF_8));
            FolderTail.Batch now = tail.now();
            Snapshots.changed(dir, new HashMap<>(), out);
            catchUp(dir, position, now.to(), out);
            out.flush();
            long seq = now.seq(), quietSince = System.nanoTime();
            while (open.getAsBoolean()) {
                List<FolderTail.Batch> batches = tail.after(seq, KEEP_ALIVE_MILLIS);
                if (!batches.isEmpty() && batches.get(0).seq() != seq + 1) {
                    // fell behind the batches kept: read the files up to the newest instead
                    FolderTail.Batch last = batches.get(batches.size() - 1);
                    catchUp(dir, position, last.to(), out);
                    out.write(last.snapshots());
                    batches = List.of();
                    seq = last.seq();
                }
                for (FolderTail.Batch b : batches) {
                    if (position.sameAs(b.from())) {
                        out.write(b.lines()); // the shared bytes: nothing parsed or encoded per viewer
                        position = b.to().copy();
                    } else {
                        catchUp(dir, position, b.to(), out);
                    }
                    out.write(b.snapshots());
                    seq = b.seq();
                }
                if (!batches.isEmpty()) {
                    out.flush();
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= KEEP_ALIVE_MILLIS * 1_000_000) {
                    out.write(": alive\n\n".getBytes(StandardCharsets.UTF_8)); // finds viewers that went away
                    out.flush();
                    quietSince = System.nanoTime();
                }
            }
            // the dashboard is closing, as when the session it was opened with ends: this viewer gets
            // the lines written since the last look, so its page shows the session to its end
            StreamPosition ends = new StreamPosition();
            for (String file : JOURNALS) ends.set(file, JournalTail.end(dir.resolve(file)));
            catchUp(dir, position, ends, out);
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException gone) {
            // the viewer closed the page
        } finally {
            tails.leave(tail);
        }
    }

    /** This viewer's own reading, from where it is up to {@code to}. */
    private static void catchUp(Path dir, StreamPosition position, StreamPosition to, OutputStream out) throws IOException {
        for (String file : JOURNALS) lines(dir, file, position, to.of(file), out);
    }

    /**
     * Writes the complete lines of {@code file} past {@code position}, up to {@code until}, as
     * events named after the file, advancing {@code position}. The lines of one read go as one
     * event, a {@code data:} field each (so at most {@link #EVENT_BYTES} and a line per event),
     * with the read position after its last line as its id: a browser takes an event whole or
     * not at all, so a connection cut inside one resends it all and nothing twice. The bytes are
     * copied as the file holds them, nothing decoded.
     */
    static void lines(Path dir, String file, StreamPosition position, long until, OutputStream out) throws IOException {
        lines(dir, file, position, until, out, new JournalTail.Buffer());
    }

    /** As {@link #lines(Path, String, StreamPosition, long, OutputStream)}, reading into {@code reads}. */
    static void lines(Path dir, String file, StreamPosition position, long until, OutputStream out, JournalTail.Buffer reads) throws IOException {
        Event event = new Event(file, position, out);
        JournalTail.read(dir.resolve(file), position.of(file), until, event, reads);
        event.end();
    }

    /** The event being written: its lines so far. */
    private static final class Event implements JournalTail.Lines {
        private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII), ID = "id: ".getBytes(StandardCharsets.US_ASCII);
        private final String file;
        private final byte[] name;
        private final StreamPosition position;
        private final OutputStream out;
        private int size;
        private long offset;

        Event(String file, StreamPosition position, OutputStream out) {
            this.file = file;
            this.name = ("event: " + file.substring(0, file.indexOf('.')) + "\n").getBytes(StandardCharsets.UTF_8);
            this.position = position;
            this.out = out;
        }

        @Override
        public void line(byte[] bytes, int start, int end, long offset) throws IOException {
            if (size == 0) out.write(name);
            out.write(DATA);
            int from = start;
            for (int i = start; i < end; i++) { // a lone CR would end the line for the browser: left out
                if (bytes[i] != '\r') continue;
                out.write(bytes, from, i - from);
                from = i + 1;
            }
            out.write(bytes, from, end - from);
            out.write('\n');
            size += end - start + DATA.length + 1;
            this.offset = offset; // the position takes it as the event ends: nothing boxed per line
            if (size >= EVENT_BYTES) end();
        }

        void end() throws IOException {
            if (size == 0) return;
            position.set(file, offset);
            out.write(ID);
            out.write(position.id().getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
            out.write('\n');
            size = 0;
        }
    }

    static void write(OutputStream out, String id, String event, String data) {
        StringBuilder s = new StringBuilder(data.length() + 64);
        if (id != null) s.append("id: ").append(id).append('\n');
        s.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) s.append("data: ").append(line.replace("\r", "")).append('\n');
        s.append('\n');
        try {
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
