package io.tradeshell.shell.notebook;

import io.tradeshell.shell.console.chart.ChartDisplay;
import io.tradeshell.shell.console.chart.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntSupplier;

/**
 * Charts drawn while a notebook runs: each is saved in the report's images folder, named after
 * its cell, and placed in the cell's output where it was drawn.
 */
final class NotebookCharts implements ChartDisplay {
    private final Path images;
    private final CellCapture capture;
    private final IntSupplier cell;
    private int drawn;
    private int drawnCell = -1;

    /** @param cell the number of the cell running now */
    NotebookCharts(Path images, CellCapture capture, IntSupplier cell) {
        this.images = images;
        this.capture = capture;
        this.cell = cell;
    }

    @Override
    public Path show(Figure figure, Mode mode) throws IOException {
        int now = cell.getAsInt();
        if (now != drawnCell) {
            drawnCell = now;
            drawn = 0;
        }
        Files.createDirectories(images);
        Path file = images.resolve(String.format("cell%02d-%d-%s.png", now, ++drawn, figure.name()));
        Path existing = figure.home().filter(Files::exists).orElse(null);
        if (existing != null) Files.copy(existing, file, StandardCopyOption.REPLACE_EXISTING);
        else figure.writePng(file);
        capture.image(file, figure.caption());
        return file;
    }
}
