package io.tradeshell.engine.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.nio.file.Path;

/**
 * Reads and validates a JSON bar file in one of the {@link JsonBarShape}s: {@code {"name": ...,
 * "ohlc": [{"endTime": ms, "openPrice", "highPrice", "lowPrice", "closePrice", "volume"}, ...]}}
 * (a bar opens {@code period - 1} millis before its {@code endTime}) or {@code {"candles":
 * [{"start": "<unix seconds>", "low", "high", "open", "close", "volume"}, ...]}} (a bar opens at
 * its {@code start}; numbers may be strings). Streams with Jackson so lines come from its
 * token locations.
 */
final class JsonBarReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller still hashes the rest
            .build();
    private final Path file;
    private final RowProblems problems;
    private final DecimalReader decimal = new DecimalReader();
    private final TimeReader times = new TimeReader();
    private String[] fields;
    private BarChecks checks;
    private TimeOrder order;
    private final BarBuffer bars = new BarBuffer();
    private final double[] values = new double[5];
    // the first problem of the bar being read, and its line
    private String problem;
    private long problemLine;
    private int barScale;

    private JsonBarReader(Path file, RowProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads the bars of {@code file} from {@code input}; bad bars fail or are skipped per {@code problems}. */
    static BarSeries read(Path file, InputStream input, RowProblems problems, LoadOptions options) {
        try (JsonParser parser = JSON.createParser(input)) {
            return new JsonBarReader(file, problems).readDocument(parser, options);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? 0 : Math.max(0, at.getLineNr());
            throw new DataException(file, line, "invalid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    private BarSeries readDocument(JsonParser p, LoadOptions options) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) throw problems.structural(0, "empty file");
        if (t != JsonToken.START_OBJECT) {
            throw problems.structural(line(p), "expected a JSON object with an \"ohlc\" or \"candles\" array of bars");
        }
        JsonBarShape shape = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            JsonBarShape found = shape == null ? JsonBarShape.forArray(name) : null;
            if (found != null) {
                if (t != JsonToken.START_ARRAY) throw problems.structural(line(p), "\"" + name + "\" is not an array of bars");
                shape = found;
                useShape(shape);
                readBars(p);
            } else {
                p.skipChildren();
            }
        }
        if (shape == null) throw problems.structural(0, "no \"ohlc\" or \"candles\" array of bars");
        // A file holds one document: a second value after it would be silently ignored data.
        if (p.nextToken() != null) throw problems.structural(line(p), "a second JSON value after the bars' object: a file holds one");
        if (bars.size() == 0) throw problems.nothingLeft("no bars");
        long fallback = options.barPeriod().map(Duration::toMillis).orElse(0L);
        long period = bars.inferPeriodMillis(fallback);
        return bars.toSeries(options.symbolFor(file), period, shape.endTime() ? 1 - period : 0);
    }

    private void useShape(JsonBarShape shape) {
        fields = shape.fields();
        checks = new BarChecks(fields[1], fields[2], fields[3], fields[4], fields[5]);
        order = new TimeOrder(fields[0], false);
    }

    private void readBars(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw problems.structural(0, "the \"ohlc\" array is not closed");
            long line = line(p);
            if (t != JsonToken.START_OBJECT) {
                String found = p.getText();
                p.skipChildren();
                problems.reject(line, "expected a bar object, found " + found);
                continue;
            }
            readBar(p, line);
        }
    }

    private void readBar(JsonParser p, long line) throws IOException {
        problem = null;
        barScale = 0;
        int seen = 0;
        long time = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int field = fieldIndex(name);
            if (field < 0) {
                p.skipChildren();
                continue;
            }
            seen |= 1 << field;
            if (field == 0) {
                if (readTime(p, t)) time = times.millis();
            } else if (readNumber(p, t, name)) {
                values[field - 1] = decimal.value();
                if (field < 5 && decimal.scale() > barScale) barScale = decimal.scale();
            }
        }
        if (problem == null) {
            for (int k = 0; k < fields.length; k++) {
                if ((seen & (1 << k)) == 0) {
                    note(line, "bar has no " + fields[k]);
                    break;
                }
            }
        }
        if (problem == null) noteIfAny(line, order.problem(time));
        if (problem == null) noteIfAny(line, checks.problem(values[0], values[1], values[2], values[3], values[4]));
        if (problem != null) {
            problems.reject(problemLine, problem);
            return;
        }
        order.accept(time, line);
        bars.add(time, values[0], values[1], values[2], values[3], values[4]);
        bars.notePriceScale(barScale);
        bars.noteDateOnly(false);
    }

    private boolean readTime(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return note(line(p), "cannot read " + fields[0] + " '" + p.getText() + "' as a time");
            }
            times.readEpoch(p.getLongValue());
            return true;
        }
        if (t == JsonToken.VALUE_STRING && times.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            return true;
        }
        long at = line(p);
        String shown = p.getText();
        p.skipChildren();
        return note(at, "cannot read " + fields[0] + " '" + shown + "' as a time");
    }

    private boolean readNumber(JsonParser p, JsonToken t, String name) throws IOException {
        boolean text = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING;
        if (text && decimal.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) return true;
        long at = line(p);
        String shown = p.getText();
        p.skipChildren();
        return note(at, "cannot read " + name + " '" + shown + "' as a number");
    }

    /** Keeps the first problem of a bar; always false, so callers can return it. */
    private boolean note(long line, String reason) {
        if (problem == null) {
            problem = reason;
            problemLine = line;
        }
        return false;
    }

    private void noteIfAny(long line, String reason) {
        if (reason != null) note(line, reason);
    }

    private int fieldIndex(String name) {
        for (int k = 0; k < fields.length; k++) {
            if (fields[k].equals(name)) return k;
        }
        return -1;
    }

    private static long line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
