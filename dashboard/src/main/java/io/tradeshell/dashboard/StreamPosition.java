package io.tradeshell.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a viewer has read each journal file of a folder, in bytes: sent as the id of every
 * event, so a browser reconnecting with {@code Last-Event-ID} resumes each file where it was.
 * Written {@code equity.jsonl:1234,fills.jsonl:56}.
 */
final class StreamPosition {
    private final Map<String, Long> offsets = new LinkedHashMap<>();

    static StreamPosition parse(String id) {
        StreamPosition p = new StreamPosition();
        if (id == null || id.isBlank()) return p;
        for (String part : id.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) continue;
            try {
                long off = Long.parseLong(part.substring(colon + 1).trim());
                if (off >= 0) p.offsets.put(part.substring(0, colon).trim(), off);
            } catch (NumberFormatException ignored) {
                // a foreign id: start that file from the beginning
            }
        }
        return p;
    }

    long of(String file) { return offsets.getOrDefault(file, 0L); }

    void set(String file, long offset) { offsets.put(file, offset); }

    StreamPosition copy() {
        StreamPosition p = new StreamPosition();
        p.offsets.putAll(offsets);
        return p;
    }

    /** Whether both have read every file to the same place. */
    boolean sameAs(StreamPosition other) {
        for (String f : EventStream.JOURNALS) if (of(f) != other.of(f)) return false;
        return true;
    }

    String id() {
        StringBuilder s = new StringBuilder();
        offsets.forEach((f, o) -> {
            if (o > 0) s.append(s.isEmpty() ? "" : ",").append(f).append(':').append(o);
        });
        return s.toString();
    }
}
