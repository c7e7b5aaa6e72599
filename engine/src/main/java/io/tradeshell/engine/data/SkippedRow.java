package io.tradeshell.engine.data;

/** A row a lenient load left out, with the line it was on and why. */
public record SkippedRow(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
