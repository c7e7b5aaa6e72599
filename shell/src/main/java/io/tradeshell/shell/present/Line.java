package io.tradeshell.shell.present;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** One line of output, or one table cell: pieces of text, each with its tone. */
public record Line(List<Span> spans) {
    /** A piece of text in one tone. */
    public record Span(String text, Tone tone) { }

    public Line {
        spans = List.copyOf(spans);
    }

    public static Line plain(String text) {
        return text.isEmpty() ? new Line(List.of()) : new Line(List.of(new Span(text, Tone.PLAIN)));
    }

    /** The line a console string stands for, its styles read as tones (no line breaks expected). */
    public static Line of(AttributedString text) {
        List<Span> out = new ArrayList<>();
        int n = text.length(), start = 0;
        while (start < n) {
            Tone tone = Tone.of(text.styleAt(start));
            int k = start + 1;
            while (k < n && Tone.of(text.styleAt(k)) == tone) k++;
            out.add(new Span(text.subSequence(start, k).toString(), tone));
            start = k;
        }
        return new Line(out);
    }

    /** The lines of a console string, split at its line breaks. */
    public static List<Line> lines(AttributedString text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(of(text.subSequence(start, i)));
                start = i + 1;
            }
        }
        out.add(of(text.subSequence(start, text.length())));
        return out;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) b.append(s.text());
        return b.toString();
    }

    public boolean blank() {
        return text().isBlank();
    }
}
