package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends each alert as one JSON line ({@code time, level, source, title, message}) to a log
 * file, flushed at once so the line survives a crash. The file and its folders are created on
 * the first alert, so a run without alerts leaves no empty log behind.
 */
public final class LogFileAlerts implements AlertChannel {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;
    private Writer writer;

    public LogFileAlerts(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    public Path file() { return file; }

    /** The JSON line written for an alert, without its line break. */
    public static String line(Alert a) {
        StringWriter s = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("time", a.timeText());
            g.writeStringField("level", a.level().name());
            g.writeStringField("source", a.source());
            g.writeStringField("title", a.title());
            g.writeStringField("message", a.message());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return s.toString();
    }

    @Override
    public synchronized void send(Alert alert) {
        try {
            if (writer == null) open();
            writer.write(line(alert));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new AlertDeliveryException("cannot write alert log " + file + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public boolean local() { return true; }

    @Override
    public String name() { return "log file " + file; }

    @Override
    public synchronized void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new AlertDeliveryException("cannot close alert log " + file + ": " + e.getMessage(), e);
        } finally {
            writer = null;
        }
    }
}
