package io.tradeshell.dsl;

import java.util.Map;

/** Reads the named options of the execution-algo words, refusing any it does not know by name. */
final class AlgoOptions {
    private AlgoOptions() { }

    static void only(Map<String, Object> options, String word, String allowed) {
        for (String k : options.keySet()) {
            if (!k.equals(allowed)) throw new IllegalArgumentException(word + " has no option '" + k + "' (it takes " + allowed + ":)");
        }
    }

    static double number(Map<String, Object> options, String name, double fallback) {
        Object v = options.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(name + ": must be a number, got " + v);
    }

    static int whole(Map<String, Object> options, String name, int fallback) {
        double v = number(options, name, fallback);
        if (v != Math.rint(v)) throw new IllegalArgumentException(name + ": must be a whole number, got " + v);
        return (int) v;
    }
}
