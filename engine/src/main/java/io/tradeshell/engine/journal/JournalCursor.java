package io.tradeshell.engine.journal;

import java.util.List;

/**
 * Walks the lines of a journal while its session is replayed: the writer checks each event
 * the replay produces against the next line, and the session reapplies operator commands
 * where the journal has them. Session lines (started, stopped, resumed) are stepped over.
 */
public final class JournalCursor {
    private final List<JournalEntry> entries;
    private final long lastPosition;
    private int next;

    public JournalCursor(List<JournalEntry> entries) {
        this.entries = List.copyOf(entries);
        long last = 0;
        for (JournalEntry e : this.entries) last = Math.max(last, e.position());
        this.lastPosition = last;
        skipSessionLines();
    }

    public static JournalCursor empty() {
        return new JournalCursor(List.of());
    }

    /** Whether every line that the replay must reproduce has been reproduced. */
    public boolean exhausted() {
        return next >= entries.size();
    }

    /** The next line to reproduce, or null when exhausted. */
    public JournalEntry peek() {
        return exhausted() ? null : entries.get(next);
    }

    /** Takes the next line to reproduce. */
    public JournalEntry take() {
        JournalEntry e = entries.get(next++);
        skipSessionLines();
        return e;
    }

    /** The furthest feed position the journal reached: where a resumed session goes live again. */
    public long lastPosition() {
        return lastPosition;
    }

    /** Lines in the journal, session lines included. */
    public int size() {
        return entries.size();
    }

    private void skipSessionLines() {
        while (next < entries.size() && entries.get(next).isSession()) next++;
    }
}
