package io.tradeshell.report.html;

import static io.tradeshell.report.html.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's transaction costs: the totals of {@code summary.json}'s {@code tca} (the medians
 * of slippage against arrival, the interval VWAP and the start, and the implementation shortfall
 * split into delay, trading, opportunity and fees) and one row per order of {@code tca.jsonl}.
 */
final class CostSection {
    static final String FILE = "tca.jsonl";
    /** Past this many orders the table stops; tca.jsonl holds them all. */
    static final int MAX_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CostSection() {}

    static void append(StringBuilder html, JsonNode summary, Path runDir) throws IOException {
        html.append("<section id=\"costs\">\n<h2>Transaction costs</h2>\n");
        JsonNode t = summary.path("tca");
        List<JsonNode> orders = runDir == null ? List.of() : orders(runDir.resolve(FILE));
        if (t.isMissingNode() && orders.isEmpty()) {
            html.append("<p class=\"note\">No transaction costs: this run has no tca.jsonl (runs before costs were measured, or no order filled).</p>\n</section>\n");
            return;
        }
        if (!t.isMissingNode()) {
            html.append("<table class=\"metrics\">\n<tbody>\n");
            row(html, "Orders measured", count(t, "orders") + " (" + count(t, "filled") + " filled)");
            row(html, "Slippage assumed by the run", bps(t.path("assumedSlippageBps")));
            row(html, "Median slippage against the market at the start", bps(t.path("medianStartSlippageBps")));
            row(html, "Median slippage against arrival", bps(t.path("medianSlippageArrivalBps")));
            row(html, "Median slippage against the interval VWAP", bps(t.path("medianSlippageVwapBps")));
            row(html, "Implementation shortfall", money(t.path("shortfall")) + " (" + bps(t.path("shortfallBps")) + ")");
            row(html, "… delay / trading / opportunity / fees", money(t.path("delayCost")) + " / " + money(t.path("tradingCost")) + " / "
                    + money(t.path("opportunityCost")) + " / " + money(t.path("fees")));
            html.append("</tbody>\n</table>\n");
            html.append("<p class=\"caption\">Slippage is in basis points, positive when it cost; the shortfall compares the fills with the price at each decision.</p>\n");
        }
        if (!orders.isEmpty()) table(html, orders);
        html.append("</section>\n");
    }

    private static void table(StringBuilder html, List<JsonNode> orders) {
        if (orders.size() > MAX_ROWS) {
            html.append("<p class=\"note\">The first ").append(MAX_ROWS).append(" of ").append(orders.size())
                    .append(" orders are listed; tca.jsonl holds them all.</p>\n");
        }
        html.append("<table class=\"trades\">\n<thead><tr><th>Decision</th><th>Symbol</th><th>Side</th><th>Algo</th><th class=\"num\">Qty</th>")
                .append("<th class=\"num\">Filled</th><th class=\"num\">Arrival</th><th class=\"num\">Interval VWAP</th><th class=\"num\">Avg fill</th>")
                .append("<th class=\"num\">vs arrival (bps)</th><th class=\"num\">vs VWAP (bps)</th><th class=\"num\">Shortfall</th>")
                .append("<th class=\"num\">Delay</th><th class=\"num\">Trading</th><th class=\"num\">Opportunity</th><th class=\"num\">Fees</th></tr></thead>\n<tbody>\n");
        for (JsonNode o : orders.subList(0, Math.min(orders.size(), MAX_ROWS))) {
            html.append("<tr><td>").append(escape(MetricFormat.time(o.path("decisionTime").asText(""))))
                    .append("</td><td>").append(escape(o.path("symbol").asText("")))
                    .append("</td><td>").append(escape(o.path("side").asText("")))
                    .append("</td><td>").append(escape(o.path("algo").isNull() || o.path("algo").isMissingNode() ? "market" : o.path("algo").asText()))
                    .append("</td>").append(num(MetricFormat.quantity(o.path("qty").asDouble(Double.NaN))))
                    .append(num(MetricFormat.quantity(o.path("filledQty").asDouble(Double.NaN))))
                    .append(num(price(o.path("arrivalPrice")))).append(num(price(o.path("intervalVwap")))).append(num(price(o.path("avgFillPrice"))))
                    .append(num(number(o.path("slippageArrivalBps")))).append(num(number(o.path("slippageVwapBps"))))
                    .append(num(money(o.path("shortfall")))).append(num(money(o.path("delayCost")))).append(num(money(o.path("tradingCost"))))
                    .append(num(money(o.path("opportunityCost")))).append(num(money(o.path("fees")))).append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The lines of tca.jsonl; a line that is not JSON is skipped (the file of a run stopped mid-line). */
    static List<JsonNode> orders(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a torn last line: the orders before it are whole
                }
            }
        }
        return out;
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String num(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }

    private static String count(JsonNode n, String field) {
        return n.path(field).isNumber() ? Long.toString(n.path(field).asLong()) : "n/a";
    }

    private static String bps(JsonNode v) {
        return v.isNumber() ? String.format(Locale.US, "%.1f bps", v.asDouble()) : "n/a";
    }

    private static String number(JsonNode v) {
        return v.isNumber() ? String.format(Locale.US, "%.1f", v.asDouble()) : "n/a";
    }

    private static String money(JsonNode v) {
        return v.isNumber() ? MetricFormat.money(v.asDouble()) : "n/a";
    }

    /** A price with as many decimals as it has, up to six (1.08512, 450, 187.31). */
    static String price(JsonNode v) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) return "n/a";
        String s = String.format(Locale.US, "%,.6f", v.asDouble()).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
