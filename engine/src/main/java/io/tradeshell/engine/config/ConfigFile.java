package io.tradeshell.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a settings file a person writes (alerts, a paper account's session) into records with
 * Jackson, strictly: an unknown key, a value of the wrong type, a missing required key and a
 * value its record refuses are each one line naming the file, the line and the key, since a
 * typo would otherwise silently change what runs. Values of secret keys are never repeated.
 */
public final class ConfigFile {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or true where a text belongs is a mistake, not a text
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private ConfigFile() { }

    /**
     * The file's content as {@code type}.
     *
     * @param secrets keys (as {@code webhook.url}) whose values may hold a password or a token
     * @throws IllegalArgumentException {@code FILE:LINE: KEY problem}, or {@code FILE: problem} when it cannot be read
     */
    public static <T> T read(Path file, Class<T> type, Set<String> secrets) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) throw new IllegalArgumentException(file + ": empty, expected a JSON object {...}");
            return value;
        } catch (JsonMappingException e) {
            String where = e instanceof UnrecognizedPropertyException u ? keyLine(bytes, u) : where(e.getLocation());
            throw new IllegalArgumentException(file + where + ": " + problem(e, secrets, bytes), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + where(e.getLocation()) + ": not valid JSON: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The line of an unknown key: Jackson reports where it stopped after skipping the key's value. */
    private static String keyLine(byte[] bytes, UnrecognizedPropertyException u) {
        JsonLocation at = u.getLocation();
        if (at == null || at.getByteOffset() < 0) return where(at);
        String before = new String(bytes, 0, (int) Math.min(at.getByteOffset(), bytes.length), StandardCharsets.UTF_8);
        int k = before.lastIndexOf("\"" + u.getPropertyName() + "\"");
        if (k < 0) return where(at);
        return ":" + (1 + before.substring(0, k).chars().filter(c -> c == '\n').count());
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
    }

    /** What is wrong, in the file's own words: the key's dotted path, never a secret's value. */
    static String problem(JsonMappingException e, Set<String> secrets, byte[] bytes) {
        String key = path(e);
        return switch (e) {
            case UnrecognizedPropertyException u -> "unknown key \"" + key + "\" (known: " + known(u) + ")";
            case ValueInstantiationException v -> {
                Throwable cause = v.getCause() != null ? v.getCause() : v;
                String message = oneLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                // a record names its own keys; a message naming the section already needs no prefix
                yield key.isEmpty() || message.startsWith(key + " ") || message.startsWith(key + ".") ? message : key + "." + message;
            }
            case MismatchedInputException m when m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Missing required creator property") -> {
                String name = missing(m.getOriginalMessage());
                yield (key.isEmpty() ? name : key.equals(name) || key.endsWith("." + name) ? key : key + "." + name) + " is missing";
            }
            case MismatchedInputException m -> (key.isEmpty() ? "the file" : key) + " must be " + kind(m.getTargetType())
                    + (secret(key, secrets) ? "" : value(m, bytes));
            default -> (key.isEmpty() ? "" : key + ": ") + oneLine(e.getOriginalMessage());
        };
    }

    /** A secret key, or a section holding one: its value as written is not repeated. */
    private static boolean secret(String key, Set<String> secrets) {
        return secrets.stream().anyMatch(s -> s.equals(key) || s.startsWith(key + ".") || key.isEmpty());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The keys the record takes, in its own order. */
    private static String known(UnrecognizedPropertyException u) {
        Class<?> c = u.getReferringClass();
        if (c != null && c.isRecord()) {
            return Arrays.stream(c.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).collect(Collectors.joining(", "));
        }
        Collection<Object> ids = u.getKnownPropertyIds();
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String missing(String message) {
        int a = message.indexOf('\''), b = message.indexOf('\'', a + 1);
        return a >= 0 && b > a ? message.substring(a + 1, b) : "a required key";
    }

    private static String kind(Class<?> type) {
        if (type == null) return "something else";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class) return "a number";
        if (CharSequence.class.isAssignableFrom(type)) return "a text in quotes";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list [...]";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object {...}";
        return "a " + type.getSimpleName();
    }

    /** {@code , was "yes"}: the value as written, read from the file where the parser found it. */
    private static String value(MismatchedInputException m, byte[] bytes) {
        JsonLocation at = m.getLocation();
        if (at == null || at.getByteOffset() < 0 || at.getByteOffset() >= bytes.length) return "";
        String rest = new String(bytes, (int) at.getByteOffset(), (int) Math.min(bytes.length - at.getByteOffset(), 200), StandardCharsets.UTF_8);
        if (rest.startsWith("{")) return ", was {...}";
        if (rest.startsWith("[")) return ", was [...]";
        if (rest.startsWith("\"")) {
            for (int k = 1; k < rest.length(); k++) {
                if (rest.charAt(k) == '\\') k++;
                else if (rest.charAt(k) == '"') return ", was " + oneLine(rest.substring(0, k + 1));
            }
            return "";
        }
        int end = 0;
        while (end < rest.length() && ",}] \t\r\n".indexOf(rest.charAt(end)) < 0) end++;
        return end == 0 ? "" : ", was " + rest.substring(0, end);
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
