package io.tradeshell.shell.console.chart;

import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.text.TextChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart drawn by the report module (a heatmap, a line, a price chart with overlays), with
 * the values of its main line for a text form when it has one.
 *
 * @param chart     draws the chart, only when the image is wanted
 * @param textLine  the values a text chart draws, and what they are; empty for charts with no text form
 */
public record ChartFigure(String name, String caption, Supplier<Chart<?, ?>> chart, Optional<TextLine> textLine) implements Figure {
    /** Values drawn as a text chart under a one-line heading, with their times (epoch millis) on its axis. */
    public record TextLine(String heading, double[] values, long[] times) { }

    @Override
    public void writePng(Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.png$", "");
        Path written = ChartWriter.write(chart.get(), file.resolveSibling(stem), ChartFormat.PNG);
        if (!written.equals(file)) Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Optional<String> text(int width, int height) {
        return textLine.filter(t -> t.values().length > 0).map(t -> {
            String chart = draw(t, width, height);
            // the value labels come on top of the plot's width: draw again narrower so the whole fits in width
            int widest = chart.lines().mapToInt(String::length).max().orElse(0);
            if (widest > width && width - (widest - width) >= 10) chart = draw(t, width - (widest - width), height);
            return t.heading() + "\n" + chart;
        });
    }

    private static String draw(TextLine t, int width, int height) {
        return t.times().length == t.values().length ? TextChart.render(t.values(), t.times(), width, height)
                : TextChart.render(t.values(), width, height);
    }
}
