package io.tradeshell.engine.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a journal back: every complete line, and the torn last line if the writer was killed
 * in the middle of one. A torn line is one without its line end or that is not valid JSON; a
 * bad line anywhere before the last is damage, which no repair can undo.
 */
public final class JournalFile {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A last line that was cut off, where it starts in the file, and its text. */
    public record TornLine(int line, long offset, String text) {
        /** The start of the text, for messages. */
        public String excerpt() {
            String t = text.replace("\u0000", "\\0");
            return t.length() <= 80 ? t : t.substring(0, 80) + "...";
        }
    }

    /** What a journal holds: its complete lines, and the torn last line if there is one. */
    public record Contents(Path file, List<JournalEntry> entries, Optional<TornLine> torn) {
        public Contents {
            entries = List.copyOf(entries);
        }

        /** The message that refuses a torn journal, saying how to go on. */
        public JournalException tornError() {
            TornLine t = torn.orElseThrow();
            return new JournalException(JournalException.Kind.TORN, t.line, file.getFileName() + " line " + t.line
                    + " is torn: it was cut off while being written ('" + t.excerpt() + "'), so it never took effect."
                    + " Resume with --repair-journal to drop it; the repair is recorded in the journal.");
        }
    }

    private JournalFile() { }

    /** Reads {@code file} line by line; a missing file is an empty journal. */
    public static Contents read(Path file) {
        List<JournalEntry> entries = new ArrayList<>();
        Optional<TornLine> torn = scan(file, entries::add);
        return new Contents(file, entries, torn);
    }

    /**
     * Hands each complete line of {@code file} to {@code each}, in order, without keeping them;
     * returns the torn last line if there is one.
     */
    public static Optional<TornLine> scan(Path file, java.util.function.Consumer<JournalEntry> each) {
        if (!Files.exists(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            LineBytes text = new LineBytes();
            byte[] chunk = new byte[1 << 16];
            long offset = 0;
            int line = 0;
            String pending = null;
            long pendingOffset = 0;
            boolean open = false;
            for (int n; (n = in.read(chunk)) > 0; ) {
                int from = 0;
                while (from < n) {
                    if (!open) {
                        open = true;
                        text.reset();
                    }
                    int nl = from;
                    while (nl < n && chunk[nl] != '\n') nl++;
                    text.write(chunk, from, nl - from);
                    if (nl == n) break;
                    from = nl + 1;
                    open = false;
                    line++;
                    // a bad line is only known to be damage, rather than a torn last line, once another follows it
                    if (pending != null) throw damaged(file, line - 1, pendingOffset, pending);
                    String s = text.string();
                    JournalEntry entry = parse(line, s);
                    if (entry == null) {
                        pending = s;
                        pendingOffset = offset;
                    } else {
                        each.accept(entry);
                    }
                    offset += text.size() + 1;
                }
            }
            if (pending != null && open) throw damaged(file, line, pendingOffset, pending);
            if (pending != null) return Optional.of(new TornLine(line, pendingOffset, pending));
            if (open) return Optional.of(new TornLine(line + 1, offset, text.string()));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static JournalException damaged(Path file, int line, long offset, String text) {
        return new JournalException(JournalException.Kind.DAMAGED, line, file.getFileName() + " line " + line
                + " is not a journal entry ('" + new TornLine(line, offset, text).excerpt() + "'), and lines follow it:"
                + " the journal is damaged, so the account cannot be rebuilt from it safely.");
    }

    /** The bytes of one line, as UTF-8 text. */
    private static final class LineBytes extends java.io.ByteArrayOutputStream {
        LineBytes() { super(512); }

        String string() { return new String(buf, 0, count, StandardCharsets.UTF_8); }
    }

    /**
     * Cuts a torn last line off the file, so appending goes on after the last complete line.
     * The caller records the repair in the journal.
     */
    public static void dropTornLine(Contents contents) {
        TornLine t = contents.torn().orElseThrow();
        try (FileChannel ch = FileChannel.open(contents.file(), StandardOpenOption.WRITE)) {
            ch.truncate(t.offset());
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the journal " + contents.file() + ": " + e.getMessage(), e);
        }
    }

    /** The entry, if the line is one JSON object with a type; null otherwise. Streams, builds no tree. */
    private static JournalEntry parse(int line, String text) {
        if (text.isBlank()) return null;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String type = null;
            long position = -1;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) type = p.getText();
                else if (field.equals("pos") && value == JsonToken.VALUE_NUMBER_INT) position = p.getLongValue();
                else p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || type == null) return null;
            return new JournalEntry(line, text, type, position);
        } catch (IOException e) {
            return null;
        }
    }

}
