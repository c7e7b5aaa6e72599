package io.tradeshell.report.chart;

/** One series of y over x with axis names, such as an objective over one parameter. */
public record LineInput(String title, String xName, String yName, double[] x, double[] y) {
    public LineInput {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        if (x.length == 0) throw new IllegalArgumentException("no points in " + title);
    }
}
