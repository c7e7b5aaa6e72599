package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A live feed that keeps what it delivered, so a session on live prices can be re-run: each
 * event is written to a file (one line, before the loop hears it), with the warm-up history
 * first. Opened again on a file that holds events, it delivers those first, as they came, then
 * goes on with the live feed, recording it too. A line cut off by a crash is dropped.
 *
 * <p>Lines: {@code W slot openTime o h l c v} (warm-up), {@code B slot openTime o h l c v} (a bar
 * closed), {@code O slot openTime open volume} (a bar opened), {@code T slot time price amount}.
 */
public final class RecordedFeed extends LiveFeedAround implements AutoCloseable {
    private final List<BarSeries> warmUp;
    private final List<String[]> recorded;
    private final BufferedWriter out;
    private int replayed;
    private long position;
    /** When the newest recorded event was known (a bar's close, a trade's time): a live event no newer (sent again) is dropped. */
    private long newest = Long.MIN_VALUE;

    private RecordedFeed(Feed live, List<BarSeries> warmUp, List<String[]> recorded, BufferedWriter out) {
        super(live);
        this.warmUp = warmUp;
        this.recorded = recorded;
        this.out = out;
    }

    /** Records {@code live} in {@code file}; if the file holds a recording already, that is delivered first. */
    public static RecordedFeed open(Path file, Feed live) {
        try {
            List<String[]> lines = new ArrayList<>();
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n') + 1; // a last line without its end was cut off by a crash
                if (end < text.length()) Files.write(file, text.substring(0, end).getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
                for (String line : text.substring(0, end).split("\n")) if (!line.isBlank()) lines.add(line.split(" "));
            }
            boolean fresh = lines.isEmpty();
            List<BarSeries> warmUp = new ArrayList<>();
            for (int k = 0; k < live.symbols().size(); k++) {
                warmUp.add(new BarSeries(live.symbols().get(k), Duration.ofMillis(live.periodMillis(k)), live.priceScale(k), 16));
            }
            List<String[]> events = new ArrayList<>();
            for (String[] l : lines) {
                if (l[0].equals("W")) warmUp.get(Integer.parseInt(l[1])).append(Long.parseLong(l[2]), d(l[3]), d(l[4]), d(l[5]), d(l[6]), d(l[7]));
                else events.add(l);
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            RecordedFeed f = new RecordedFeed(live, warmUp, events, out);
            if (fresh && live instanceof TradingLoop.WarmUp w) {
                for (int k = 0; k < live.symbols().size(); k++) {
                    BarSeries b = w.warmUp(k);
                    for (int i = 0; i < b.size(); i++) {
                        warmUp.get(k).appendFrom(b, i);
                        f.write("W " + k + " " + b.openTime(i) + " " + b.open(i) + " " + b.high(i) + " " + b.low(i) + " " + b.close(i) + " " + b.volume(i));
                    }
                }
                out.flush();
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the live feed in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a recording of a live feed: " + e.getMessage(), e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    /** Events the recording held when it was opened: delivered again before the live ones. */
    public int recordedEvents() {
        return recorded.size();
    }

    @Override
    public boolean next(FeedSink sink) {
        if (replayed < recorded.size()) {
            String[] l = recorded.get(replayed++);
            int slot = Integer.parseInt(l[1]);
            long t = Long.parseLong(l[2]);
            position++; // counted before the loop hears it, as the live feed counts
            newest = Math.max(newest, l[0].equals("B") ? t + live.periodMillis(slot) : t); // before: the loop peeks while it hears it
            switch (l[0]) {
                case "B" -> sink.onBar(slot, t, d(l[3]), d(l[4]), d(l[5]), d(l[6]), d(l[7]));
                case "O" -> sink.onOpen(slot, t, d(l[3]), d(l[4]));
                default -> sink.onTick(slot, t, d(l[3]), d(l[4]));
            }
            return true;
        }
        return live.next(new FeedSink() {
            public void onBar(int s, long t, double o, double h, double l, double c, double v) {
                if (!fresh(t + live.periodMillis(s))) return;
                write("B " + s + " " + t + " " + o + " " + h + " " + l + " " + c + " " + v);
                sink.onBar(s, t, o, h, l, c, v);
            }

            public void onOpen(int s, long t, double o, double v) {
                if (!fresh(t)) return;
                write("O " + s + " " + t + " " + o + " " + v);
                sink.onOpen(s, t, o, v);
            }

            public void onTick(int s, long t, double p, double a) {
                if (!fresh(t)) return;
                write("T " + s + " " + t + " " + p + " " + a);
                sink.onTick(s, t, p, a);
            }
        });
    }

    /** Whether a live event known at {@code time} (a bar's close, a trade's time) comes after the recording's newest; counts it as delivered if so. */
    private boolean fresh(long time) {
        if (recorded.isEmpty() || time > newest) {
            position++;
            return true;
        }
        return false;
    }

    private void write(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the live feed: " + e.getMessage(), e);
        }
    }

    @Override
    public long peekBarTime() {
        if (replayed < recorded.size()) {
            String[] l = recorded.get(replayed);
            return l[0].equals("B") ? Long.parseLong(l[2]) + live.periodMillis(Integer.parseInt(l[1])) : Long.MAX_VALUE;
        }
        long t = live.peekBarTime();
        return t <= newest && !recorded.isEmpty() ? Long.MAX_VALUE : t; // a bar sent again is dropped, not one of this time
    }

    @Override
    public long nextEventTime() {
        if (replayed < recorded.size()) {
            String[] l = recorded.get(replayed);
            return l[0].equals("B") ? peekBarTime() : Long.parseLong(l[2]);
        }
        long t = live.nextEventTime();
        return t <= newest && !recorded.isEmpty() ? Long.MAX_VALUE : t;
    }

    @Override
    public BarSeries warmUp(int slot) { return warmUp.get(slot); }

    @Override
    public long position() { return position; }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // what was written was flushed line by line
        }
    }
}
