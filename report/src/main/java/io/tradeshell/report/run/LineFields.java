package io.tradeshell.report.run;

import io.tradeshell.engine.time.IsoTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Typed access to the fields of one JSONL line, failing with the file and line on a bad field. */
final class LineFields {
    private final JsonNode node;
    private final Path file;
    private final long line;

    LineFields(JsonNode node, Path file, long line) {
        this.node = node;
        this.file = file;
        this.line = line;
    }

    String text(String name) throws RunFileException {
        JsonNode v = required(name);
        if (!v.isTextual()) throw fail("\"" + name + "\" must be a string");
        return v.asText();
    }

    /** A string field that older files may lack: {@code absent} when missing. */
    String optionalText(String name, String absent) throws RunFileException {
        return node.has(name) ? text(name) : absent;
    }

    double number(String name) throws RunFileException {
        JsonNode v = required(name);
        if (v.isNumber()) return v.doubleValue();
        if (v.isNull() || (v.isTextual() && v.asText().equals("NaN"))) return Double.NaN;
        throw fail("\"" + name + "\" must be a number");
    }

    long whole(String name) throws RunFileException {
        JsonNode v = required(name);
        if (!v.isIntegralNumber()) throw fail("\"" + name + "\" must be a whole number");
        return v.longValue();
    }

    Instant instant(String name) throws RunFileException {
        String t = text(name);
        try {
            return Instant.ofEpochMilli(IsoTime.parse(t));
        } catch (DateTimeParseException e) {
            throw fail("\"" + name + "\" is not an ISO-8601 instant: " + t);
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) throws RunFileException {
        String t = text(name);
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            throw fail("\"" + name + "\" is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + t);
        }
    }

    private JsonNode required(String name) throws RunFileException {
        JsonNode v = node.get(name);
        if (v == null) throw fail("missing \"" + name + "\"");
        return v;
    }

    private RunFileException fail(String problem) {
        return new RunFileException(file, line, problem);
    }
}
