package io.tradeshell.engine.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.OrderFilled;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.run.RunRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A paper account's journal ({@code journal.jsonl}): every event of the session as one JSON
 * line carrying the feed position it happened at, one {@code Equity} line per bar time, the
 * operator's commands and the session's own milestones. Each line goes to the file in one
 * write as soon as it is made, and the file is synced to disk after each fill. The writer is
 * the first to hear an event, and the broker publishes events before they change the account,
 * so nothing takes effect that the journal does not hold.
 *
 * <p>When a session is resumed, the writer first <em>replays</em>: it checks each event the
 * re-run session produces against the next line of the old journal, byte for byte, and writes
 * nothing; once the old lines are used up it appends again. A difference stops the session
 * with {@link JournalException.Kind#MISMATCH}.
 */
public final class JournalWriter implements RunRecorder, AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private final Path file;
    private final FileChannel channel;
    private final JournalCursor replay;
    private final LongSupplier position;
    private final LongSupplier clock;
    private final Portfolio portfolio;
    private final LineBuffer buffer = new LineBuffer();
    private final JsonGenerator g;
    private final EventJson json = new EventJson();
    private Runnable onLive = () -> { };
    private boolean live;
    private long lines;

    /**
     * @param replay    the old journal's lines a resumed session must reproduce first (empty for a new account)
     * @param position  feed events delivered so far
     * @param clock     the run clock (the feed time reached), kept on each Equity line
     * @param portfolio the account, whose last prices each Equity line keeps
     */
    public JournalWriter(Path file, JournalCursor replay, LongSupplier position, LongSupplier clock, Portfolio portfolio) {
        this.file = file;
        this.replay = replay;
        this.position = position;
        this.clock = clock;
        this.portfolio = portfolio;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            this.g = FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        this.live = replay.exhausted();
    }

    /** Called once, when the replay has reproduced every old line and the journal starts appending. */
    public JournalWriter onLive(Runnable action) {
        this.onLive = action;
        if (live) action.run();
        return this;
    }

    /** True while the session is still reproducing its old journal. */
    public boolean replaying() {
        return !live;
    }

    public JournalCursor cursor() { return replay; }

    /** While replaying: the next line to reproduce, if it was written at the current feed position. */
    public java.util.Optional<JournalEntry> nextAtThisPosition() {
        JournalEntry e = live ? null : replay.peek();
        return e != null && e.position() == position.getAsLong() ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    public Path file() { return file; }

    /** Lines appended by this writer. */
    public long linesWritten() { return lines; }

    @Override
    public void on(TradingEvent e) {
        try {
            json.event(g, e, position.getAsLong());
            commit(e instanceof OrderFilled);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void onEquity(long time, double equity, double cash, double exposure, double benchmark) {
        try {
            g.writeStartObject();
            g.writeStringField("type", JournalEntry.EQUITY);
            g.writeNumberField("pos", position.getAsLong());
            json.time(g, "time", time);
            json.time(g, "feedTime", clock.getAsLong());
            Json.number(g, "equity", equity);
            Json.number(g, "cash", cash);
            g.writeArrayFieldStart("marks");
            for (int k = 0, n = portfolio.symbols().size(); k < n; k++) {
                double p = portfolio.lastPrice(k);
                if (Double.isFinite(p)) g.writeNumber(p);
                else g.writeNull();
            }
            g.writeEndArray();
            g.writeEndObject();
            commit(false);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Appends an operator command before it is carried out, with the run clock's time. Values
     * are strings, numbers, booleans or null.
     */
    public void command(long time, Map<String, ?> fields) {
        append(JournalEntry.COMMAND, time, fields, true);
    }

    /** Appends a session milestone (started, stopped, resumed, repaired...); always written, also while replaying. */
    public void session(long time, String event, Map<String, ?> fields) {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("event", event);
        all.putAll(fields);
        append(JournalEntry.SESSION, time, all, true);
    }

    private void append(String type, long time, Map<String, ?> fields, boolean sync) {
        try {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeNumberField("pos", position.getAsLong());
            if (time != Long.MIN_VALUE) json.time(g, "time", time);
            for (var f : fields.entrySet()) {
                g.writeFieldName(f.getKey());
                switch (f.getValue()) {
                    case null -> g.writeNull();
                    case Integer i -> g.writeNumber(i);
                    case Long l -> g.writeNumber(l);
                    case Number n -> {
                        if (Double.isFinite(n.doubleValue())) g.writeNumber(n.doubleValue());
                        else g.writeNull();
                    }
                    case Boolean b -> g.writeBoolean(b);
                    default -> g.writeString(f.getValue().toString());
                }
            }
            g.writeEndObject();
            g.flush();
            buffer.write('\n');
            write(sync);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** Checks the line just built against the old journal, or appends it. */
    private void commit(boolean sync) throws IOException {
        g.flush();
        buffer.write('\n');
        if (!live) {
            verify();
            return;
        }
        write(sync);
    }

    private void verify() {
        String produced = new String(buffer.bytes(), 0, buffer.size() - 1, StandardCharsets.UTF_8);
        buffer.reset();
        JournalEntry expected = replay.peek();
        if (expected != null && expected.isCommand()) {
            throw new JournalException(JournalException.Kind.MISMATCH, expected.line(), file.getFileName() + " line "
                    + expected.line() + " is an operator command at feed position " + expected.position()
                    + ", but the replay produced " + produced + " before reaching it");
        }
        if (expected == null || !expected.text().equals(produced)) {
            int line = expected == null ? replay.size() + 1 : expected.line();
            throw new JournalException(JournalException.Kind.MISMATCH, line, file.getFileName() + " line " + line
                    + " does not match the replay: the journal has " + (expected == null ? "nothing more" : expected.text())
                    + " but the session now produces " + produced
                    + ". The script, the data or the engine differ from the ones this account was run with.");
        }
        replay.take();
        if (replay.exhausted()) goLive();
    }

    /** Ends the replay: from now on lines are appended. */
    public void goLive() {
        if (live) return;
        if (!replay.exhausted()) throw new IllegalStateException("the replay has not reproduced the whole journal yet");
        live = true;
        onLive.run();
    }

    private void write(boolean sync) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buffer.bytes(), 0, buffer.size());
        while (bb.hasRemaining()) channel.write(bb);
        buffer.reset();
        lines++;
        if (sync) channel.force(false);
    }

    @Override
    public void finish(io.tradeshell.engine.run.RunResult result) {
        sync();
    }

    /** Forces everything written to disk. */
    public void sync() {
        try {
            if (channel.isOpen()) channel.force(false);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot sync the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot close the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** A byte buffer whose array can be written without copying. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer() { super(512); }

        byte[] bytes() { return buf; }
    }
}
