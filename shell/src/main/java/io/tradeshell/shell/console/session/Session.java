package io.tradeshell.shell.console.session;

import java.util.Optional;

/**
 * The console's own state between lines: the language lines are read in, whether definitions
 * are echoed, the last failure (for {@code trace}) and the code {@code exit} leaves with. What
 * the console holds in memory is the {@link Workspace}; the settings {@code set} changes are
 * its {@code SessionDefaults}.
 */
public final class Session {
    private Throwable lastError;
    private Language language = Language.GROOVY;
    private boolean echo = true;
    private int exitCode;

    public Language language() { return language; }
    public void language(Language l) { this.language = l; }

    /**
     * Whether assignments and definitions say what they did ({@code x ==> 42}, {@code defined f(a)}):
     * at the console yes; in a notebook's report only printed text and the values of bare expressions show.
     */
    public boolean echo() { return echo; }
    public void echo(boolean on) { this.echo = on; }

    /** The code the console ends with, as {@code exit CODE} set it. */
    public int exitCode() { return exitCode; }
    public void exitCode(int code) { this.exitCode = code; }

    /** The last failure's throwable, for {@code trace}. */
    public Optional<Throwable> lastError() { return Optional.ofNullable(lastError); }
    public void failed(Throwable t) { this.lastError = t; }
}
