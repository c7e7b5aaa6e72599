package io.tradeshell.shell.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The console's styled text read back from its ANSI escape codes: lines of characters, each
 * with the style it was printed in (bold, faint, a colour), so a report can show them again.
 */
final class AnsiText {
    private AnsiText() { }

    /**
     * A character's look.
     *
     * @param colour -1 for the default, 0-7 the basic colours, 8-15 their bright forms, 16-255 the extended palette
     */
    record Style(boolean bold, boolean faint, boolean italic, boolean underline, int colour) {
        static final Style PLAIN = new Style(false, false, false, false, -1);

        boolean plain() {
            return equals(PLAIN);
        }
    }

    /** A piece of a line in one style. */
    record Run(String text, Style style) { }

    /** One line: its characters and the style of each. */
    record Line(String text, Style[] styles) {
        int length() {
            return text.length();
        }

        boolean blank() {
            return text.isBlank();
        }

        /** Whether column {@code c} shows nothing (past the end counts as blank). */
        boolean spaceAt(int c) {
            return c >= text.length() || text.charAt(c) == ' ';
        }

        Style styleAt(int c) {
            return c < styles.length ? styles[c] : Style.PLAIN;
        }

        /** The runs of columns {@code from} (inclusive) to {@code to} (exclusive), clipped to the line. */
        List<Run> runs(int from, int to) {
            List<Run> out = new ArrayList<>();
            int end = Math.min(to, text.length());
            int start = Math.max(0, from);
            while (start < end) {
                int k = start + 1;
                while (k < end && styles[k].equals(styles[start])) k++;
                out.add(new Run(text.substring(start, k), styles[start]));
                start = k;
            }
            return out;
        }

        List<Run> runs() {
            return runs(0, text.length());
        }
    }

    /** The lines of {@code ansi}; a trailing newline ends the last line rather than starting an empty one. */
    static List<Line> lines(String ansi) {
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Style> styles = new ArrayList<>();
        Style style = Style.PLAIN;
        int n = ansi.length();
        for (int i = 0; i < n; i++) {
            char c = ansi.charAt(i);
            if (c == '\u001b' && i + 1 < n && ansi.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < n && !Character.isLetter(ansi.charAt(end))) end++;
                if (end < n && ansi.charAt(end) == 'm') style = apply(style, ansi.substring(i + 2, end));
                i = end;
            } else if (c == '\n') {
                lines.add(line(text, styles));
                text.setLength(0);
                styles.clear();
            } else if (c != '\r') {
                text.append(c);
                styles.add(style);
            }
        }
        if (!text.isEmpty()) lines.add(line(text, styles));
        return lines;
    }

    /** {@code ansi} without its escape codes. */
    static String strip(String ansi) {
        return ansi.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }

    private static Line line(StringBuilder text, List<Style> styles) {
        return new Line(text.toString(), styles.toArray(Style[]::new));
    }

    /** A select-graphic-rendition sequence's parameters applied to a style. */
    static Style apply(Style s, String params) {
        int[] p = params.isEmpty() ? new int[] {0}
                : Arrays.stream(params.split(";", -1)).mapToInt(t -> t.isEmpty() ? 0 : Integer.parseInt(t)).toArray();
        boolean bold = s.bold(), faint = s.faint(), italic = s.italic(), underline = s.underline();
        int colour = s.colour();
        for (int k = 0; k < p.length; k++) {
            int v = p[k];
            if (v == 0) {
                bold = faint = italic = underline = false;
                colour = -1;
            } else if (v == 1) bold = true;
            else if (v == 2) faint = true;
            else if (v == 3) italic = true;
            else if (v == 4) underline = true;
            else if (v == 22) bold = faint = false;
            else if (v == 23) italic = false;
            else if (v == 24) underline = false;
            else if (v >= 30 && v <= 37) colour = v - 30;
            else if (v == 39) colour = -1;
            else if (v >= 90 && v <= 97) colour = v - 90 + 8;
            else if (v == 38 && k + 2 < p.length && p[k + 1] == 5) {
                colour = p[k + 2];
                k += 2;
            } else if (v == 38 && k + 4 < p.length && p[k + 1] == 2) {
                k += 4; // true colour: the console does not use it; keep the default
            } else if ((v == 48) && k + 2 < p.length && p[k + 1] == 5) {
                k += 2; // backgrounds are not shown in reports
            }
        }
        return new Style(bold, faint, italic, underline, colour);
    }
}
