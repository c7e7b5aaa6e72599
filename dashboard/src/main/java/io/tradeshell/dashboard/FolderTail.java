package io.tradeshell.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * The one reader of a folder's journal files, however many viewers follow it: four times a
 * second it reads what the files gained since its last look, in large reads into a buffer it
 * keeps, encodes those lines as Server-Sent Events once, and keeps the last few batches for its
 * viewers to copy to their connections. Nothing is made per line, and a look's bytes are copied
 * once, into the batch the viewers share; batches are kept only briefly (about a second of a
 * max-speed session's output), so they are gone before the collector has to move them and the
 * trading process's heap does not grow with what the viewers were sent. A viewer that starts behind, resumes from elsewhere or falls behind reads the
 * files itself up to a batch's end, then copies batches again. It starts at the files' current
 * ends (the past is each viewer's own catch-up) and stops when its last viewer leaves.
 */
final class FolderTail {
    /** What a look found: the events, the read positions before and after, and any rewritten snapshot. */
    record Batch(long seq, StreamPosition from, StreamPosition to, byte[] lines, byte[] snapshots) { }

    /** Batches kept for viewers that are a little behind; one further behind reads the files itself. */
    private static final int KEPT = 16, KEPT_BYTES = 4 << 20;
    private final Path dir;
    private final ArrayDeque<Batch> kept = new ArrayDeque<>();
    private final Map<String, String> stamps = new HashMap<>();
    private StreamPosition position = new StreamPosition();
    private final JournalTail.Buffer reads = new JournalTail.Buffer();
    private final Bytes lines = new Bytes();
    private long seq, keptBytes;
    private int viewers;

    private FolderTail(Path dir) throws IOException {
        this.dir = dir;
        for (String file : EventStream.JOURNALS) position.set(file, JournalTail.end(dir.resolve(file)));
        Snapshots.changed(dir, stamps, new ByteArrayOutputStream()); // viewers read the current ones themselves
    }

    /** The tails of the folders being watched, one per folder. */
    static final class Registry {
        private final Map<Path, FolderTail> tails = new HashMap<>();
        private final ThreadFactory threads;

        Registry(ThreadFactory threads) {
            this.threads = threads;
        }

        /** Joins the folder's tail, starting it for the first viewer. */
        synchronized FolderTail join(Path dir, BooleanSupplier open) throws IOException {
            FolderTail t = tails.get(dir);
            boolean first = t == null;
            if (first) {
                t = new FolderTail(dir);
                tails.put(dir, t);
            }
            synchronized (t) {
                t.viewers++; // before its thread starts, which ends when it finds no viewer
            }
            if (first) {
                FolderTail started = t;
                threads.newThread(() -> started.follow(open)).start();
            }
            return t;
        }

        /** Wakes every viewer waiting for a look: the dashboard is closing. */
        synchronized void wakeAll() {
            for (FolderTail t : tails.values()) {
                synchronized (t) {
                    t.notifyAll();
                }
            }
        }

        synchronized void leave(FolderTail t) {
            synchronized (t) {
                if (--t.viewers == 0) {
                    tails.remove(t.dir);
                    t.notifyAll();
                }
            }
        }
    }

    /** Where the tail has read to, and the last batch that took it there. */
    synchronized Batch now() {
        return new Batch(seq, position.copy(), position.copy(), new byte[0], new byte[0]);
    }

    /**
     * The batches after {@code seq}, waiting up to {@code millis} for one; the first is not
     * {@code seq + 1} when some were dropped before this viewer took them.
     */
    synchronized List<Batch> after(long seq, long millis) throws InterruptedException {
        if (this.seq == seq && viewers > 0) wait(millis);
        List<Batch> out = new ArrayList<>();
        for (Batch b : kept) if (b.seq() > seq) out.add(b);
        return out;
    }

    private void follow(BooleanSupplier open) {
        try {
            while (open.getAsBoolean() && look()) Thread.sleep(EventStream.POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One look at the files; false once nobody watches. */
    private boolean look() {
        synchronized (this) {
            if (viewers == 0) return false;
        }
        StreamPosition from = position.copy(), to = position.copy();
        ByteArrayOutputStream snapshots = new ByteArrayOutputStream();
        lines.reset();
        try {
            for (String file : EventStream.JOURNALS) EventStream.lines(dir, file, to, Long.MAX_VALUE, lines, reads);
            Snapshots.changed(dir, stamps, snapshots);
        } catch (IOException e) {
            return true; // a file changed under us: look again next time
        }
        if (lines.size() == 0 && snapshots.size() == 0) return true;
        synchronized (this) {
            position = to;
            Batch b = new Batch(++seq, from, to.copy(), lines.toByteArray(), snapshots.toByteArray());
            kept.addLast(b);
            keptBytes += b.lines().length;
            while (kept.size() > 1 && (kept.size() > KEPT || keptBytes > KEPT_BYTES)) keptBytes -= kept.removeFirst().lines().length;
            notifyAll();
        }
        return true;
    }
}
