package io.tradeshell.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone can check a run's figures: the metrics recomputed from {@code equity.jsonl} and
 * {@code summary.json} alone, by a plain implementation that uses no engine class, equal the
 * summary's.
 */
class MetricsFromFilesTest {
    @TempDir
    Path dir;

    @Test
    void sharpeSortinoDrawdownAndCagrRecomputedFromTheFilesEqualTheSummarys() throws Exception {
        BarSeries bars = SyntheticBars.generate(11, 600);
        StrategyFactory f = new StrategyFactory() {
            public String name() { return "in and out"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if (i % 40 == 5) ctx.submit(OrderRequest.market(ctx.symbol(), Side.BUY, 7, "in"));
                        if (i % 40 == 25 && ctx.position() > 0) ctx.submit(OrderRequest.market(ctx.symbol(), Side.SELL, ctx.position(), "out"));
                    }
                    public int warmupBars() { return 0; }
                };
            }
        };
        ExecutionSettings x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
        Backtest.run(new RunSpec("s.groovy", f, List.of(new DataInput(bars, "x.csv", "0")), x, 10_000, RiskLimits.none(), 1),
                new RunOutputWriter(dir, false));

        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        double cash = summary.path("settings").path("cash").asDouble();
        List<String> lines = Files.readAllLines(dir.resolve("equity.jsonl"));
        int n = lines.size();
        long[] time = new long[n];
        double[] equity = new double[n];
        for (int t = 0; t < n; t++) {
            JsonNode p = Json.MAPPER.readTree(lines.get(t));
            time[t] = Instant.parse(p.path("time").asText()).toEpochMilli();
            equity[t] = p.path("equity").asDouble();
        }
        // plain definitions, two passes: returns against the previous point (the cash before the first)
        double[] r = new double[n];
        for (int t = 0; t < n; t++) r[t] = equity[t] / (t == 0 ? cash : equity[t - 1]) - 1;
        double mean = 0;
        for (double v : r) mean += v;
        mean /= n;
        double ss = 0, down = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
            if (v < 0) down += v * v;
        }
        double year = 365.25 * 86_400_000;
        double perYear = (n - 1) / ((time[n - 1] - time[0]) / year);
        double sharpe = mean / Math.sqrt(ss / (n - 1)) * Math.sqrt(perYear);
        double sortino = mean / Math.sqrt(down / n) * Math.sqrt(perYear);
        double peak = cash, maxDrawdown = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            maxDrawdown = Math.max(maxDrawdown, (peak - e) / peak);
        }
        long until = Instant.parse(summary.path("data").get(0).path("until").asText()).toEpochMilli();
        double cagr = Math.pow(equity[n - 1] / cash, year / (until - time[0])) - 1;

        JsonNode m = summary.path("metrics");
        assertThat(m.path("finalEquity").asDouble()).isEqualTo(equity[n - 1]);
        assertThat(m.path("totalReturn").asDouble()).isEqualTo(equity[n - 1] / cash - 1);
        assertThat(m.path("sharpe").asDouble()).isCloseTo(sharpe, within(1e-12 * Math.abs(sharpe)));
        assertThat(m.path("sortino").asDouble()).isCloseTo(sortino, within(1e-12 * Math.abs(sortino)));
        assertThat(m.path("maxDrawdown").asDouble()).isEqualTo(maxDrawdown);
        assertThat(m.path("cagr").asDouble()).isCloseTo(cagr, within(1e-12 * Math.abs(cagr)));
        assertThat(m.path("trades").asInt()).isEqualTo(Files.readAllLines(dir.resolve("trades.jsonl")).size()).isPositive();
    }
}
