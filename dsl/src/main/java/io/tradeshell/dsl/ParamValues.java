package io.tradeshell.dsl;

import java.math.BigDecimal;
import java.util.Map;

/** Turns a {@code --param name=value} text into the type of the parameter's default. */
final class ParamValues {
    private ParamValues() { }

    /** The override as the default's type; a typed value (from the console) is checked too. */
    static Object coerce(String name, Object defaultValue, Object override) {
        if (!(override instanceof String text)) {
            if (defaultValue instanceof Number && override instanceof Number n) return sameKind(name, defaultValue, n.toString());
            if (defaultValue.getClass().isInstance(override)) return override;
            throw wrong(name, defaultValue, String.valueOf(override));
        }
        if (defaultValue instanceof String) return text;
        if (defaultValue instanceof Boolean) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Boolean.parseBoolean(text);
            throw wrong(name, defaultValue, text);
        }
        if (defaultValue instanceof Number) return sameKind(name, defaultValue, text.trim());
        throw new IllegalArgumentException("param '" + name + "' has a default of unsupported type " + defaultValue.getClass().getSimpleName());
    }

    private static Object sameKind(String name, Object defaultValue, String text) {
        try {
            return switch (defaultValue) {
                case Integer i -> Integer.parseInt(text);
                case Long l -> Long.parseLong(text);
                case BigDecimal b -> new BigDecimal(text);
                case Double d -> Double.parseDouble(text);
                case Float f -> Float.parseFloat(text);
                default -> new BigDecimal(text);
            };
        } catch (NumberFormatException e) {
            throw wrong(name, defaultValue, text);
        }
    }

    private static IllegalArgumentException wrong(String name, Object defaultValue, String text) {
        return new IllegalArgumentException("param '" + name + "' expects " + kind(defaultValue) + ", got '" + text + "'");
    }

    static String kind(Object v) {
        return switch (v) {
            case Integer i -> "a whole number";
            case Long l -> "a whole number";
            case Number n -> "a number";
            case Boolean b -> "true or false";
            default -> "text";
        };
    }

    /** Collections as read-only copies, so no run can leave anything in a value the next run is given. */
    static Object frozen(Object value) {
        return switch (value) {
            case java.util.List<?> l -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(l));
            case java.util.Map<?, ?> m -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
            case java.util.Set<?> s -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(s));
            default -> value;
        };
    }

    static void checkKnown(Map<String, Object> overrides, Map<String, Object> declared, String scriptName) {
        for (String name : overrides.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("unknown param '" + name + "' (" + scriptName + " has: "
                        + (declared.isEmpty() ? "no params" : String.join(", ", declared.keySet())) + ")");
            }
        }
    }
}
