package io.tradeshell.shell.notebook;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the running cell puts out, in order: the text written to the session's output
 * (and to standard output while the cell runs), with the charts it draws placed where they came.
 */
final class CellCapture extends Writer {
    private final StringBuilder pending = new StringBuilder();
    private List<CellOutput> outputs = new ArrayList<>();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        pending.append(buffer, offset, length);
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
        if (pending.isEmpty()) return;
        outputs.add(new CellOutput.Text(pending.toString()));
        pending.setLength(0);
    }
}
