package io.tradeshell.shell.console.session;

import java.nio.file.Path;

/**
 * How this console was started.
 *
 * @param home        the console's own folder: history, charts of in-memory runs ({@code ~/.tradeshell})
 * @param interactive a person at a terminal, rather than commands from a pipe, a file or {@code -c}
 */
public record ConsoleSettings(Path home, boolean interactive) {
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".tradeshell");
    }

    public Path historyFile() {
        return home.resolve("history");
    }

    public Path chartDir() {
        return home.resolve("charts");
    }
}
