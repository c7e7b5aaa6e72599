package io.tradeshell.report.chart;

/** Pixel size of a rendered chart. */
public record ChartSize(int width, int height) {
    /** The size used for reports unless asked otherwise. */
    public static final ChartSize DEFAULT = new ChartSize(1200, 600);

    public ChartSize {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is too small (min 100x100)");
        }
    }
}
