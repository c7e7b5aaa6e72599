package io.tradeshell.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One complete line of a journal: its line number (from 1), its text without the line end,
 * and its type and feed position. The full object is parsed only when asked for, so a long
 * journal costs its text and no more.
 */
public final class JournalEntry {
    /** Journal lines that are not trading events. */
    public static final String EQUITY = "Equity", COMMAND = "Command", SESSION = "Session";
    private static final ObjectMapper READER = new ObjectMapper();

    private final int line;
    private final String text;
    private final String type;
    private final long position;

    JournalEntry(int line, String text, String type, long position) {
        this.line = line;
        this.text = text;
        this.type = type;
        this.position = position;
    }

    public int line() { return line; }

    public String text() { return text; }

    public String type() { return type; }

    /** Feed events delivered when the line was written, or -1 if the line has none. */
    public long position() { return position; }

    /** The line parsed (each call parses it again). */
    public JsonNode json() {
        try {
            return READER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("journal line " + line + " cannot be read again: " + e.getMessage(), e);
        }
    }

    public boolean isSession() { return SESSION.equals(type); }

    public boolean isCommand() { return COMMAND.equals(type); }

    @Override
    public String toString() { return line + ": " + text; }
}
