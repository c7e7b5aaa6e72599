package io.tradeshell.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One complete line of a journal: its line number (from 1), its text without the line end,
 * and the parsed object.
 */
public record JournalEntry(int line, String text, JsonNode json) {
    /** Journal lines that are not trading events. */
    public static final String EQUITY = "Equity", COMMAND = "Command", SESSION = "Session";

    public String type() {
        return json.path("type").asText("");
    }

    /** Feed events delivered when the line was written, or -1 if the line has none. */
    public long position() {
        return json.path("pos").asLong(-1);
    }

    public boolean isSession() { return SESSION.equals(type()); }

    public boolean isCommand() { return COMMAND.equals(type()); }
}
