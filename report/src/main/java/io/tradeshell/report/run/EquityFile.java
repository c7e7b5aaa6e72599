package io.tradeshell.report.run;

import io.tradeshell.engine.time.IsoTime;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads equity.jsonl into primitive columns with Jackson's streaming parser, one line at a
 * time, so a million-line curve costs a few arrays rather than a million objects.
 */
final class EquityFile {
    private final Path file;
    private long[] time = new long[1024];
    private double[] equity = new double[1024], cash = new double[1024], exposure = new double[1024], benchmark = new double[1024];
    private int size;

    private EquityFile(Path file) {
        this.file = file;
    }

    static EquityColumns read(Path file, JsonFactory json) throws IOException {
        EquityFile reader = new EquityFile(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                reader.parse(line, lineNo, json);
            }
        }
        return reader.curve();
    }

    private void parse(String line, long lineNo, JsonFactory json) throws IOException {
        if (size == time.length) grow();
        long t = Long.MIN_VALUE;
        double e = Double.NaN, c = Double.NaN, x = Double.NaN, b = Double.NaN;
        boolean sawEquity = false;
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw fail(lineNo, "expected a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "time" -> t = instant(p, value, lineNo);
                    case "equity" -> {
                        e = number(p, value, name, lineNo);
                        sawEquity = true;
                    }
                    case "cash" -> c = number(p, value, name, lineNo);
                    case "exposure" -> x = number(p, value, name, lineNo);
                    case "benchmark" -> b = number(p, value, name, lineNo);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw fail(lineNo, "expected one JSON object on the line");
            }
        } catch (JsonProcessingException ex) {
            throw new RunFileException(file, lineNo, "not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (t == Long.MIN_VALUE) throw fail(lineNo, "missing \"time\"");
        if (!sawEquity) throw fail(lineNo, "missing \"equity\"");
        time[size] = t;
        equity[size] = e;
        cash[size] = c;
        exposure[size] = x;
        benchmark[size] = b;
        size++;
    }

    private long instant(JsonParser p, JsonToken value, long lineNo) throws IOException {
        if (value != JsonToken.VALUE_STRING) throw fail(lineNo, "\"time\" must be an ISO-8601 instant string");
        String text = p.getText();
        try {
            return IsoTime.parse(text);
        } catch (DateTimeParseException ex) {
            throw fail(lineNo, "\"time\" is not an ISO-8601 instant: " + text);
        }
    }

    /** A number, or NaN for null and for the "NaN"/"Infinity" strings some writers use. */
    private double number(JsonParser p, JsonToken value, String name, long lineNo) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
        if (value == JsonToken.VALUE_NULL) return Double.NaN;
        if (value == JsonToken.VALUE_STRING) {
            switch (p.getText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw fail(lineNo, "\"" + name + "\" must be a number");
    }

    private RunFileException fail(long lineNo, String problem) {
        return new RunFileException(file, lineNo, problem);
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        equity = Arrays.copyOf(equity, cap);
        cash = Arrays.copyOf(cash, cap);
        exposure = Arrays.copyOf(exposure, cap);
        benchmark = Arrays.copyOf(benchmark, cap);
    }

    private EquityColumns curve() {
        return new EquityColumns(Arrays.copyOf(time, size), Arrays.copyOf(equity, size), Arrays.copyOf(cash, size),
                Arrays.copyOf(exposure, size), Arrays.copyOf(benchmark, size));
    }
}
