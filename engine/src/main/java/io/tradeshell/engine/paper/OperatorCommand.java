package io.tradeshell.engine.paper;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.model.Side;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an operator asks of a running paper session, from any process.
 *
 * @param id      unique per command; the session's reply carries it
 * @param orderId the order to cancel, for {@link Kind#CANCEL}; the parent order, for {@link Kind#CANCEL_ALGO}; 0 otherwise
 * @param algo    the parent order to start, for {@link Kind#ALGO}; null otherwise
 */
public record OperatorCommand(String id, Kind kind, long orderId, AlgoOrder algo) {
    public OperatorCommand(String id, Kind kind, long orderId) {
        this(id, kind, orderId, null);
    }

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
        STOP,
        /** Start a parent order worked by an execution algo (TWAP, VWAP, participation). */
        ALGO,
        /** Cancel a working parent order and its working children. */
        CANCEL_ALGO;

        public String word() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        public static Kind parse(String word) {
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown operator command '" + word + "'");
            }
        }
    }

    /** The command as fields of a JSON object (inbox files and journal lines). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", kind.word());
        if (kind == Kind.CANCEL || kind == Kind.CANCEL_ALGO) m.put("orderId", orderId);
        if (kind == Kind.ALGO) {
            m.put("symbol", algo.symbol());
            m.put("side", algo.side().name());
            m.put("qty", algo.qty());
            m.put("algo", algo.algo());
        }
        m.put("id", id);
        return m;
    }

    public static OperatorCommand fromJson(JsonNode n) {
        Kind kind = Kind.parse(n.path("command").asText(""));
        AlgoOrder algo = kind != Kind.ALGO ? null
                : new AlgoOrder(n.path("symbol").asText(), Side.valueOf(n.path("side").asText()), n.path("qty").asDouble(), n.path("algo").asText());
        return new OperatorCommand(n.path("id").asText(""), kind, n.path("orderId").asLong(0), algo);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CANCEL -> "cancel #" + orderId;
            case CANCEL_ALGO -> "cancel algo #" + orderId;
            case ALGO -> "algo " + algo;
            default -> kind.word();
        };
    }
}
