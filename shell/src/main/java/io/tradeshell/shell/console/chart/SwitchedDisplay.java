package io.tradeshell.shell.console.chart;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The console's chart display, which a notebook swaps for its report's: commands and snippets
 * hold this one object and never need to know which display is current.
 */
public final class SwitchedDisplay implements ChartDisplay {
    private volatile ChartDisplay current;

    public SwitchedDisplay(ChartDisplay initial) {
        this.current = initial;
    }

    /** From now on charts go to {@code display}. */
    public void use(ChartDisplay display) {
        this.current = display;
    }

    @Override
    public Path show(Figure figure, Mode mode) throws IOException {
        return current.show(figure, mode);
    }
}
