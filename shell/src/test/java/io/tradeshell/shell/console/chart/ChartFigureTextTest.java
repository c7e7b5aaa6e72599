package io.tradeshell.shell.console.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plot's text form fits the width it is given, value labels and date axis included. */
class ChartFigureTextTest {
    private static final long DAY = 86_400_000L, JAN_2_2013 = 1_357_084_800_000L;

    @Test
    void fitsItsWidthWithLabelsAndDates() {
        double[] values = new double[252];
        long[] times = new long[252];
        for (int i = 0; i < values.length; i++) {
            values[i] = 400 + 170 * Math.sin(i / 20.0);
            times[i] = JAN_2_2013 + i * DAY;
        }
        ChartFigure figure = new ChartFigure("plot-x", "x", () -> null, Optional.of(new ChartFigure.TextLine("AAPL close", values, times)));

        String[] lines = figure.text(80, 8).orElseThrow().split("\n");

        assertThat(lines[0]).isEqualTo("AAPL close");
        for (String line : lines) assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        assertThat(lines[lines.length - 1].strip()).startsWith("2013-01-02").endsWith("2013-09-10");
    }
}
