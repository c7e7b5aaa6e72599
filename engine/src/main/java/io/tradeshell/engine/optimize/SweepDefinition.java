package io.tradeshell.engine.optimize;

import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What makes two sweeps the same sweep, as the map written to {@code sweep.json}: the strategy
 * and its code, the data (by content hash, wherever the file now is), every run setting, the space, the constraint and
 * the search. The objective is left out on purpose: resuming with another objective re-ranks
 * the same rows.
 */
final class SweepDefinition {
    private SweepDefinition() { }

    static Map<String, Object> of(OptimizeRequest r, CombinationPlan plan) {
        RunSpec base = r.base();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script", base.script());
        m.put("strategy", r.strategy().name());
        m.put("fingerprint", r.strategy().fingerprint());
        List<Map<String, Object>> data = new ArrayList<>();
        for (DataInput d : base.data()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("symbol", d.symbol());
            x.put("sha256", d.sha256());
            x.put("bars", d.bars().size());
            if (!d.bars().isEmpty()) {
                x.put("from", Instant.ofEpochMilli(d.bars().openTime(0)).toString());
                x.put("to", Instant.ofEpochMilli(d.bars().openTime(d.bars().lastIndex())).toString());
            }
            data.add(x);
        }
        m.put("data", data);
        m.put("settings", settings(base));
        m.put("params", r.space().ranges().stream().map(ParamRange::text).toList());
        m.put("constraint", r.constraint().text());
        Map<String, Object> search = new LinkedHashMap<>();
        switch (r.search()) {
            case Search.Grid g -> search.put("kind", "grid");
            case Search.Random rnd -> {
                search.put("kind", "random");
                search.put("samples", rnd.samples());
                search.put("seed", rnd.seed());
            }
        }
        m.put("search", search);
        m.put("gridSize", r.space().size());
        m.put("combinations", plan.size());
        return m;
    }

    private static Map<String, Object> settings(RunSpec base) {
        ExecutionSettings x = base.execution();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fill", x.fillTiming().label());
        s.put("commission", new TreeMap<>(x.commission().describe()));
        s.put("slippageBps", x.slippage().bps());
        s.put("latencyMillis", x.latencyMillis());
        s.put("maxVolumeShare", x.maxVolumeShare());
        s.put("rejectProbability", x.rejectProbability());
        s.put("seed", x.seed());
        s.put("cash", base.cash());
        s.put("lotSize", base.lotSize());
        RiskLimits k = base.risk();
        if (!k.isNone()) {
            Map<String, Object> risk = new LinkedHashMap<>();
            risk.put("maxPositionPct", String.valueOf(k.maxPositionPct()));
            risk.put("maxLeverage", String.valueOf(k.maxLeverage()));
            risk.put("maxOrderNotional", String.valueOf(k.maxOrderNotional()));
            risk.put("allowedSymbols", new ArrayList<>(new TreeSet<>(k.allowedSymbols())));
            risk.put("staleAfterMillis", k.staleAfterMillis());
            risk.put("dailyLossLimit", String.valueOf(k.dailyLossLimit()));
            risk.put("maxDrawdown", String.valueOf(k.maxDrawdown()));
            s.put("risk", risk);
        }
        return s;
    }
}
