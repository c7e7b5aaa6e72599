package io.tradeshell.engine.paper;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
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

    public static SessionConfig read(Path file) {
        try {
            return fromJson(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a paper session's settings: " + e.getMessage(), e);
        }
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

    static SessionConfig fromJson(JsonNode n) {
        Map<String, Object> params = new LinkedHashMap<>();
        n.path("params").properties().forEach(e -> params.put(e.getKey(), value(e.getValue())));
        List<DataRef> data = new ArrayList<>();
        for (JsonNode d : n.path("data")) data.add(new DataRef(d.path("symbol").asText(), d.path("file").asText(), d.path("sha256").asText()));
        JsonNode x = n.path("execution");
        ExecutionSettings execution = new ExecutionSettings(FillTiming.parse(x.path("fill").asText("next-open")),
                commission(x.path("commission")), new Slippage(x.path("slippageBps").asDouble()),
                x.path("latencyMillis").asLong(), x.path("maxVolumeShare").asDouble(), x.path("rejectProbability").asDouble(),
                x.path("seed").asLong(1));
        JsonNode r = n.path("risk");
        Set<String> allowed = new LinkedHashSet<>();
        for (JsonNode s : r.path("allowedSymbols")) allowed.add(s.asText());
        RiskLimits risk = new RiskLimits(number(r, "maxPositionPct"), number(r, "maxLeverage"), number(r, "maxOrderNotional"),
                allowed, r.path("staleAfterMillis").asLong(), number(r, "dailyLossLimit"), number(r, "maxDrawdown"));
        JsonNode bar = n.path("bar");
        return new SessionConfig(n.path("name").asText(), n.path("script").asText(), params, data,
                bar.isTextual() ? Optional.of(bar.asText()) : Optional.empty(), n.path("lenient").asBoolean(),
                Speed.parse(n.path("speed").asText("max")), n.path("cash").asDouble(), n.path("lot").asDouble(1),
                execution, risk, number(n, "stopLossPct"), number(n, "takeProfitPct"), n.path("createdAt").asText(""));
    }

    private static CommissionModel commission(JsonNode c) {
        return switch (c.path("model").asText()) {
            case "percent" -> new CommissionModel.PercentOfNotional(c.path("rate").asDouble());
            case "per-share" -> new CommissionModel.PerShare(c.path("perShare").asDouble(), c.path("minimum").asDouble());
            case "per-order" -> new CommissionModel.PerOrder(c.path("fee").asDouble());
            default -> throw new IllegalArgumentException("unknown commission model " + c);
        };
    }

    private static Object value(JsonNode v) {
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        return v.asText();
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) n.put(field, v);
        else n.putNull(field);
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
