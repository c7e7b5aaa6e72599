package io.tradeshell.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One viewer's Server-Sent Events for one folder: every line the folder's journal files gain,
 * once and in order, each event's id being the read position of every file (so a reconnect
 * with {@code Last-Event-ID} resumes exactly), and the snapshot files (status, summary) each
 * time they change. Runs on the viewer's own thread and only reads, so trading never waits
 * for it; it looks for new lines five times a second.
 */
final class EventStream {
    /** Files that only grow, a line at a time. */
    static final List<String> JOURNALS = List.of("equity.jsonl", "fills.jsonl", "trades.jsonl", "orders.jsonl", "events.jsonl",
            "alerts.log", "tca.jsonl", "optimize.jsonl");
    /** Files rewritten whole. */
    static final List<String> SNAPSHOTS = List.of("status.json", "summary.json", "sweep.json", "best.json");
    static final long POLL_MILLIS = 200, KEEP_ALIVE_MILLIS = 10_000;

    private EventStream() { }

    static void serve(HttpExchange ex, Path dir, BooleanSupplier open) throws IOException {
        String resume = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (resume == null) resume = Query.of(ex.getRequestURI()).first("from").orElse(null);
        StreamPosition position = StreamPosition.parse(resume);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        Map<String, String> seen = new HashMap<>();
        try (OutputStream raw = ex.getResponseBody(); OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
            out.write("retry: 500\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long quietSince = System.nanoTime();
            while (open.getAsBoolean()) {
                boolean wrote = snapshots(dir, seen, out);
                for (String file : JOURNALS) {
                    String event = file.substring(0, file.indexOf('.'));
                    long from = position.of(file);
                    long to = JournalTail.read(dir.resolve(file), from, (line, offset) -> {
                        position.set(file, offset);
                        write(out, position.id(), event, line);
                    });
                    wrote |= to != from;
                }
                if (wrote) {
                    out.flush();
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > KEEP_ALIVE_MILLIS * 1_000_000) {
                    out.write(": alive\n\n".getBytes(StandardCharsets.UTF_8)); // finds viewers that went away
                    out.flush();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | java.io.UncheckedIOException gone) {
            // the viewer closed the page
        }
    }

    private static boolean snapshots(Path dir, Map<String, String> seen, OutputStream out) throws IOException {
        boolean wrote = false;
        for (String file : SNAPSHOTS) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p)) continue;
            String stamp = Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p);
            if (stamp.equals(seen.get(file))) continue;
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                continue; // being rewritten: read it next time
            }
            if (text.isEmpty() || !text.endsWith("}")) continue;
            seen.put(file, stamp);
            write(out, null, file.substring(0, file.indexOf('.')), text);
            wrote = true;
        }
        return wrote;
    }

    private static void write(OutputStream out, String id, String event, String data) {
        StringBuilder s = new StringBuilder(data.length() + 64);
        if (id != null) s.append("id: ").append(id).append('\n');
        s.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) s.append("data: ").append(line.replace("\r", "")).append('\n');
        s.append('\n');
        try {
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
