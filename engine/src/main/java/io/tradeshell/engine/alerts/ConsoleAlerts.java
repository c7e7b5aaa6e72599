package io.tradeshell.engine.alerts;

import io.tradeshell.engine.time.IsoTime;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Prints each alert as one line, its time as the session's other lines write times (a date at
 * midnight, minutes on a whole minute, else seconds), e.g.
 * {@code ALERT CRITICAL 2013-01-02 14:30 [paper] Trading halted: drawdown 12.00% ...}.
 * The log file and the remote channels keep the full ISO instant.
 */
public final class ConsoleAlerts implements AlertChannel {
    private final PrintWriter out;

    public ConsoleAlerts(PrintWriter out) {
        this.out = Objects.requireNonNull(out);
    }

    /** The line printed for an alert; line breaks in the text become spaces. */
    public static String line(Alert a) {
        return "ALERT " + a.level() + " " + IsoTime.readable(a.time()) + " [" + a.source() + "] "
                + oneLine(a.title()) + ": " + oneLine(a.message());
    }

    static String oneLine(String s) {
        return s.replaceAll("\\R+", " ");
    }

    @Override
    public void send(Alert alert) {
        // println(String) holds the writer's lock for the whole line, so lines never interleave
        out.println(line(alert));
        out.flush();
    }

    @Override
    public boolean local() { return true; }

    @Override
    public String name() { return "console"; }
}
