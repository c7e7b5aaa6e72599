package io.tradeshell.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic run for tests: a long-only SMA crossover on real bars, filled at the next
 * bar's open with a percent commission, written out in the run-directory format.
 */
public final class SampleRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final BarSeries bars;
    public final long[] time;
    public final double[] equity, cash, exposure, benchmark;
    public final List<Map<String, Object>> trades = new ArrayList<>();
    public final List<Map<String, Object>> fills = new ArrayList<>();
    public final int fast, slow;
    public final double qty, startCash, commissionRate;

    private SampleRun(BarSeries bars, int fast, int slow, double qty, double startCash, double commissionRate) {
        this.bars = bars;
        this.fast = fast;
        this.slow = slow;
        this.qty = qty;
        this.startCash = startCash;
        this.commissionRate = commissionRate;
        int n = bars.size();
        time = new long[n];
        equity = new double[n];
        cash = new double[n];
        exposure = new double[n];
        benchmark = new double[n];
    }

    public static SampleRun smaCross(BarSeries bars, int fast, int slow, double qty) {
        SampleRun run = new SampleRun(bars, fast, slow, qty, 100_000, 0.001);
        run.simulate();
        return run;
    }

    private void simulate() {
        double[] f = Fixtures.sma(bars, fast), s = Fixtures.sma(bars, slow);
        double money = startCash, held = 0, entryPrice = 0, entryCommission = 0;
        int entryBar = -1;
        long orderId = 0;
        Boolean pending = null; // true = buy at next open, false = sell at next open
        double units = startCash / bars.open(0);
        for (int i = 0; i < bars.size(); i++) {
            if (pending != null) {
                double px = bars.open(i);
                double commission = px * qty * commissionRate;
                orderId++;
                if (pending) {
                    money -= px * qty + commission;
                    held = qty;
                    entryPrice = px;
                    entryCommission = commission;
                    entryBar = i;
                } else {
                    money += px * qty - commission;
                    double pnl = (px - entryPrice) * qty - entryCommission - commission;
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("symbol", bars.symbol());
                    t.put("side", "LONG");
                    t.put("qty", qty);
                    t.put("entryTime", iso(bars.openTime(entryBar)));
                    t.put("entryPrice", entryPrice);
                    t.put("exitTime", iso(bars.openTime(i)));
                    t.put("exitPrice", px);
                    t.put("pnl", pnl);
                    t.put("commission", entryCommission + commission);
                    t.put("barsHeld", i - entryBar);
                    t.put("returnPct", pnl / (qty * entryPrice));
                    t.put("exitReason", "signal");
                    trades.add(t);
                    held = 0;
                }
                Map<String, Object> fill = new LinkedHashMap<>();
                fill.put("orderId", orderId);
                fill.put("symbol", bars.symbol());
                fill.put("side", pending ? "BUY" : "SELL");
                fill.put("qty", qty);
                fill.put("price", px);
                fill.put("commission", commission);
                fill.put("time", iso(bars.openTime(i)));
                fills.add(fill);
                pending = null;
            }
            time[i] = bars.openTime(i);
            cash[i] = money;
            equity[i] = money + held * bars.close(i);
            exposure[i] = held * bars.close(i) / equity[i];
            benchmark[i] = units * bars.close(i);
            if (i > 0 && !Double.isNaN(s[i - 1])) {
                if (held == 0 && f[i] > s[i] && f[i - 1] <= s[i - 1]) pending = true;
                else if (held > 0 && f[i] < s[i] && f[i - 1] >= s[i - 1]) pending = false;
            }
        }
    }

    /** Writes summary.json, equity.jsonl, trades.jsonl and fills.jsonl into {@code dir}. */
    public void writeTo(Path dir, Map<String, Object> extraParams) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fast", fast);
        params.put("slow", slow);
        params.put("qty", qty);
        params.putAll(extraParams);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", bars.symbol());
        data.put("file", "data/aapl_daily_2013.csv");
        data.put("sha256", "9f2c4e0d1b7a55e3c1f0a8d6b2e4f6a8c0e2d4f6a8b0c2e4f6a8b0c2d4e6f8a0");
        data.put("bars", bars.size());
        data.put("period", "P1D");
        data.put("from", iso(bars.openTime(0)));
        data.put("to", iso(bars.openTime(bars.lastIndex())));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fill", "next-open");
        settings.put("commission", Map.of("model", "percent", "rate", commissionRate));
        settings.put("slippageBps", 0.0);
        settings.put("cash", startCash);
        double finalEquity = equity[equity.length - 1];
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("finalEquity", finalEquity);
        metrics.put("totalReturn", finalEquity / startCash - 1);
        metrics.put("cagr", finalEquity / startCash - 1);
        metrics.put("volatility", 0.0812);
        metrics.put("sharpe", 0.41);
        metrics.put("sortino", null);
        metrics.put("maxDrawdown", 0.083);
        metrics.put("maxDrawdownDuration", 97);
        metrics.put("calmar", 0.25);
        metrics.put("trades", trades.size());
        metrics.put("winRate", 0.4);
        metrics.put("profitFactor", 1.3);
        metrics.put("avgWin", 1520.5);
        metrics.put("avgLoss", -830.25);
        metrics.put("expectancy", 110.0);
        metrics.put("exposure", 0.55);
        metrics.put("commissions", 93.12);
        metrics.put("buyAndHoldReturn", benchmark[benchmark.length - 1] / startCash - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", "SMA crossover");
        summary.put("script", "strategies/sma_crossover.groovy");
        summary.put("mode", "backtest");
        summary.put("params", params);
        summary.put("data", List.of(data));
        summary.put("settings", settings);
        summary.put("warmupBars", slow);
        summary.put("assumptions", List.of(
                "Market orders fill at the next bar's open after the signal bar closes.",
                "Commission is 0.1% of traded value; no slippage.",
                "Buy-and-hold invests the starting cash at the first bar's open."));
        summary.put("metrics", metrics);
        summary.put("openPositions", List.of());
        summary.put("startedAt", "2024-05-01T10:00:00Z");
        summary.put("finishedAt", "2024-05-01T10:00:01Z");
        summary.put("bars", bars.size());
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);

        try (Writer w = Files.newBufferedWriter(dir.resolve("equity.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < time.length; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("time", iso(time[i]));
                row.put("equity", equity[i]);
                row.put("cash", cash[i]);
                row.put("exposure", exposure[i]);
                row.put("benchmark", benchmark[i]);
                w.write(JSON.writeValueAsString(row));
                w.write('\n');
            }
        }
        writeLines(dir.resolve("trades.jsonl"), trades);
        writeLines(dir.resolve("fills.jsonl"), fills);
    }

    public static void writeLines(Path file, List<Map<String, Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> row : rows) {
                w.write(JSON.writeValueAsString(row));
                w.write('\n');
            }
        }
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
