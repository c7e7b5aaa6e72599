package io.tradeshell.report.html;

import static io.tradeshell.report.html.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.report.chart.ModelAccuracyChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's section on a run's walk-forward models, from {@code summary.json}'s {@code models}:
 * per model its settings and audit, the out-of-sample accuracy of each training window over time
 * against a coin's band, each feature's importance, and the windows one by one.
 */
final class ModelSection {
    private ModelSection() {}

    static void append(StringBuilder html, JsonNode summary, Path runDir) throws IOException {
        JsonNode models = summary.path("models");
        if (!models.isArray() || models.isEmpty()) return;
        html.append("<section id=\"models\">\n<h2>Models</h2>\n");
        for (JsonNode m : models) model(html, m, runDir);
        html.append("</section>\n");
    }

    private static void model(StringBuilder html, JsonNode m, Path runDir) throws IOException {
        String name = m.path("name").asText(), symbol = m.path("symbol").asText();
        JsonNode windows = m.path("windows");
        html.append("<h3>'").append(escape(name)).append("' on ").append(escape(symbol)).append("</h3>\n<table class=\"kv\">\n");
        row(html, "Learner", "<code>" + escape(m.path("learner").asText()) + "</code>");
        row(html, "Label", "<code>" + escape(m.path("label").asText()) + "</code>");
        boolean imported = m.has("imported");
        row(html, "Schedule", imported ? "imported from <code>" + escape(m.path("imported").asText()) + "</code>, SHA-256 <code class=\"hash\">"
                + escape(windows.path(0).path("sha256").asText()) + "</code>: not trained here, so every prediction is out of sample"
                : escape("trained on " + m.path("train").asText() + ", refitted every " + m.path("retrain").asText()
                + ", embargo " + m.path("embargoBars").asInt() + " bars; " + windows.size() + " trainings"));
        int predictions = m.path("predictions").asInt();
        double accuracy = m.path("accuracy").asDouble(Double.NaN);
        row(html, "Out-of-sample accuracy", predictions == 0 ? "no prediction scored yet" : escape(String.format(Locale.ROOT,
                "%.3f ± %.3f over %,d predictions (one standard error)", accuracy, Math.sqrt(accuracy * (1 - accuracy) / predictions), predictions)));
        if (!imported) row(html, "Leakage audit", m.path("leak").asBoolean() ? "<span class=\"loss\">a training used a label not yet known when it began to predict</span>"
                : "no training used a label before it was known");
        row(html, "Files", "<code>" + escape(m.path("folder").asText()) + "</code> (a model file and SHA-256 per training, predictions.csv)");
        html.append("</table>\n");
        Path csv = runDir == null ? null : runDir.resolve(m.path("folder").asText()).resolve("predictions.csv");
        if (imported && csv != null && Files.exists(csv)) quarterlyChart(html, name, symbol, PredictionQuarters.read(csv));
        else accuracyChart(html, name, symbol, windows);
        importance(html, m.path("importance"), imported, m.path("learner").asText());
        if (!imported) windows(html, windows);
    }

    private static void accuracyChart(StringBuilder html, String name, String symbol, JsonNode windows) throws IOException {
        List<ModelAccuracyChart.Window> ws = new ArrayList<>();
        for (JsonNode w : windows) {
            ws.add(new ModelAccuracyChart.Window(millis(w.path("firstPredictionTime")), millis(w.path("predictedUntil")), w.path("predictions").asInt(),
                    w.path("accuracy").asDouble(Double.NaN)));
        }
        chart(html, "Out-of-sample accuracy of '" + name + "' on " + symbol + ", per training", ws,
                "Each step is one training's predictions until the next training");
    }

    private static void quarterlyChart(StringBuilder html, String name, String symbol, List<ModelAccuracyChart.Window> quarters) throws IOException {
        chart(html, "Out-of-sample accuracy of '" + name + "' on " + symbol + ", per quarter", quarters, "Each step is one calendar quarter's predictions");
    }

