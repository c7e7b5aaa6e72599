package io.tradeshell.engine.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one {@code optimize.jsonl} row back, strictly: every field the writer writes must be
 * there with its type (a figure that was not finite is written as null and reads as NaN), so a
 * hand-edited or corrupted row fails with the field's name instead of resuming as a zero.
 */
final class RowReader {
    private RowReader() { }

    static SweepRow row(JsonNode n) {
        if (!n.isObject()) throw new IllegalArgumentException("not a JSON object");
        JsonNode id = field(n, "id", "");
        if (!id.isIntegralNumber() || id.longValue() < 0) throw new IllegalArgumentException("id is " + id + ", not a combination number");
        JsonNode p = field(n, "params", "");
        if (!p.isObject()) throw new IllegalArgumentException("params is " + p + ", not an object");
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            params.put(e.getKey(), v.isIntegralNumber() ? (v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue())
                    : v.isNumber() ? (Object) v.doubleValue() : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
        }
        JsonNode m = object(n, "metrics");
        RunMetrics metrics = new RunMetrics(d(m, "finalEquity"), d(m, "totalReturn"), d(m, "cagr"), d(m, "volatility"),
                d(m, "sharpe"), d(m, "sortino"), d(m, "maxDrawdown"), i(m, "maxDrawdownDuration"), d(m, "calmar"),
                i(m, "trades"), d(m, "winRate"), d(m, "profitFactor"), d(m, "avgWin"), d(m, "avgLoss"),
                d(m, "expectancy"), d(m, "exposure"), d(m, "commissions"), d(m, "buyAndHoldReturn"));
        JsonNode r = object(n, "returns");
        ReturnMoments returns = new ReturnMoments(i(r, "count"), d(r, "mean"), d(r, "stdev"), d(r, "skewness"), d(r, "kurtosis"));
        return new SweepRow(id.longValue(), Collections.unmodifiableMap(params), metrics, returns);
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode v = field(parent, name, "");
        if (!v.isObject()) throw new IllegalArgumentException(name + " is " + v + ", not an object");
        return v;
    }

    private static JsonNode field(JsonNode parent, String name, String kind) {
        JsonNode v = parent.get(name);
        if (v == null) throw new IllegalArgumentException(kind + name + " is missing");
        return v;
    }

    private static double d(JsonNode parent, String name) {
        JsonNode v = field(parent, name, "metric ");
        if (v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new IllegalArgumentException("metric " + name + " is " + v + ", not a number");
        return v.doubleValue();
    }

    private static int i(JsonNode parent, String name) {
        JsonNode v = field(parent, name, "metric ");
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new IllegalArgumentException("metric " + name + " is " + v + ", not a count");
        }
        return v.intValue();
    }
}
