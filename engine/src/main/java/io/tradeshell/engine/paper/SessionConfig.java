package io.tradeshell.engine.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradeshell.engine.config.ConfigFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.strategy.ExitPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a paper account remembers of how it was started ({@code session.json}), so that
 * {@code paper resume} runs the same script on the same data with the same settings.
 *
 * @param script        the script as the user named it (the account runs its own copy)
 * @param params        parameter overrides, as given
 * @param bar           bar period for trade files, such as {@code 1m}; empty for bar files
 * @param stopLossPct   default stop-loss in percent of the entry price (5 = 5%), NaN for none
 * @param takeProfitPct default take-profit in percent of the entry price, NaN for none
 */
public record SessionConfig(String name, String script, Map<String, Object> params, List<DataRef> data,
                            Optional<String> bar, boolean lenient, Speed speed, double cash, double lot,
                            ExecutionSettings execution, RiskLimits risk, double stopLossPct, double takeProfitPct,
                            String createdAt) {

    /** One symbol's data file and its SHA-256 when the account started. */
    public record DataRef(String symbol, String file, String sha256) { }

    public SessionConfig {
        params = Map.copyOf(new LinkedHashMap<>(params));
        data = List.copyOf(data);
        if (data.isEmpty()) throw new IllegalArgumentException("a paper session needs data");
        checkPct("stop-loss", stopLossPct);
        checkPct("take-profit", takeProfitPct);
    }

    private static void checkPct(String what, double pct) {
        if (!Double.isNaN(pct) && !(pct > 0 && pct < 100)) {
            throw new IllegalArgumentException(what + " must be a percentage between 0 and 100, was " + pct);
        }
    }

    /** The protective exits every position gets unless the script sets its own. */
    public ExitPlan exits() {
        return exitPlan(stopLossPct, takeProfitPct);
    }

    /** An exit plan from percentages (5 = 5%); NaN leaves that exit off. */
    public static ExitPlan exitPlan(double stopLossPct, double takeProfitPct) {
        ExitPlan plan = ExitPlan.NONE;
        if (!Double.isNaN(stopLossPct)) plan = plan.withStopLoss(new ExitPlan.Offset.Percent(stopLossPct / 100));
        if (!Double.isNaN(takeProfitPct)) plan = plan.withTakeProfit(new ExitPlan.Offset.Percent(takeProfitPct / 100));
        return plan;
    }

    public SessionConfig withSpeed(Speed s) {
        return new SessionConfig(name, script, params, data, bar, lenient, s, cash, lot, execution, risk, stopLossPct, takeProfitPct, createdAt);
    }

    public List<String> symbols() {
        return data.stream().map(DataRef::symbol).toList();
    }

    public void write(Path file) {
        try {
            Json.MAPPER.writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an account's {@code session.json}.
     *
     * @throws IllegalArgumentException {@code FILE:LINE: KEY problem} for a key it does not know, a value of the wrong type or one missing
     */
    public static SessionConfig read(Path file) {
        return ConfigFile.read(file, SessionFile.class, Set.of()).config();
    }

    ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", name);
        n.put("script", script);
        n.set("params", Json.MAPPER.valueToTree(params));
        ArrayNode d = n.putArray("data");
        for (DataRef r : data) d.addObject().put("symbol", r.symbol()).put("file", r.file()).put("sha256", r.sha256());
        n.put("bar", bar.orElse(null));
        n.put("lenient", lenient);
        n.put("speed", speed.toString());
        n.put("cash", cash);
        n.put("lot", lot);
        ObjectNode x = n.putObject("execution");
        x.put("fill", execution.fillTiming().label());
        x.set("commission", Json.MAPPER.valueToTree(execution.commission().describe()));
        x.put("slippageBps", execution.slippage().bps());
        x.put("latencyMillis", execution.latencyMillis());
        x.put("maxVolumeShare", execution.maxVolumeShare());
        x.put("rejectProbability", execution.rejectProbability());
        x.put("seed", execution.seed());
        ObjectNode r = n.putObject("risk");
        number(r, "maxPositionPct", risk.maxPositionPct());
        number(r, "maxLeverage", risk.maxLeverage());
        number(r, "maxOrderNotional", risk.maxOrderNotional());
        ArrayNode allowed = r.putArray("allowedSymbols");
        risk.allowedSymbols().stream().sorted().forEach(allowed::add);
        r.put("staleAfterMillis", risk.staleAfterMillis());
        number(r, "dailyLossLimit", risk.dailyLossLimit());
        number(r, "maxDrawdown", risk.maxDrawdown());
        number(n, "stopLossPct", stopLossPct);
        number(n, "takeProfitPct", takeProfitPct);
        n.put("createdAt", createdAt);
        return n;
    }

    /** {@code session.json} as written: what {@link #toJson} writes; the keys later versions added may be left out. */
    record SessionFile(@JsonProperty(required = true) String name, @JsonProperty(required = true) String script, Map<String, Object> params,
                       @JsonProperty(required = true) List<DataRef> data, String bar, boolean lenient, String speed,
                       @JsonProperty(required = true) double cash, Double lot, ExecutionFile execution, RiskFile risk,
                       Double stopLossPct, Double takeProfitPct, String createdAt) {
        SessionFile {
            if (data.isEmpty()) throw new IllegalArgumentException("data must name at least one file");
        }

        SessionConfig config() {
            ExecutionFile x = execution == null ? new ExecutionFile(null, null, 0, 0, 0, 0, null) : execution;
            RiskFile r = risk == null ? new RiskFile(null, null, null, null, 0, null, null) : risk;
            Map<String, Object> given = new LinkedHashMap<>();
            // whole numbers are kept as longs, as a script's parameters read them
            if (params != null) params.forEach((k, v) -> given.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            return new SessionConfig(name, script, given, data, Optional.ofNullable(bar), lenient,
                    Speed.parse(speed == null ? "max" : speed), cash, lot == null ? 1 : lot, x.settings(), r.limits(), nan(stopLossPct),
                    nan(takeProfitPct), createdAt == null ? "" : createdAt);
        }
    }

    record ExecutionFile(String fill, CommissionFile commission, double slippageBps, long latencyMillis, double maxVolumeShare,
                         double rejectProbability, Long seed) {
        ExecutionSettings settings() {
            return new ExecutionSettings(FillTiming.parse(fill == null ? "next-open" : fill),
                    commission == null ? new CommissionModel.PercentOfNotional(0) : commission.commissionModel(), new Slippage(slippageBps),
                    latencyMillis, maxVolumeShare, rejectProbability, seed == null ? 1 : seed);
        }
    }

    /** A commission model as its {@code describe()} writes it. */
    record CommissionFile(@JsonProperty(required = true) String model, Double rate, Double perShare, Double minimum, Double fee) {
        CommissionFile {
            if (!List.of("percent", "per-share", "per-order").contains(model)) {
                throw new IllegalArgumentException("model must be percent, per-share or per-order, was \"" + model + "\"");
            }
        }

        CommissionModel commissionModel() {
            return switch (model) {
                case "percent" -> new CommissionModel.PercentOfNotional(zero(rate));
                case "per-share" -> new CommissionModel.PerShare(zero(perShare), zero(minimum));
                default -> new CommissionModel.PerOrder(zero(fee));
            };
        }
    }

    /** Risk limits; null for a limit that is off. */
    record RiskFile(Double maxPositionPct, Double maxLeverage, Double maxOrderNotional, List<String> allowedSymbols, long staleAfterMillis,
                    Double dailyLossLimit, Double maxDrawdown) {
        RiskLimits limits() {
            return new RiskLimits(nan(maxPositionPct), nan(maxLeverage), nan(maxOrderNotional),
                    allowedSymbols == null ? Set.of() : new LinkedHashSet<>(allowedSymbols), staleAfterMillis, nan(dailyLossLimit), nan(maxDrawdown));
        }
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double zero(Double v) {
        return v == null ? 0 : v;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) n.put(field, v);
        else n.putNull(field);
    }
}
