package io.tradeshell.report.html;

import static io.tradeshell.report.html.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.DrawdownChart;
import io.tradeshell.report.chart.EquityChart;
import io.tradeshell.report.chart.EquityChartInput;
import io.tradeshell.report.chart.MonthlyReturnsHeatmap;
import io.tradeshell.report.chart.Overlay;
import io.tradeshell.report.chart.PriceChart;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.report.chart.TradeMarker;
import io.tradeshell.report.chart.TradeReturnsHistogram;
import io.tradeshell.report.run.EquityColumns;
import io.tradeshell.report.run.RecordedFill;
import io.tradeshell.report.run.RecordedTrade;
import io.tradeshell.report.run.OverlayFile;
import io.tradeshell.report.run.RunDirectory;
import io.tradeshell.report.run.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a run's report as one self-contained HTML page: settings and assumptions, metrics,
 * charts embedded as PNG data, and the trade list. Nothing is loaded from elsewhere, so the
 * file can be mailed or archived as is.
 */
public final class HtmlReport {
    /** The file name written into the output directory. */
    public static final String FILE_NAME = "report.html";
    /** Longer trade lists are cut to this many rows; the page says so. */
    static final int MAX_TRADE_ROWS = 1000;

    private HtmlReport() {}

    /** The report without the price chart (its section says why). */
    public static Path write(Path runDir, Path outDir) throws IOException {
        return write(runDir, outDir, Optional.empty());
    }

    /** The report, with the price chart drawn from {@code bars} when given. Returns the report.html path. */
    public static Path write(Path runDir, Path outDir, Optional<BarSeries> bars) throws IOException {
        return write(runDir, outDir, bars, List.of());
    }

    /**
     * The report of a run over several symbols: the first symbol's price chart as usual, then
     * every symbol's price on one page and the portfolio's weights over time.
     */
    public static Path write(Path runDir, Path outDir, List<BarSeries> universe) throws IOException {
        return write(runDir, outDir, universe.isEmpty() ? Optional.empty() : Optional.of(universe.get(0)), universe);
    }

    private static Path write(Path runDir, Path outDir, Optional<BarSeries> bars, List<BarSeries> universe) throws IOException {
        RunReport run = RunDirectory.read(runDir);
        String page = page(run, bars, universe);
        Files.createDirectories(outDir);
        Path file = outDir.resolve(FILE_NAME);
        Files.writeString(file, page, StandardCharsets.UTF_8);
        return file;
    }

    static String page(RunReport run, Optional<BarSeries> bars) throws IOException {
        return page(run, bars, List.of());
    }

