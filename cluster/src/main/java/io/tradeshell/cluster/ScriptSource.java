package io.tradeshell.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The strategy script a cluster sweep sends to its members: the file's bytes as they were
 * compiled here, its name and path for messages, and the time each block may take per bar.
 * Members compile these bytes, never a file of their own.
 */
public record ScriptSource(String fileName, String path, byte[] bytes, Duration barBudget) {
    public ScriptSource {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(path);
        Objects.requireNonNull(bytes);
        Objects.requireNonNull(barBudget);
    }

    /** Reads a script file. */
    public static ScriptSource read(Path file, String shownPath, Duration barBudget) {
        try {
            return new ScriptSource(file.getFileName().toString(), shownPath, java.nio.file.Files.readAllBytes(file), barBudget);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
