package io.tradeshell.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    private static final ObjectMapper READER = new ObjectMapper();

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

    /** Reads {@code file}; a missing file is an empty journal. */
    public static Contents read(Path file) {
        if (!Files.exists(file)) return new Contents(file, List.of(), Optional.empty());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        int start = 0, line = 0;
        while (start < bytes.length) {
            line++;
            int end = indexOf(bytes, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end : bytes.length;
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            JsonNode json = complete ? parse(text) : null;
            boolean last = !complete || end + 1 >= bytes.length;
            if (json == null) {
                if (last) return new Contents(file, entries, Optional.of(new TornLine(line, start, text)));
                throw new JournalException(JournalException.Kind.DAMAGED, line, file.getFileName() + " line " + line
                        + " is not a journal entry ('" + new TornLine(line, start, text).excerpt() + "'), and lines follow it:"
                        + " the journal is damaged, so the account cannot be rebuilt from it safely.");
            }
            entries.add(new JournalEntry(line, text, json));
            start = stop + 1;
        }
        return new Contents(file, entries, Optional.empty());
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

    private static JsonNode parse(String text) {
        if (text.isBlank()) return null;
        try {
            JsonNode n = READER.readTree(text);
            return n != null && n.isObject() && n.hasNonNull("type") ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }
}