    static String page(RunReport run, Optional<BarSeries> bars, List<BarSeries> universe) throws IOException {
        JsonNode s = run.summary();
        String name = text(s, "name", "Run");
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(name)).append(" – report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<header>\n<h1>").append(escape(name)).append("</h1>\n<p class=\"sub\">")
                .append(escape(text(s, "mode", "run"))).append(" of <code>").append(escape(text(s, "script", "?"))).append("</code>");
        if (s.hasNonNull("finishedAt")) html.append(" · finished ").append(escape(MetricFormat.time(s.get("finishedAt").asText()))).append(" UTC");
        html.append("</p>\n</header>\n");
        settings(html, s);
        metrics(html, s);
        price(html, run, bars);
        if (universe.size() > 1) UniverseSection.append(html, run, universe);
        equity(html, run.equity());
        drawdown(html, run.equity());
        monthly(html, run.equity());
        distribution(html, run.trades());
        ModelSection.append(html, s, run.dir());
        trades(html, run.trades());
        CostSection.append(html, s, run.dir());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void settings(StringBuilder html, JsonNode s) {
        html.append("<section id=\"settings\">\n<h2>Run settings</h2>\n");
        JsonNode assumptions = s.get("assumptions");
        if (assumptions != null && assumptions.isArray() && !assumptions.isEmpty()) {
            html.append("<div class=\"assumptions\">\n<h3>Assumptions</h3>\n<ul>\n");
            for (JsonNode a : assumptions) html.append("<li>").append(escape(a.asText())).append("</li>\n");
            html.append("</ul>\n</div>\n");
        }
        html.append("<table class=\"kv\">\n");
        row(html, "Script", "<code>" + escape(text(s, "script", "n/a")) + "</code>");
        row(html, "Mode", escape(text(s, "mode", "n/a")));
        row(html, "Parameters", keyValues(s.get("params")));
        JsonNode settings = s.path("settings");
        row(html, "Fill", escape(text(settings, "fill", "n/a")));
        row(html, "Commission", keyValues(settings.get("commission")));
        if (settings.has("slippageBps")) row(html, "Slippage", escape(MetricFormat.plain(settings.get("slippageBps").asDouble())) + " bps");
        if (settings.has("cash")) row(html, "Starting cash", escape(MetricFormat.money(settings.get("cash").asDouble())));
        for (Map.Entry<String, JsonNode> e : settings.properties()) {
            if (List.of("fill", "commission", "slippageBps", "cash").contains(e.getKey())) continue;
            row(html, escape(MetricFormat.label(e.getKey())), valueText(e.getValue()));
        }
        if (s.has("warmupBars")) row(html, "Warm-up bars", escape(s.get("warmupBars").asText()));
        if (s.has("bars")) row(html, "Bars", escape(s.get("bars").asText()));
        if (s.has("startedAt")) row(html, "Started", escape(MetricFormat.time(s.get("startedAt").asText())) + " UTC");
        if (s.has("finishedAt")) row(html, "Finished", escape(MetricFormat.time(s.get("finishedAt").asText())) + " UTC");
        html.append("</table>\n");

        JsonNode data = s.get("data");
        if (data != null && data.isArray() && !data.isEmpty()) {
            html.append("<h3>Data</h3>\n<table>\n<thead><tr><th>Symbol</th><th>File</th><th>SHA-256</th>")
                    .append("<th class=\"num\">Bars</th><th>Period</th><th>From</th><th>To</th></tr></thead>\n<tbody>\n");
            for (JsonNode d : data) {
                html.append("<tr><td>").append(escape(text(d, "symbol", ""))).append("</td><td><code>")
                        .append(escape(text(d, "file", ""))).append("</code></td><td><code class=\"hash\">")
                        .append(escape(text(d, "sha256", ""))).append("</code></td><td class=\"num\">")
                        .append(escape(text(d, "bars", ""))).append("</td><td>").append(escape(text(d, "period", "")))
                        .append("</td><td>").append(escape(MetricFormat.time(text(d, "from", ""))))
                        .append("</td><td>").append(escape(MetricFormat.time(text(d, "to", "")))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void metrics(StringBuilder html, JsonNode s) {
        html.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<table class=\"metrics\">\n<tbody>\n");
        JsonNode m = s.path("metrics");
        boolean infiniteProfitFactor = s.path("profitFactorInfinite").asBoolean(false);
        for (String key : MetricFormat.LABELS.keySet()) {
            if (!m.has(key)) continue;
            if (key.equals("profitFactor") && infiniteProfitFactor) metricRow(html, key, MetricFormat.INFINITE_PROFIT_FACTOR);
            else metricRow(html, key, m.get(key));
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!MetricFormat.LABELS.containsKey(key)) metricRow(html, key, m.get(key));
        }
        if (m.isEmpty()) html.append("<tr><td>No metrics in summary.json</td></tr>\n");
        html.append("</tbody>\n</table>\n");
        JsonNode open = s.get("openPositions");
        if (open != null && open.isArray() && !open.isEmpty()) {
            html.append("<h3>Open positions at the end</h3>\n<table>\n<thead><tr><th>Symbol</th><th>Side</th><th class=\"num\">Qty</th>")
                    .append("<th>Entry time</th><th class=\"num\">Entry price</th><th class=\"num\">Last price</th>")
                    .append("<th class=\"num\">Unrealised P&amp;L</th><th>Reason</th></tr></thead>\n<tbody>\n");
            for (JsonNode p : open) {
                html.append("<tr><td>").append(escape(text(p, "symbol", ""))).append("</td><td>").append(escape(text(p, "side", "")))
                        .append("</td><td class=\"num\">").append(escape(MetricFormat.quantity(p.path("qty").asDouble(Double.NaN))))
                        .append("</td><td>").append(escape(MetricFormat.time(text(p, "entryTime", ""))))
                        .append("</td><td class=\"num\">").append(escape(MetricFormat.money(p.path("entryPrice").asDouble(Double.NaN))))
                        .append("</td><td class=\"num\">").append(escape(MetricFormat.money(p.path("lastPrice").asDouble(Double.NaN))))
                        .append("</td>").append(pnlCell(p.path("unrealizedPnl").asDouble(Double.NaN)))
                        .append("<td>").append(escape(text(p, "exitReason", ""))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void metricRow(StringBuilder html, String key, JsonNode value) {
        metricRow(html, key, MetricFormat.metric(key, value));
    }

    private static void metricRow(StringBuilder html, String key, String shown) {
        html.append("<tr><th>").append(escape(MetricFormat.label(key))).append("</th><td class=\"num\">")
                .append(escape(shown)).append("</td></tr>\n");
    }

    private static void price(StringBuilder html, RunReport run, Optional<BarSeries> bars) throws IOException {
        html.append("<section id=\"price\">\n<h2>Price and trades</h2>\n");
        String dataFile = text(run.summary().path("data").path(0), "file", "");
        if (bars.isEmpty() || bars.get().isEmpty()) {
            html.append("<p class=\"note\">No price chart: the report was written without the bar data")
                    .append(dataFile.isEmpty() ? "" : " (<code>" + escape(dataFile) + "</code>)").append(".</p>\n");
        } else {
            BarSeries b = bars.get();
            List<TradeMarker> markers = new ArrayList<>();
            for (RecordedFill f : run.fills()) {
                if (f.symbol().equals(b.symbol())) markers.add(new TradeMarker(f.time().toEpochMilli(), f.price(), f.side() == Side.BUY));
            }
            List<Overlay> overlays = new ArrayList<>();
            for (Overlay o : OverlayFile.read(run.dir())) if (o.values().length == b.size()) overlays.add(o);
            image(html, PriceChart.render(new PriceChartInput(b.symbol(), b, overlays, markers)),
                    b.symbol() + " price" + (overlays.isEmpty() ? "" : " with " + String.join(", ", overlays.stream().map(Overlay::name).toList()))
                            + " and buy and sell fills");
            html.append("<p class=\"caption\">")
                    .append(overlays.isEmpty() ? "" : "Lines: the strategy's " + escape(String.join(", ", overlays.stream().map(Overlay::name).toList())) + ". ")
                    .append("Green triangles: buys; red triangles: sells, at each fill's time and price.")
                    .append(b.size() > PriceChart.MAX_CANDLES ? " Closing prices are drawn as a line because there are more than "
                            + PriceChart.MAX_CANDLES + " bars." : "").append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void equity(StringBuilder html, EquityColumns e) throws IOException {
        html.append("<section id=\"equity\">\n<h2>Equity vs buy-and-hold</h2>\n");
        if (e.isEmpty()) noEquity(html);
        else image(html, EquityChart.render(new EquityChartInput(e.time(), e.equity(), e.benchmark())), "Equity against buy-and-hold");
        html.append("</section>\n");
    }

    private static void drawdown(StringBuilder html, EquityColumns e) throws IOException {
        html.append("<section id=\"drawdown\">\n<h2>Drawdown</h2>\n");
        if (e.isEmpty()) noEquity(html);
        else image(html, DrawdownChart.render(e.time(), e.equity()), "Underwater chart: drawdown from the running peak");
        html.append("</section>\n");
    }

    private static void monthly(StringBuilder html, EquityColumns e) throws IOException {
        html.append("<section id=\"monthly\">\n<h2>Monthly returns</h2>\n");
        if (e.isEmpty()) noEquity(html);
        else image(html, MonthlyReturnsHeatmap.render(e.time(), e.equity()), "Monthly returns by year and month");
        html.append("</section>\n");
    }

    private static void distribution(StringBuilder html, List<RecordedTrade> trades) throws IOException {
        html.append("<section id=\"distribution\">\n<h2>Distribution of trade returns</h2>\n");
        double[] returns = new double[trades.size()];
        for (int i = 0; i < returns.length; i++) returns[i] = trades.get(i).returnPct();
        boolean any = false;
        for (double r : returns) any |= !Double.isNaN(r);
        if (!any) html.append("<p class=\"note\">No closed trades.</p>\n");
        else image(html, TradeReturnsHistogram.render(returns), "Histogram of trade returns");
        html.append("</section>\n");
    }

    private static void trades(StringBuilder html, List<RecordedTrade> trades) {
        html.append("<section id=\"trades\">\n<h2>Trades</h2>\n");
        if (trades.isEmpty()) {
            html.append("<p class=\"note\">No closed trades.</p>\n</section>\n");
            return;
        }
        if (trades.size() > MAX_TRADE_ROWS) {
            html.append("<p class=\"note\">The first ").append(MAX_TRADE_ROWS).append(" of ").append(trades.size())
                    .append(" trades are listed; trades.jsonl holds them all.</p>\n");
        }
        html.append("<table class=\"trades\">\n<thead><tr><th class=\"num\">#</th><th>Symbol</th><th>Side</th><th class=\"num\">Qty</th>")
                .append("<th>Entry</th><th class=\"num\">Entry price</th><th>Exit</th><th class=\"num\">Exit price</th>")
                .append("<th class=\"num\">Bars</th><th class=\"num\">Commission</th><th class=\"num\">P&amp;L</th><th class=\"num\">Return</th><th>Exit reason</th></tr></thead>\n<tbody>\n");
        int n = Math.min(trades.size(), MAX_TRADE_ROWS);
        for (int i = 0; i < n; i++) {
            RecordedTrade t = trades.get(i);
            html.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(escape(t.symbol()))
                    .append("</td><td>").append(t.side()).append("</td><td class=\"num\">").append(escape(MetricFormat.quantity(t.qty())))
                    .append("</td><td>").append(escape(MetricFormat.time(t.entryTime()))).append("</td><td class=\"num\">")
                    .append(escape(MetricFormat.money(t.entryPrice()))).append("</td><td>").append(escape(MetricFormat.time(t.exitTime())))
                    .append("</td><td class=\"num\">").append(escape(MetricFormat.money(t.exitPrice()))).append("</td><td class=\"num\">")
                    .append(t.barsHeld()).append("</td><td class=\"num\">").append(escape(MetricFormat.money(t.commission())))
                    .append("</td>").append(pnlCell(t.pnl())).append("<td class=\"num ").append(sign(t.returnPct())).append("\">")
                    .append(escape(MetricFormat.percent(t.returnPct()))).append("</td><td>").append(escape(t.exitReason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String pnlCell(double pnl) {
        return "<td class=\"num " + sign(pnl) + "\">" + escape(MetricFormat.money(pnl)) + "</td>";
    }

    private static String sign(double v) {
        return v > 0 ? "gain" : v < 0 ? "loss" : "";
    }

    private static void noEquity(StringBuilder html) {
        html.append("<p class=\"note\">No equity points in equity.jsonl.</p>\n");
    }

    static void image(StringBuilder html, Chart<?, ?> chart, String alt) throws IOException {
        html.append("<img class=\"chart\" width=\"").append(chart.getWidth()).append("\" height=\"").append(chart.getHeight())
                .append("\" alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(ChartWriter.png(chart))).append("\">\n");
    }

    private static void row(StringBuilder html, String labelHtml, String valueHtml) {
        html.append("<tr><th>").append(labelHtml).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    /** An object as "key = value" items, each escaped; a scalar as its text. */
    private static String keyValues(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "n/a";
        if (!node.isObject()) return valueText(node);
        if (node.isEmpty()) return "none";
        StringBuilder out = new StringBuilder("<ul class=\"inline\">");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.append("<li><code>").append(escape(e.getKey())).append(" = ").append(escape(scalar(e.getValue()))).append("</code></li>");
        }
        return out.append("</ul>").toString();
    }

    private static String valueText(JsonNode v) {
        if (v == null || v.isNull()) return "n/a";
        if (v.isContainerNode()) return "<code>" + escape(v.toString()) + "</code>";
        return escape(v.asText());
    }

    private static String scalar(JsonNode v) {
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** The page style of the reports, for other pages to share their look. */
    public static final String CSS = """
            :root { --text:#1f2328; --muted:#5f6368; --line:#e3e3e3; --gain:#1e7e45; --loss:#c0392b; }
            * { box-sizing: border-box; }
            body { margin:0; background:#f6f7f9; color:var(--text);
                   font:15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
            main { max-width:1240px; margin:0 auto; padding:24px 20px 48px; }
            header h1 { margin:0 0 4px; font-size:28px; }
            .sub { margin:0 0 12px; color:var(--muted); }
            section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:16px 0; }
            h2 { margin:0 0 12px; font-size:20px; }
            h3 { margin:16px 0 8px; font-size:16px; }
            code { font:13px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            .hash { word-break:break-all; font-size:12px; color:var(--muted); }
            table { border-collapse:collapse; width:100%; }
            th, td { text-align:left; padding:5px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
            thead th { font-weight:600; color:var(--muted); font-size:13px; border-bottom:2px solid var(--line); }
            .kv th, .metrics th { width:260px; font-weight:500; color:var(--muted); }
            .metrics { max-width:560px; }
            .num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
            .gain { color:var(--gain); } .loss { color:var(--loss); }
            .trades { font-size:13px; }
            .trades td { white-space:nowrap; }
            .assumptions { background:#fff8e1; border:1px solid #f0d58c; border-left:5px solid #e0a800;
                           border-radius:6px; padding:10px 16px; margin:0 0 16px; }
            .assumptions h3 { margin:2px 0 6px; }
            .assumptions ul { margin:0; padding-left:20px; }
            ul.inline { list-style:none; margin:0; padding:0; }
            ul.inline li { display:inline-block; margin:0 14px 0 0; }
            img.chart { display:block; max-width:100%; height:auto; margin:4px auto; }
            .note { color:var(--muted); font-style:italic; margin:4px 0; }
            .caption { color:var(--muted); font-size:13px; margin:4px 0 0; text-align:center; }
            h4 { margin:14px 0 6px; font-size:15px; }
            .importance { max-width:760px; }
            .importance .barcell { width:50%; }
            .bar { height:12px; margin-top:5px; background:#1f5fae; border-radius:2px; }
            """;
}
