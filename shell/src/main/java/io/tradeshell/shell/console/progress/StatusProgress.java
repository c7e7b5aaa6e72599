package io.tradeshell.shell.console.progress;

import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * Progress in the terminal's status line (JLine's {@link Status}), redrawn at most ten times a
 * second and only once a run has lasted long enough to be worth watching.
 */
public final class StatusProgress implements Progress {
    private static final long SHOW_AFTER_NANOS = 300_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final Terminal terminal;

    public StatusProgress(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Task start(long totalBars, String what) {
        return new Line(totalBars, what);
    }

    private final class Line implements Task {
        private final long total;
        private final String what;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private Status status;

        Line(long total, String what) {
            this.total = total;
            this.what = what;
        }

        @Override
        public void onProgress(long barsDone, long feedTime) {
            long now = System.nanoTime();
            if (now - started < SHOW_AFTER_NANOS || now - lastDrawn < REDRAW_NANOS) return;
            lastDrawn = now;
            if (status == null) status = Status.getStatus(terminal);
            String text = ProgressText.line(what, barsDone, total, (now - started) / 1e9, terminal.getWidth() - 1);
            status.update(List.of(new AttributedString(text)));
            terminal.flush();
        }

        @Override
        public void close() {
            if (status != null) {
                status.update(List.of());
                terminal.flush();
            }
        }
    }
}
