package io.tradeshell.report.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts to PNG or SVG files, or to bytes for embedding in a page. */
public final class ChartWriter {
    static {
        Headless.ensure();
    }

    private ChartWriter() {}

    /**
     * Writes {@code chart} to {@code fileWithoutExtension} plus ".png" or ".svg", creating
     * missing parent directories, and returns the path written.
     */
    public static Path write(Chart<?, ?> chart, Path fileWithoutExtension, ChartFormat format) throws IOException {
        Path file = fileWithoutExtension.resolveSibling(fileWithoutExtension.getFileName() + "." + format.extension());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        switch (format) {
            case PNG -> Files.write(file, png(chart));
            case SVG -> Files.writeString(file, svg(chart), StandardCharsets.UTF_8);
        }
        return file;
    }

    /** The chart as PNG bytes (XChart's bitmap encoder). */
    public static byte[] png(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        encode(chart, "png", out);
        return out.toByteArray();
    }

    /**
     * The chart as an SVG document (XChart's vector encoder on VectorGraphics2D). XChart draws
     * text as outlines, so the chart title is also given as the document's {@code <title>},
     * which keeps the file searchable and gives screen readers a name.
     */
    public static String svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        encode(chart, "svg", out);
        String svg = out.toString(StandardCharsets.UTF_8);
        String title = chart.getTitle();
        if (title == null || title.isBlank()) return svg;
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) return svg;
        return svg.substring(0, end + 1) + "\n  <title>" + xml(title) + "</title>" + svg.substring(end + 1);
    }

    private static void encode(Chart<?, ?> chart, String format, OutputStream out) throws IOException {
        ChartEncoder.saveChart(chart, out, format);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
