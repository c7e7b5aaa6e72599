package io.tradeshell.shell.app.trading;

import io.tradeshell.report.text.Amounts;
import io.tradeshell.engine.run.LiveStatus;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The one line a live run or paper session keeps rewriting on a terminal: feed time, last
 * price, position, equity, P&amp;L and open orders. Off when the output is not a terminal, so
 * logs and pipes get only the event lines.
 */
public final class StatusLine implements LiveStatus.Listener {
    private final PrintWriter out;
    private final boolean enabled;
    private final String prefix;
    private final BarTimes times = new BarTimes();
    private int shown;

    public StatusLine(PrintWriter out, boolean enabled, String prefix) {
        this.out = out;
        this.enabled = enabled;
        this.prefix = prefix;
    }

    /** A status line on the terminal, if there is one. */
    public static StatusLine forTerminal(PrintWriter out, String prefix) {
        return new StatusLine(out, System.console() != null, prefix);
    }

    /** How this line and the session's event lines write times; the session sets its bars' precision. */
    public BarTimes times() {
        return times;
    }

    /** Whether the line is drawn (the output is a terminal). */
    public boolean enabled() {
        return enabled;
    }

    public static StatusLine off() {
        return new StatusLine(new PrintWriter(java.io.Writer.nullWriter()), false, "");
    }

    @Override
    public synchronized void onStatus(LiveStatus s) {
        if (!enabled) return;
        String line = render(s);
        out.print("\r" + line + (line.length() < shown ? " ".repeat(shown - line.length()) : ""));
        out.flush();
        shown = line.length();
    }

    /** Wipes the line so an event line can be printed in its place. */
    public synchronized void clear() {
        if (!enabled || shown == 0) return;
        out.print("\r" + " ".repeat(shown) + "\r");
        shown = 0;
    }

    /** Ends the line for good. */
    public synchronized void finish() {
        if (enabled && shown > 0) out.println();
        shown = 0;
    }

    /**
     * A writer whose lines go to {@code target} above this status line, for what another thread
     * prints (alerts): each whole line is written only after the status line is wiped, never glued onto it.
     */
    public PrintWriter above(PrintWriter target) {
        return new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] chars, int off, int len) {
                for (int k = off; k < off + len; k++) {
                    char c = chars[k];
                    if (c == '\n') {
                        printAbove(target, line.toString());
                        line.setLength(0);
                    } else if (c != '\r') {
                        line.append(c);
                    }
                }
            }

            @Override
            public void flush() {
                target.flush();
            }

            @Override
            public void close() {
                flush();
            }
        }, true);
    }

    private synchronized void printAbove(PrintWriter target, String text) {
        clear();
        out.flush();
        target.println(text);
        target.flush();
    }

    public String render(LiveStatus s) {
        StringBuilder b = new StringBuilder(prefix);
        b.append(s.feedTime() == Long.MIN_VALUE ? "waiting for the feed" : times.format(s.feedTime()));
        for (LiveStatus.Quote q : s.quotes()) {
            b.append("  ").append(q.symbol()).append(' ').append(Double.isNaN(q.lastPrice()) ? "-" : Amounts.price(q.lastPrice()));
            if (q.position() != 0) b.append(" pos ").append(Amounts.quantity(q.position()));
        }
        b.append(String.format(Locale.ROOT, "  equity %,.2f  P&L %+,.2f  orders %d", s.equity(), s.pnl(), s.openOrders().size()));
        if (s.tradingState() != io.tradeshell.engine.risk.TradingState.ACTIVE) b.append("  ").append(s.tradingState());
        return b.toString();
    }
}
