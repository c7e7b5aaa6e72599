package io.tradeshell.engine.journal;

/** A journal that cannot be trusted as it is: torn, damaged, or not matching its replay. */
public final class JournalException extends RuntimeException {
    /** What is wrong with the journal. */
    public enum Kind {
        /** The last line was cut off while being written; it never took effect. */
        TORN,
        /** A line before the last one is not a journal entry. */
        DAMAGED,
        /** Replaying the session does not produce what the journal recorded. */
        MISMATCH
    }

    private final Kind kind;
    private final int line;

    public JournalException(Kind kind, int line, String message) {
        super(message);
        this.kind = kind;
        this.line = line;
    }

    public Kind kind() { return kind; }

    /** The line at fault, counted from 1. */
    public int line() { return line; }
}
