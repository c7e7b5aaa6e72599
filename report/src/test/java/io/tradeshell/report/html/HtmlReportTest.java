package io.tradeshell.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.report.Fixtures;
import io.tradeshell.report.SampleRun;
import io.tradeshell.report.chart.Overlay;
import io.tradeshell.report.run.OverlayFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final Pattern IMAGE = Pattern.compile(
            "<img [^>]*width=\"(\\d+)\" height=\"(\\d+)\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    static Path tmp;
    static SampleRun run;
    static String withBars, withoutBars;

    @BeforeAll
    static void writeReports() throws Exception {
        run = SampleRun.smaCross(Fixtures.aaplDaily(), 10, 30, 100);
        Path runDir = tmp.resolve("run");
        run.writeTo(runDir, Map.of("note", HOSTILE));
        Path a = HtmlReport.write(runDir, tmp.resolve("out-a"), Optional.of(run.bars));
        Path b = HtmlReport.write(runDir, tmp.resolve("out-b"));
        assertThat(a.getFileName().toString()).isEqualTo("report.html");
        withBars = Files.readString(a);
        withoutBars = Files.readString(b);
    }

    @Test
    void hasEverySection() {
        for (String heading : List.of("Run settings", "Assumptions", "Data", "Metrics", "Price and trades",
                "Equity vs buy-and-hold", "Drawdown", "Monthly returns", "Distribution of trade returns", "Trades")) {
            assertThat(withBars).contains(">" + heading + "</h");
        }
    }

    @Test
    void escapesTextTakenFromTheRunFiles() {
        assertThat(withBars).doesNotContain(HOSTILE).doesNotContain("<script");
        assertThat(withBars).contains("note = &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void embedsChartsThatDecodeAsImages() throws Exception {
        List<BufferedImage> images = images(withBars);

        // price, equity, drawdown, monthly returns, trade returns; each as big as its tag says
        assertThat(images).hasSize(5);
        for (BufferedImage image : images) assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(images.get(0).getHeight()).isEqualTo(600);
        assertThat(images.get(3).getHeight()).isEqualTo(280); // one year of monthly returns
    }

    @Test
    void withoutBarsThePriceSectionSaysWhy() throws Exception {
        assertThat(images(withoutBars)).hasSize(4);
        assertThat(withoutBars).contains("No price chart").contains("data/aapl_daily_2013.csv");
    }

    @Test
    void loadsNothingFromElsewhere() {
        assertThat(withBars).doesNotContain("<link").doesNotContain("src=\"http").doesNotContain("url(");
    }

    @Test
    void formatsMetricsForReading() {
        // summary values written by SampleRun: maxDrawdown 0.083, avgLoss -830.25, sortino null, duration 97
        assertThat(withBars).contains("<th>Max drawdown</th><td class=\"num\">8.30%</td>");
        assertThat(withBars).contains("<th>Average loss</th><td class=\"num\">-830.25</td>");
        assertThat(withBars).contains("<th>Sortino ratio</th><td class=\"num\">n/a</td>");
        assertThat(withBars).contains("<th>Max drawdown duration (bars)</th><td class=\"num\">97</td>");
        assertThat(withBars).contains("<th>Starting cash</th><td>100,000.00</td>");
    }

    @Test
    void aProfitFactorWithoutLosingTradesReadsAsInfinite() throws Exception {
        assertThat(profitFactorCell(true)).isEqualTo("∞ (no losing trades)");
        assertThat(profitFactorCell(false)).isEqualTo("n/a");
    }

    /** The report's profit factor for a summary whose profitFactor is null, flagged infinite or not. */
    private static String profitFactorCell(boolean infinite) throws Exception {
        Path runDir = tmp.resolve("pf-" + infinite);
        run.writeTo(runDir, Map.of());
        var json = new ObjectMapper();
        var summary = (ObjectNode) json.readTree(runDir.resolve("summary.json").toFile());
        ((ObjectNode) summary.get("metrics")).putNull("profitFactor");
        summary.put("profitFactorInfinite", infinite);
        json.writeValue(runDir.resolve("summary.json").toFile(), summary);
        String html = Files.readString(HtmlReport.write(runDir, runDir.resolve("out")));
        Matcher m = Pattern.compile("<th>Profit factor</th><td class=\"num\">([^<]*)</td>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void listsEveryTradeWithItsDates() {
        int rows = withBars.split("<tr><td class=\"num\">", -1).length - 1;

        assertThat(rows).isEqualTo(run.trades.size());
        String firstEntry = ((String) run.trades.get(0).get("entryTime")).substring(0, 10);
        assertThat(withBars).contains("<td>" + firstEntry + "</td>");
    }

    @Test
    void everyTradeRowSaysWhyItEnded() {
        assertThat(withBars).contains("<th>Exit reason</th>");
        int reasons = withBars.split("</td><td>signal</td></tr>", -1).length - 1;
        assertThat(reasons).isEqualTo(run.trades.size());
    }

    @Test
    void showsTheTransactionCostsOfEveryOrderAndTheirTotals() throws Exception {
        Path runDir = runWithSummaryField("run-with-costs", "tca", "{\"orders\":2,\"filled\":1,\"assumedSlippageBps\":5.0,\"medianSlippageArrivalBps\":11.2,"
                + "\"medianSlippageVwapBps\":3.5,\"medianStartSlippageBps\":9.0,\"delayCost\":6.3,\"tradingCost\":29.1,\"opportunityCost\":12.0,"
                + "\"fees\":1.5,\"shortfall\":48.9,\"shortfallBps\":15.1}");
        Files.writeString(runDir.resolve("tca.jsonl"), """
                {"parentId":3,"orderIds":[4,5],"symbol":"EUR_USD","side":"BUY","algo":"twap","tag":"buyWhen","status":"FILLED","qty":10000.0,"filledQty":10000.0,"decisionTime":"2024-03-04T14:30:00Z","endTime":"2024-03-04T15:00:00Z","arrivalPrice":1.08512,"startPrice":1.0852,"intervalVwap":1.08531,"avgFillPrice":1.08541,"endPrice":1.0855,"slippageArrivalBps":2.7,"slippageVwapBps":0.9,"startSlippageBps":1.9,"delayCost":0.8,"tradingCost":2.1,"opportunityCost":0.0,"fees":0.0,"shortfall":2.9,"shortfallBps":2.7}
                {"parentId":null,"orderIds":[6],"symbol":"EUR_USD","side":"SELL","algo":null,"tag":"<b>x</b>","status":"CANCELLED","qty":500.0,"filledQty":0.0,"decisionTime":"2024-03-04T16:00:00Z","endTime":"2024-03-04T16:00:00Z","arrivalPrice":1.0856,"startPrice":null,"intervalVwap":null,"avgFillPrice":null,"endPrice":1.0857,"slippageArrivalBps":null,"slippageVwapBps":null,"startSlippageBps":null,"delayCost":null,"tradingCost":null,"opportunityCost":12.0,"fees":0.0,"shortfall":12.0,"shortfallBps":null}
                """);
        String html = Files.readString(HtmlReport.write(runDir, tmp.resolve("out-costs")));

        assertThat(html).contains(">Transaction costs</h2>");
        assertThat(html).contains("<th>Median slippage against arrival</th><td>11.2 bps</td>")
                .contains("<th>Implementation shortfall</th><td>48.90 (15.1 bps)</td>")
                .contains("<th>… delay / trading / opportunity / fees</th><td>6.30 / 29.10 / 12.00 / 1.50</td>");
        assertThat(html).contains("<td>2024-03-04 14:30:00</td><td>EUR_USD</td><td>BUY</td><td>twap</td><td class=\"num\">10,000</td>"
                + "<td class=\"num\">10,000</td><td class=\"num\">1.08512</td><td class=\"num\">1.08531</td><td class=\"num\">1.08541</td>"
                + "<td class=\"num\">2.7</td><td class=\"num\">0.9</td><td class=\"num\">2.90</td>");
        assertThat(html).contains("<td>SELL</td><td>market</td><td class=\"num\">500</td><td class=\"num\">0</td><td class=\"num\">1.0856</td>"
                + "<td class=\"num\">n/a</td>");
        assertThat(withBars).as("a run without costs says so").contains("No transaction costs: this run has no tca.jsonl");
    }

    @Test
    void showsEachModelsAccuracyOverTimeAndItsFeaturesByImportance() throws Exception {
        Path runDir = runWithSummaryField("run-with-models", "models", """
                [{"name":"dir","symbol":"AAPL","features":["rsi14","roc5","zscore20"],"label":"forwardReturn(5) > 0.0","horizonBars":5,
                  "learner":"forest(trees: 100, depth: 4)","train":"2y","retrain":"3mo","purge":true,"embargoBars":5,"folder":"models/AAPL/dir",
                  "leak":false,"predictions":200,"accuracy":0.55,"importance":{"rsi14":0.25,"roc5":0.6,"zscore20":0.15},
                  "windows":[
                   {"number":1,"trainedAt":"2013-03-01T00:00:00Z","samplesFrom":"2013-01-02T00:00:00Z","samplesTo":"2013-02-20T00:00:00Z","samples":35,
                    "upShare":0.5,"latestLabelTime":"2013-02-27T00:00:00Z","firstPredictionTime":"2013-03-01T00:00:00Z","embargoBars":5,"leak":false,
                    "predictedUntil":"2013-05-31T00:00:00Z","predictions":120,"accuracy":0.6,"file":"001.model","sha256":"ab12cd34ef56ab78cd90ef12ab34cd56"},
                   {"number":2,"trainedAt":"2013-06-03T00:00:00Z","samplesFrom":"2013-01-02T00:00:00Z","samplesTo":"2013-05-23T00:00:00Z","samples":98,
                    "upShare":0.52,"latestLabelTime":"2013-05-31T00:00:00Z","firstPredictionTime":"2013-06-03T00:00:00Z","embargoBars":5,"leak":false,
                    "predictedUntil":"2013-08-30T00:00:00Z","predictions":80,"accuracy":0.475,"file":"002.model","sha256":"ff00","reusedFrom":"runs/a/002.model"}]}]
                """);
        String html = Files.readString(HtmlReport.write(runDir, tmp.resolve("out-models")));

        assertThat(html).contains(">Models</h2>").contains("<h3>'dir' on AAPL</h3>");
        // 0.55 over 200: one standard error is sqrt(0.55 * 0.45 / 200) = 0.0352
        assertThat(html).contains("<th>Out-of-sample accuracy</th><td>0.550 ± 0.035 over 200 predictions (one standard error)</td>");
        assertThat(html).contains("<th>Leakage audit</th><td>no training used a label before it was known</td>");
        // features by importance, largest first
        assertThat(html).containsSubsequence("<code>roc5</code></td><td class=\"num\">60.0%", "<code>rsi14</code></td><td class=\"num\">25.0%",
                "<code>zscore20</code></td><td class=\"num\">15.0%");
        // a forest's importance is what its splits took out of the Gini impurity
        assertThat(html).contains("Each feature's share of the Gini impurity its splits removed from the training samples, averaged over the trainings.");
        assertThat(html).contains("<td class=\"num\">120</td><td class=\"num\">0.600</td>").contains("ff00 (loaded)");
        assertThat(images(html)).hasSize(images(withoutBars).size() + 1).anySatisfy(i -> assertThat(i.getHeight()).isEqualTo(420));
        assertThat(withBars).doesNotContain(">Models</h2>");
    }

    @Test
    void showsDataFilesWithTheirHash() {
        assertThat(withBars).contains("9f2c4e0d1b7a55e3c1f0a8d6b2e4f6a8c0e2d4f6a8b0c2e4f6a8b0c2d4e6f8a0");
    }

    @Test
    void drawsTheStrategysOverlaysOverThePrice() throws Exception {
        Path runDir = tmp.resolve("run-with-overlay");
        run.writeTo(runDir, Map.of());
        double[] sma = new double[run.bars.size()];
        for (int i = 0; i < sma.length; i++) {
            double sum = 0;
            for (int k = Math.max(0, i - 9); k <= i; k++) sum += run.bars.close(k);
            sma[i] = i < 9 ? Double.NaN : sum / 10;
        }
        OverlayFile.write(runDir, List.of(new Overlay("fast SMA", sma)));

        String page = Files.readString(HtmlReport.write(runDir, tmp.resolve("out-overlay"), Optional.of(run.bars)));

        assertThat(page).contains("alt=\"" + run.bars.symbol() + " price with fast SMA and buy and sell fills\"")
                .contains("Lines: the strategy's fast SMA.");
        BufferedImage with = images(page).get(0), without = images(withBars).get(0);
        int differing = 0;
        for (int x = 0; x < with.getWidth(); x++) {
            for (int y = 0; y < with.getHeight(); y++) if (with.getRGB(x, y) != without.getRGB(x, y)) differing++;
        }
        assertThat(differing).as("pixels the overlay line changed").isGreaterThan(500);
    }

    @Test
    void overlaysKeepTheirWarmUpAsNaN() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("overlay-file"));
        OverlayFile.write(dir, List.of(new Overlay("a", new double[] {Double.NaN, 1.5, 2}), new Overlay("b, slow", new double[] {3})));

        assertThat(Files.readAllLines(dir.resolve("overlays.jsonl")))
                .containsExactly("{\"name\":\"a\",\"values\":[null,1.5,2.0]}", "{\"name\":\"b, slow\",\"values\":[3.0]}");
        List<Overlay> back = OverlayFile.read(dir);
        assertThat(back).extracting(Overlay::name).containsExactly("a", "b, slow");
        assertThat(back.get(0).values()).containsExactly(Double.NaN, 1.5, 2.0);
    }

    /** The sample run written to {@code name}, its summary.json given {@code field} as {@code json}. */
    private static Path runWithSummaryField(String name, String field, String json) throws Exception {
        Path runDir = tmp.resolve(name);
        run.writeTo(runDir, Map.of());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode summary = (ObjectNode) mapper.readTree(runDir.resolve("summary.json").toFile());
        summary.set(field, mapper.readTree(json));
        mapper.writeValue(runDir.resolve("summary.json").toFile(), summary);
        return runDir;
    }

    private static List<BufferedImage> images(String html) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(3))));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(Integer.parseInt(m.group(1)));
            assertThat(image.getHeight()).isEqualTo(Integer.parseInt(m.group(2)));
            out.add(image);
        }
        return out;
    }
}
