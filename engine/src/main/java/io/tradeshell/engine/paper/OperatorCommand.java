package io.tradeshell.engine.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an operator asks of a running paper session, from any process.
 *
 * @param id      unique per command; the session's reply carries it
 * @param orderId the order to cancel, for {@link Kind#CANCEL}; 0 otherwise
 */
public record OperatorCommand(String id, Kind kind, long orderId) {

    /** The commands a session understands. */
    public enum Kind {
        /** Cancel one working order. */
        CANCEL,
        /** Cancel every order and close every position at market; trading goes on. */
        FLATTEN,
        /** The kill switch: halt trading, cancel every order, flatten every position. */
        KILL,
        /** No new exposure until resumed; exits and protective orders still work. */
        PAUSE,
        /** Trade again after a pause, a daily stop or a halt. */
        RESUME,
        /** End the session cleanly; {@code paper resume} continues it later. */
        STOP;

        public String word() { return name().toLowerCase(Locale.ROOT); }

        public static Kind parse(String word) {
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown operator command '" + word + "'");
            }
        }
    }

    /** The command as fields of a JSON object (inbox files and journal lines). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", kind.word());
        if (kind == Kind.CANCEL) m.put("orderId", orderId);
        m.put("id", id);
        return m;
    }

    public static OperatorCommand fromJson(JsonNode n) {
        return new OperatorCommand(n.path("id").asText(""), Kind.parse(n.path("command").asText("")), n.path("orderId").asLong(0));
    }

    @Override
    public String toString() {
        return kind == Kind.CANCEL ? "cancel #" + orderId : kind.word();
    }
}
