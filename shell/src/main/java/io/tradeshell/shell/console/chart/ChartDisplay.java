package io.tradeshell.shell.console.chart;

import java.io.IOException;
import java.nio.file.Path;

/** Where the charts a session draws go: onto the screen, or into a notebook's report. */
public interface ChartDisplay {
    /** How a person asked to see a chart; a report keeps every chart as an image whatever was asked. */
    enum Mode { AUTO, TEXT, WINDOW }

    /** Shows the figure and returns the PNG file that holds it. */
    Path show(Figure figure, Mode mode) throws IOException;
}
