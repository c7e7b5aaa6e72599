package io.tradeshell.brokers;

import java.util.List;

/**
 * The secret values of a session, so any text leaving an adapter (an error from a broker, a
 * journal note) can be scrubbed of them first: a broker may echo a header back in an error.
 */
public record Secrets(List<String> values) {
    public Secrets {
        values = values.stream().filter(v -> v != null && v.length() >= 4).toList();
    }

    public static Secrets of(String... values) {
        return new Secrets(List.of(values));
    }

    public String scrub(String text) {
        if (text == null) return "";
        String out = text;
        for (String v : values) out = out.replace(v, "***");
        return out;
    }
}
