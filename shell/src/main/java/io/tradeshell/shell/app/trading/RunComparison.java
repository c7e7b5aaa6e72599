package io.tradeshell.shell.app.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.ComparisonChart;
import io.tradeshell.report.chart.NamedCurve;
import io.tradeshell.report.run.RunDirectory;
import io.tradeshell.report.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Two runs side by side: who they are, their metrics with the difference, and both equity curves on one chart. */
public final class RunComparison {
    private static final Set<String> PERCENT = Set.of("totalReturn", "cagr", "volatility", "maxDrawdown", "winRate", "exposure", "buyAndHoldReturn");

    private final RunReport a, b;
    private final String nameA, nameB;

    private RunComparison(RunReport a, RunReport b) {
        this.a = a;
        this.b = b;
        String na = label(a), nb = label(b);
        this.nameA = na.equals(nb) ? na + " (A)" : na;
        this.nameB = na.equals(nb) ? nb + " (B)" : nb;
    }

    /** Reads two run directories (anything holding summary.json and the run files, paper accounts included). */
    public static RunComparison read(Path runA, Path runB) {
        try {
            return new RunComparison(RunDirectory.read(runA), RunDirectory.read(runB));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(e.getFile() + ": " + (e.getReason() == null ? "not found" : e.getReason()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String label(RunReport r) {
        Path name = r.dir().toAbsolutePath().normalize().getFileName();
        return (name == null ? r.dir().toString() : name.toString()) + " [" + r.summary().path("mode").asText("?") + "]";
    }

    /** Names, scripts, settings, then every metric of A and B and B less A. */
    public String table() {
        JsonNode ma = a.summary().path("metrics"), mb = b.summary().path("metrics");
        List<String> keys = new ArrayList<>();
        ma.fieldNames().forEachRemaining(keys::add);
        mb.fieldNames().forEachRemaining(k -> { if (!keys.contains(k)) keys.add(k); });
        int label = 24, col = Math.max(16, Math.max(nameA.length(), nameB.length()) + 2);
        StringBuilder s = new StringBuilder();
        s.append("A  ").append(ProjectHome.display(a.dir())).append("  ").append(describe(a.summary())).append('\n');
        s.append("B  ").append(ProjectHome.display(b.dir())).append("  ").append(describe(b.summary())).append('\n');
        s.append(SummaryTable.pad("", label)).append(SummaryTable.padLeft(nameA, col)).append(SummaryTable.padLeft(nameB, col))
                .append(SummaryTable.padLeft("B - A", 16)).append('\n');
        s.append("─".repeat(label + 2 * col + 16)).append('\n');
        for (String k : keys) {
            JsonNode va = ma.get(k), vb = mb.get(k);
            s.append(SummaryTable.pad(MetricsFormat.label(k), label))
                    .append(SummaryTable.padLeft(MetricsFormat.value(k, number(va)), col))
                    .append(SummaryTable.padLeft(MetricsFormat.value(k, number(vb)), col))
                    .append(SummaryTable.padLeft(difference(k, number(va), number(vb)), 16)).append('\n');
        }
        return s.toString();
    }

    private static String describe(JsonNode summary) {
        JsonNode x = summary.path("settings");
        StringBuilder s = new StringBuilder(summary.path("name").asText("")).append(" · ").append(summary.path("script").asText(""));
        s.append(" · ").append(summary.path("params").toString()).append(" · fill ").append(x.path("fill").asText("?"));
        if (x.has("latencyMillis")) {
            s.append(" · latency ").append(x.path("latencyMillis").asLong()).append(" ms · volume share ").append(x.path("maxVolumeShare").asDouble())
                    .append(" · reject ").append(x.path("rejectProbability").asDouble());
        }
        return s.toString();
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    static String difference(String key, Double va, Double vb) {
        if (va == null || vb == null || !Double.isFinite(va) || !Double.isFinite(vb)) return "n/a";
        double d = vb - va;
        if (d == 0) return "0";
        if (PERCENT.contains(key)) return String.format(Locale.ROOT, "%+.2f pp", 100 * d);
        if (key.equals("trades") || key.equals("maxDrawdownDuration")) return String.format(Locale.ROOT, "%+,d", Math.round(d));
        if (key.equals("finalEquity") || key.startsWith("avg") || key.equals("expectancy") || key.equals("commissions")) {
            return String.format(Locale.ROOT, "%+,.2f", d);
        }
        return String.format(Locale.ROOT, "%+.3f", d);
    }

    /** Both equity curves on one chart, written to {@code fileWithoutExtension} plus the format's extension. */
    public Path chart(Path fileWithoutExtension, ChartFormat format) {
        if (a.equity().isEmpty() || b.equity().isEmpty()) throw new IllegalArgumentException("a run without equity points cannot be charted");
        var chart = ComparisonChart.render("Equity: " + nameA + " vs " + nameB, List.of(
                new NamedCurve(nameA, a.equity().time(), a.equity().equity()),
                new NamedCurve(nameB, b.equity().time(), b.equity().equity())));
        try {
            return ChartWriter.write(chart, fileWithoutExtension, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + fileWithoutExtension + ": " + e.getMessage(), e);
        }
    }
}
