package io.tradeshell.shell.console.view;

import io.tradeshell.shell.present.ConsoleText;
import io.tradeshell.shell.present.TableBlock;
import io.tradeshell.shell.present.View;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.InfoCmp;
import org.jline.utils.AttributedStyle;

/**
 * Where the console writes: a terminal, where text is styled and tables fit its width, plain
 * streams (pipes, files, tests), where it carries no escape codes at all, or a notebook's cell,
 * which keeps styled text and tables as data for its report.
 */
public final class Output {
    /** Takes styled text and tables as they are, for a report to render them its own way. */
    public interface Sink {
        void text(AttributedString text);

        void table(TableBlock table);
    }

    private static final int PLAIN_WIDTH = 120;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final IntSupplier width;
    private final int colors;
    private final Sink sink;

    private Output(PrintWriter out, PrintWriter err, Terminal terminal, IntSupplier width, Sink sink) {
        this.sink = sink;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.width = width;
        Integer max = terminal == null ? null : terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        this.colors = max == null ? 8 : max;
    }

    /** Plain text to two streams, for pipes, files and tests. */
    public static Output plain(PrintWriter out, PrintWriter err) {
        return new Output(out, err, null, () -> PLAIN_WIDTH, null);
    }

    /**
     * For a notebook's cell: what snippets print goes to {@code raw}, styled text and tables to
     * {@code sink} as they are, so the report shows a table as a table and a loss in red.
     */
    public static Output captured(PrintWriter raw, Sink sink) {
        return new Output(raw, raw, null, () -> PLAIN_WIDTH, sink);
    }

    /** Styled text to a terminal; errors go to the same screen. */
    public static Output terminal(Terminal terminal) {
        boolean dumb = terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
        return new Output(terminal.writer(), terminal.writer(), dumb ? null : terminal, () -> {
            int w = terminal.getWidth();
            return w > 20 ? w : 80;
        }, null);
    }

    public PrintWriter out() { return out; }

    public PrintWriter err() { return err; }

    public boolean styled() { return terminal != null; }

    public Optional<Terminal> terminal() { return Optional.ofNullable(terminal); }

    /** Columns available for a line of output. */
    public int width() { return width.getAsInt(); }

    public void println(String text) {
        out.println(text);
        out.flush();
    }

    public void print(String text) {
        out.print(text);
        out.flush();
    }

    public void println(AttributedString text) {
        if (sink != null) {
            sink.text(new AttributedStringBuilder().append(text).append('\n').toAttributedString());
            return;
        }
        out.println(render(text));
        out.flush();
    }

    public void print(AttributedString text) {
        if (sink != null) {
            sink.text(text);
            return;
        }
        out.print(render(text));
        out.flush();
    }

    /** A view: its text and tables, then a line break. */
    public void println(View view) {
        if (sink == null) {
            println(ConsoleText.render(view));
            return;
        }
        for (View.Part p : view.parts()) {
            switch (p) {
                case View.Text t -> sink.text(t.text());
                case View.Table t -> sink.table(t.table());
            }
        }
        sink.text(new AttributedString("\n"));
    }

    /** A line with one style, plain off a terminal. */
    public void println(String text, AttributedStyle style) {
        println(new AttributedString(text, style));
    }

    /** One line saying what went wrong. */
    public void error(String message) {
        if (sink != null) {
            println(new AttributedString("error: " + message, Styles.ERROR));
            return;
        }
        err.println(render(new AttributedString("error: " + message, Styles.ERROR)));
        err.flush();
    }

    public void warning(String message) {
        if (sink != null) {
            println(new AttributedString("warning: " + message, Styles.WARNING));
            return;
        }
        err.println(render(new AttributedString("warning: " + message, Styles.WARNING)));
        err.flush();
    }

    /** Text as this output shows it: with escape codes on a terminal, without elsewhere. */
    public String render(AttributedString text) {
        if (terminal == null) return text.toString();
        int colours = colors;
        var palette = terminal.getPalette();
        // JLine turns box-drawing characters into the terminal's line-drawing set or ASCII;
        // they pass through as private-use characters and come back as the Unicode they were
        boolean box = false;
        for (int i = 0; i < text.length() && !box; i++) box = isBox(text.charAt(i));
        if (!box) return text.toAnsi(colours, AttributedCharSequence.ForceMode.None, palette, null, null);
        AttributedStringBuilder hidden = new AttributedStringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            hidden.style(text.styleAt(i)).append(isBox(c) ? (char) (c - BOX_FIRST + HIDDEN_FIRST) : c);
        }
        String ansi = hidden.toAnsi(colours, AttributedCharSequence.ForceMode.None, palette, null, null);
        StringBuilder back = new StringBuilder(ansi.length());
        for (int i = 0; i < ansi.length(); i++) {
            char c = ansi.charAt(i);
            back.append(c >= HIDDEN_FIRST && c < HIDDEN_FIRST + 0x80 ? (char) (c - HIDDEN_FIRST + BOX_FIRST) : c);
        }
        return back.toString();
    }

    private static final char BOX_FIRST = '\u2500';
    private static final char HIDDEN_FIRST = '\uF500';

    private static boolean isBox(char c) {
        return c >= BOX_FIRST && c < BOX_FIRST + 0x80;
    }
}