    private static void chart(StringBuilder html, String title, List<ModelAccuracyChart.Window> ws, String step) throws IOException {
        if (ws.stream().noneMatch(w -> w.predictions() > 0)) {
            html.append("<p class=\"note\">No prediction has been scored yet: a label is known only once its horizon has closed.</p>\n");
            return;
        }
        HtmlReport.image(html, ModelAccuracyChart.render(title, ws), title + ", against a coin's band");
        html.append("<p class=\"caption\">").append(escape(step)).append(", scored against their labels; ")
                .append("a coin's hit rate stays between the dashed lines 95% of the time.</p>\n");
    }

    private static void importance(StringBuilder html, JsonNode importance, boolean imported, String learner) {
        if (!importance.isObject() || importance.isEmpty()) {
            html.append("<p class=\"note\">No feature importance: ").append(imported ? "an imported model does not report it."
                    : "this learner does not measure it.").append("</p>\n");
            return;
        }
        List<Map.Entry<String, JsonNode>> features = new ArrayList<>(importance.properties());
        features.sort((a, b) -> Double.compare(b.getValue().asDouble(), a.getValue().asDouble()));
        html.append("<h4>Feature importance</h4>\n<table class=\"importance\">\n<thead><tr><th>Feature</th><th class=\"num\">Share</th><th></th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> f : features) {
            double share = f.getValue().asDouble();
            html.append("<tr><td><code>").append(escape(f.getKey())).append("</code></td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * share)).append("</td><td class=\"barcell\"><div class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * share)).append("%\"></div></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"caption\">Each feature's share of ").append(measure(learner)).append(", averaged over the trainings.</p>\n");
    }

    /** What each learner's importance measures. */
    private static String measure(String learner) {
        if (learner.startsWith("boosted")) return "the total gain of the trees' splits (XGBoost)";
        if (learner.startsWith("logistic")) return "the sizes of the weights, on features standardized in training";
        return "the Gini impurity its splits removed from the training samples";
    }

    private static void windows(StringBuilder html, JsonNode windows) {
        if (windows.isEmpty()) return;
        html.append("<h4>Trainings</h4>\n<table class=\"trades\">\n<thead><tr><th class=\"num\">#</th><th>Trained at</th><th>Samples from</th>")
                .append("<th>Samples to</th><th class=\"num\">Samples</th><th>Latest label used</th><th class=\"num\">Embargo</th>")
                .append("<th class=\"num\">Predictions</th><th class=\"num\">Accuracy</th><th>Model SHA-256</th></tr></thead>\n<tbody>\n");
        for (JsonNode w : windows) {
            double acc = w.path("accuracy").asDouble(Double.NaN);
            html.append("<tr").append(w.path("leak").asBoolean() ? " class=\"loss\"" : "").append("><td class=\"num\">").append(w.path("number").asInt())
                    .append("</td><td>").append(escape(MetricFormat.time(w.path("trainedAt").asText())))
                    .append("</td><td>").append(escape(MetricFormat.time(w.path("samplesFrom").asText())))
                    .append("</td><td>").append(escape(MetricFormat.time(w.path("samplesTo").asText())))
                    .append("</td><td class=\"num\">").append(w.path("samples").asInt())
                    .append("</td><td>").append(escape(MetricFormat.time(w.path("latestLabelTime").asText())))
                    .append("</td><td class=\"num\">").append(w.path("embargoBars").asInt())
                    .append("</td><td class=\"num\">").append(w.path("predictions").asInt())
                    .append("</td><td class=\"num\">").append(Double.isNaN(acc) ? "" : String.format(Locale.ROOT, "%.3f", acc))
                    .append("</td><td><code class=\"hash\">").append(escape(abbreviated(w.path("sha256").asText())))
                    .append(w.has("reusedFrom") ? " (loaded)" : "").append("</code></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String abbreviated(String sha) {
        return sha.length() > 16 ? sha.substring(0, 16) + "…" : sha;
    }

    private static long millis(JsonNode iso) {
        return Instant.parse(iso.asText()).toEpochMilli();
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><th>").append(label).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
