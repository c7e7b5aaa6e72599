package io.tradeshell.shell.cli;

import io.tradeshell.engine.optimize.SweepProgress;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.optimize.WalkForwardListener;
import io.tradeshell.engine.optimize.WalkForwardWindow;
import io.tradeshell.engine.optimize.WindowResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A sweep's progress on the error stream: a bar redrawn in place with combinations per second
 * and the time left on a terminal, or a line every tenth of the way when the output is a file.
 */
final class SweepProgressBar implements WalkForwardListener {
    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean rowLines;
    private final Function<WindowResult, String> windowLine;
    private long lastDraw;
    private int lastTenth = -1;
    private String prefix = "";
    private boolean drawn;
    private volatile BooleanSupplier stop = () -> false;

    /** A sweep's bar. */
    SweepProgressBar(PrintWriter err, boolean terminal) {
        this(err, terminal, true, null);
    }

    /**
     * A walk-forward's bar: off a terminal no lines within a window's sweep, and on any
     * output a line per finished window from {@code windowLine}.
     */
    SweepProgressBar(PrintWriter err, boolean terminal, Function<WindowResult, String> windowLine) {
        this(err, terminal, false, windowLine);
    }

    private SweepProgressBar(PrintWriter err, boolean terminal, boolean rowLines, Function<WindowResult, String> windowLine) {
        this.err = err;
        this.terminal = terminal;
        this.rowLines = rowLines;
        this.windowLine = windowLine;
    }

    /** Whether standard output is an interactive terminal (on JDK 22+, a console may exist without one). */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onRow(SweepProgress p, SweepRow row) {
        if (terminal) {
            long now = System.nanoTime();
            if (p.done() < p.total() && now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            int filled = (int) Math.round(p.fraction() * WIDTH);
            err.print("\r" + prefix + "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts(p) + "   ");
            drawn = true;
            if (p.done() == p.total()) finishLine();
            err.flush();
        } else if (rowLines) {
            int tenth = (int) Math.floor(p.fraction() * 10);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            err.println(prefix + counts(p));
            err.flush();
        }
    }

    /** This bar, asking the sweep (or each window's sweep) to stop once {@code stop} says so. */
    SweepProgressBar stoppingWhen(BooleanSupplier stop) {
        this.stop = stop;
        return this;
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    private static String counts(SweepProgress p) {
        String rate = Double.isNaN(p.perSecond()) ? "" : String.format(Locale.ROOT, "  %.1f/s", p.perSecond());
        String left = Double.isNaN(p.secondsLeft()) ? "" : "  " + duration(p.secondsLeft()) + " left";
        String resumed = p.resumed() > 0 ? String.format(Locale.ROOT, " (%,d resumed)", p.resumed()) : "";
        return String.format(Locale.ROOT, "%,d/%,d combinations%s%s%s", p.done(), p.total(), resumed, rate, left);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", s / 60 % 60) + "m";
    }

    @Override
    public void onWindowStart(WalkForwardWindow window, int windows) {
        prefix = String.format(Locale.ROOT, "window %d/%d ", window.index() + 1, windows);
        lastTenth = -1;
    }

    @Override
    public void onWindowDone(WindowResult result, int windows) {
        if (windowLine == null) return;
        finishLine();
        err.println(windowLine.apply(result));
        err.flush();
    }

    /** Ends the bar's line, so what follows starts on a fresh one. */
    void finishLine() {
        if (terminal && drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
