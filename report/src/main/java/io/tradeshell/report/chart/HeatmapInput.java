package io.tradeshell.report.chart;

import java.util.List;

/**
 * A 2-D grid of values with labelled axes, such as an objective over fast x slow parameters.
 *
 * @param values [row][column]: rows follow {@code yLabels}, columns follow {@code xLabels}; NaN = no value
 */
public record HeatmapInput(String title, String xName, List<String> xLabels,
                           String yName, List<String> yLabels, double[][] values) {
    public HeatmapInput {
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        if (values.length != yLabels.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + yLabels.size() + " y labels");
        }
        for (double[] row : values) {
            if (row.length != xLabels.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + xLabels.size() + " x labels");
            }
        }
    }
}
