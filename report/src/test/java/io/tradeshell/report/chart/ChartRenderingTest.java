package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.report.Fixtures;
import io.tradeshell.report.SampleRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

class ChartRenderingTest {
    private static final ChartSize SIZE = new ChartSize(900, 450);
    private static final SampleRun RUN = SampleRun.smaCross(Fixtures.aaplDaily(), 10, 30, 100);

    static Stream<Arguments> charts() {
        BarSeries bars = RUN.bars;
        List<TradeMarker> markers = new ArrayList<>();
        for (var f : RUN.fills) {
            markers.add(new TradeMarker(java.time.Instant.parse((String) f.get("time")).toEpochMilli(),
                    (double) f.get("price"), "BUY".equals(f.get("side"))));
        }
        PriceChartInput price = new PriceChartInput("AAPL", bars,
                List.of(new Overlay("SMA 10", Fixtures.sma(bars, 10)), new Overlay("SMA 30", Fixtures.sma(bars, 30))), markers);
        EquityChartInput equity = new EquityChartInput(RUN.time, RUN.equity, RUN.benchmark);
        double[] tradeReturns = RUN.trades.stream().mapToDouble(t -> (double) t.get("returnPct")).toArray();
        HeatmapInput grid = new HeatmapInput("Sharpe over fast x slow", "fast", List.of("5", "10", "15"),
                "slow", List.of("20", "30"), new double[][] {{0.4, -0.2, 0.1}, {1.1, 0.9, Double.NaN}});
        LineInput line = new LineInput("Sharpe over slow", "slow", "Sharpe", new double[] {20, 30, 40, 50}, new double[] {0.2, 0.9, 0.7, -0.1});
        return Stream.of(
                Arguments.of("AAPL price and trades", (Function<ChartSize, Chart<?, ?>>) s -> PriceChart.render(price, s)),
                Arguments.of("LONG price and trades", (Function<ChartSize, Chart<?, ?>>) s -> PriceChart.render(longSeries(), s)),
                Arguments.of("Equity vs buy-and-hold", (Function<ChartSize, Chart<?, ?>>) s -> EquityChart.render(equity, s)),
                Arguments.of("Drawdown from running peak", (Function<ChartSize, Chart<?, ?>>) s -> DrawdownChart.render(RUN.time, RUN.equity, s)),
                Arguments.of("Monthly returns (%)", (Function<ChartSize, Chart<?, ?>>) s ->
                        MonthlyReturnsHeatmap.render(MonthlyReturns.of(RUN.time, RUN.equity), s)),
                Arguments.of("Distribution of trade returns", (Function<ChartSize, Chart<?, ?>>) s -> TradeReturnsHistogram.render(tradeReturns, s)),
                Arguments.of("Runs compared", (Function<ChartSize, Chart<?, ?>>) s -> ComparisonChart.render("Runs compared",
                        List.of(new NamedCurve("SMA 10/30", RUN.time, RUN.equity), new NamedCurve("Buy and hold", RUN.time, RUN.benchmark)), s)),
                Arguments.of("Sharpe over fast x slow", (Function<ChartSize, Chart<?, ?>>) s -> HeatmapChart.render(grid, s)),
                Arguments.of("Sharpe over slow", (Function<ChartSize, Chart<?, ?>>) s -> LineChart.render(line, s)));
    }

    /** 4,000 hourly bars: past the candle limit, so the price is drawn as a close line. */
    private static PriceChartInput longSeries() {
        BarSeries s = new BarSeries("LONG", Duration.ofHours(1), 2, 4000);
        double p = 100;
        for (int i = 0; i < 4000; i++) {
            double o = p;
            p = p * (1 + 0.01 * Math.sin(i * 0.37));
            s.append(1_600_000_000_000L + i * 3_600_000L, o, Math.max(o, p) + 0.5, Math.min(o, p) - 0.5, p, 10);
        }
        return new PriceChartInput("LONG", s, List.of(), List.of(new TradeMarker(s.openTime(100), s.open(100), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void writesPngOfTheRequestedSize(String title, Function<ChartSize, Chart<?, ?>> render, @TempDir Path dir) throws Exception {
        Path file = ChartWriter.write(render.apply(SIZE), dir.resolve("chart"), ChartFormat.PNG);

        assertThat(file.getFileName().toString()).isEqualTo("chart.png");
        assertThat(Files.size(file)).isPositive();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void writesSvgThatParsesAndCarriesTheTitle(String title, Function<ChartSize, Chart<?, ?>> render, @TempDir Path dir) throws Exception {
        Chart<?, ?> chart = render.apply(SIZE);
        Path file = ChartWriter.write(chart, dir.resolve("chart"), ChartFormat.SVG);

        assertThat(file.getFileName().toString()).isEqualTo("chart.svg");
        assertThat(chart.getTitle()).startsWith(title);
        Document svg = parseXml(Files.readAllBytes(file));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(chart.getTitle());
    }

    @Test
    void overlaysNamedLikeTheChartsOwnSeriesOrStillWarmingUpAreHandled() throws Exception {
        BarSeries bars = RUN.bars;
        double[] warmUp = new double[bars.size()];
        java.util.Arrays.fill(warmUp, Double.NaN);
        PriceChartInput input = new PriceChartInput("AAPL", bars, List.of(
                new Overlay("Buy", Fixtures.sma(bars, 5)), new Overlay("SMA", Fixtures.sma(bars, 10)),
                new Overlay("SMA", Fixtures.sma(bars, 20)), new Overlay("not yet", warmUp)),
                List.of(new TradeMarker(bars.openTime(40), bars.open(40), true)));

        var chart = PriceChart.render(input);

        assertThat(chart.getSeries("Buy (2)")).isNotNull();
        assertThat(chart.getSeries("SMA")).isNotNull();
        assertThat(chart.getSeries("SMA (2)")).isNotNull();
        assertThat(chart.getSeries("not yet")).isNull();
        assertThat(ChartWriter.png(chart)).isNotEmpty();
    }

    @Test
    void pngBytesDecodeToTheDefaultSize() throws Exception {
        byte[] png = ChartWriter.png(EquityChart.render(new EquityChartInput(RUN.time, RUN.equity, null)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void aMillionPointEquityChartRenders() throws Exception {
        int n = 1_000_000;
        long[] t = new long[n];
        double[] e = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_500_000_000_000L + i * 60_000L;
            e[i] = 100_000 + 5_000 * Math.sin(i / 20_000.0) + i * 0.01;
            b[i] = 100_000 + 8_000 * Math.cos(i / 30_000.0);
        }
        EquityChartInput input = new EquityChartInput(t, e, b);
        // how long it takes is a benchmark's question (bench/e2e.sh: what charts add to a 1M-bar run)
        byte[] png = ChartWriter.png(EquityChart.render(input));

        assertThat(png).isNotEmpty();
    }

    private static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // the SVG names the W3C DTD; reading it would need the network
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
