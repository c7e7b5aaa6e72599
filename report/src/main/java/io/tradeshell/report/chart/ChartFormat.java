package io.tradeshell.report.chart;

/** The file formats a chart can be written in. */
public enum ChartFormat {
    PNG("png"), SVG("svg");

    private final String extension;

    ChartFormat(String extension) { this.extension = extension; }

    /** The file name extension, without the dot. */
    public String extension() { return extension; }
}
