package io.tradeshell.shell.notebook;

import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Collects what the running cell puts out, in order: the text written to the session's output
 * (and to standard output while the cell runs), styled text and tables as the console's output
 * hands them over, and the charts it draws, each placed where it came.
 */
final class CellCapture extends Writer implements Output.Sink {
    private AttributedStringBuilder pending = new AttributedStringBuilder();
    private List<CellOutput> outputs = new ArrayList<>();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        pending.append(new String(buffer, offset, length));
    }

    @Override
    public synchronized void text(AttributedString text) {
        pending.append(text);
    }

    @Override
    public synchronized void table(TableBlock table) {
        flushText();
        outputs.add(new CellOutput.Table(table));
    }

    @Override
    public void flush() { }

    @Override
    public void close() { }

    /** A chart drawn now: the text before it stays before it. */
    synchronized void image(Path file, String caption) {
        flushText();
        outputs.add(new CellOutput.Image(file, caption));
    }

    /** The outputs since the last call, and a fresh start for the next cell. */
    synchronized List<CellOutput> take() {
        flushText();
        List<CellOutput> out = outputs;
        outputs = new ArrayList<>();
        return out;
    }

    private void flushText() {
        if (pending.length() == 0) return;
        AttributedString text = pending.toAttributedString();
        List<Line> lines = new ArrayList<>(Line.lines(text));
        // a trailing line break ends the last line rather than starting an empty one
        if (text.charAt(text.length() - 1) == '\n') lines.remove(lines.size() - 1);
        outputs.add(new CellOutput.Text(lines));
        pending = new AttributedStringBuilder();
    }
}
