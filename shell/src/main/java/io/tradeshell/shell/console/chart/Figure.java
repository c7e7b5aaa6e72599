package io.tradeshell.shell.console.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A chart the session can show: drawn as a PNG image, and as text where a screen shows no images. */
public interface Figure {
    /** A short name for its file, such as {@code run1-equity}. */
    String name();

    /** One line saying what it shows, such as {@code equity chart of #1 SMA crossover on AAPL}. */
    String caption();

    /** Draws it into a PNG file. */
    void writePng(Path file) throws IOException;

    /** The chart as text, {@code width} columns by {@code height} rows; empty when it has no text form. */
    default Optional<String> text(int width, int height) {
        return Optional.empty();
    }

    /** Whether it shows something that never changes (a finished run), so a file drawn once can be shown again. */
    default boolean lasting() {
        return false;
    }

    /** Where this chart belongs, if somewhere in particular (a run's folder); a file already there is shown as it is. */
    default Optional<Path> home() {
        return Optional.empty();
    }
}
