package io.tradeshell.dsl;

/**
 * A mistake in a strategy script, reported as {@code NAME.groovy:LINE: message}, with the
 * bar's time for errors that happen while bars run. Never a Groovy stack trace.
 */
public final class ScriptException extends RuntimeException {
    private final String scriptName;
    private final int line;

    public ScriptException(String scriptName, int line, String message, Throwable cause) {
        super(scriptName + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.scriptName = scriptName;
        this.line = line;
    }

    public String scriptName() { return scriptName; }

    /** The script line, or 0 when no line applies (a bad --param, say). */
    public int line() { return line; }
}
