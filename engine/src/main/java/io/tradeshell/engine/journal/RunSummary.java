package io.tradeshell.engine.journal;

import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and writes {@code summary.json}: the run's settings, assumptions and metrics. */
public final class RunSummary {
    private RunSummary() { }

    public static void write(RunResult result, Path file) throws IOException {
        Json.MAPPER.writeValue(file.toFile(), toMap(result));
    }

    /** The run's default protective exits: {@code {"stopLoss":{"percent":2.0}, ...}}. */
    static Map<String, Object> exits(io.tradeshell.engine.strategy.ExitPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        plan.stopLoss().ifPresent(o -> m.put("stopLoss", offset(o)));
        plan.takeProfit().ifPresent(o -> m.put("takeProfit", offset(o)));
        plan.trailingStop().ifPresent(o -> m.put("trailingStop", offset(o)));
        return m;
    }

    private static Map<String, Object> offset(io.tradeshell.engine.strategy.ExitPlan.Offset o) {
        return switch (o) {
            case io.tradeshell.engine.strategy.ExitPlan.Offset.Percent p -> Map.of("percent", Math.round(1e8 * p.fraction()) / 1e6);
            case io.tradeshell.engine.strategy.ExitPlan.Offset.Points p -> Map.of("points", p.distance() + " x " + p.multiple());
        };
    }

    public static Map<String, Object> toMap(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("script", r.spec().script());
        m.put("mode", r.mode());
        m.put("params", r.spec().strategy().params());
        List<Map<String, Object>> data = new ArrayList<>();
        for (DataInput d : r.spec().data()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("symbol", d.symbol());
            x.put("file", d.file());
            x.put("sha256", d.sha256());
            x.put("bars", d.bars().size());
            x.put("period", io.tradeshell.engine.data.BarPeriods.format(d.bars().period()));
            if (!d.bars().isEmpty()) {
                x.put("from", Instant.ofEpochMilli(d.bars().openTime(0)).toString());
                x.put("to", Instant.ofEpochMilli(d.bars().openTime(d.bars().lastIndex())).toString());
                if (!d.notes().isEmpty()) x.put("notes", d.notes());
                x.put("until", Instant.ofEpochMilli(d.bars().closeTime(d.bars().lastIndex())).toString()); // the last bar's close
            }
            data.add(x);
        }
        m.put("data", data);
        ExecutionSettings x = r.spec().execution();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fill", x.fillTiming().label());
        settings.put("commission", x.commission().describe());
        settings.put("slippageBps", x.slippage().bps());
        if (!x.slippage().source().isEmpty()) settings.put("slippageFrom", x.slippage().source());
        settings.put("cash", r.spec().cash());
        settings.put("lotSize", r.spec().lotSize());
        if (x.hasRealism()) {
            settings.put("latencyMillis", x.latencyMillis());
            settings.put("maxVolumeShare", x.maxVolumeShare());
            settings.put("rejectProbability", x.rejectProbability());
            settings.put("seed", x.seed());
        }
        if (!r.spec().effectiveRisk().isNone()) settings.put("risk", r.spec().effectiveRisk());
        if (!r.spec().exits().isEmpty()) settings.put("exits", exits(r.spec().exits()));
        m.put("settings", settings);
        m.put("optimistic", x.fillTiming() == io.tradeshell.engine.execution.FillTiming.CLOSE);
        m.put("warmupBars", r.warmupBars());
        m.put("assumptions", r.assumptions());
        m.put("metrics", r.metrics() == null ? null : r.metrics().asMap());
        m.put("tca", r.costSummary().asMap());
        // profitFactor is null both without trades and without losing trades: this tells them apart
        if (r.metrics() != null) m.put("profitFactorInfinite", r.metrics().profitFactorInfinite());
        List<Map<String, Object>> open = new ArrayList<>();
        for (OpenPosition p : r.openPositions()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("symbol", p.symbol());
            o.put("side", p.side().name());
            o.put("qty", p.qty());
            o.put("entryTime", p.entryTime().toString());
            o.put("entryPrice", p.entryPrice());
            o.put("lastPrice", Json.orNull(p.lastPrice()));
            o.put("unrealizedPnl", Json.orNull(p.unrealizedPnl()));
            // Open when the data ran out: marked to the last close and kept out of the trades.
            if (!r.stoppedEarly()) o.put("exitReason", ExitReason.END_OF_DATA.word());
            open.add(o);
        }
        m.put("openPositions", open);
        m.put("bars", r.bars());
        m.put("orders", r.orders());
        m.put("fills", r.fills().size());
        m.put("ordersReducedForCash", r.accountChecks().ordersReducedForCash());
        m.put("ordersRejectedForCash", r.accountChecks().ordersRejectedForCash());
        m.put("stoppedEarly", r.stoppedEarly());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        if (!r.models().isEmpty()) m.put("models", r.models().stream().map(io.tradeshell.engine.learning.ModelReport::asMap).toList());
        return m;
    }
}
