package io.tradeshell.shell.app.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.journal.JournalFile;
import io.tradeshell.engine.paper.AccountFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A paper account's parent orders (TWAP, VWAP, participation), read from its journal's {@code
 * ParentOrderUpdated} lines, each as its last line left it: the ones still working, or all of
 * them. It reads the files only, so it works on a session running in any process.
 */
public final class AlgoOrders {
    private AlgoOrders() { }

    /**
     * Each parent order's last state, in the order they started, with what its children have
     * filled so far (from the journal's fills, which come after the parent's last line); only the
     * working ones unless {@code all}.
     */
    public static List<JsonNode> of(AccountFiles account, boolean all) {
        Map<Long, JsonNode> last = new LinkedHashMap<>();
        Map<Long, double[]> filled = new HashMap<>(); // order id -> quantity, notional
        JournalFile.scan(account.journal(), e -> {
            if (e.type().equals("ParentOrderUpdated")) last.put(e.json().path("parentId").asLong(), e.json());
            if (e.type().equals("OrderFilled")) {
                JsonNode f = e.json().path("fill");
                double[] q = filled.computeIfAbsent(f.path("orderId").asLong(), k -> new double[2]);
                q[0] += f.path("qty").asDouble();
                q[1] += f.path("qty").asDouble() * f.path("price").asDouble();
            }
        });
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : last.values()) {
            if (!all && !p.path("status").asText().equals("WORKING")) continue;
            double qty = 0, notional = 0;
            for (JsonNode c : p.path("childIds")) {
                double[] q = filled.getOrDefault(c.asLong(), new double[2]);
                qty += q[0];
                notional += q[1];
            }
            ObjectNode now = p.deepCopy();
            now.put("filledQty", qty);
            if (qty > 0) now.put("avgFillPrice", notional / qty);
            out.add(now);
        }
        return out;
    }

    /** One line per parent order: {@code #3 BUY 1000 AAPL twap(30m, 10 slices) WORKING  sent 300, filled 300 @ 187.31  children 4, 5, 6  since ...  (last: child 3 sent)}. */
    public static String describe(List<JsonNode> parents, boolean all) {
        if (parents.isEmpty()) return all ? "no algo orders\n" : "no working algo orders\n";
        StringBuilder b = new StringBuilder();
        for (JsonNode p : parents) {
            b.append(String.format(Locale.ROOT, "#%d  %s %s %s  %s  %s  sent %s, filled %s", p.path("parentId").asLong(), p.path("side").asText(),
                    qty(p.path("qty").asDouble()), p.path("symbol").asText(), p.path("algo").asText(), p.path("status").asText(),
                    qty(p.path("sentQty").asDouble()), qty(p.path("filledQty").asDouble())));
            if (p.path("avgFillPrice").isNumber() && p.path("filledQty").asDouble() > 0) {
                b.append(" @ ").append(price(p.path("avgFillPrice").asDouble()));
            }
            List<String> children = new ArrayList<>();
            p.path("childIds").forEach(c -> children.add(c.asText()));
            b.append("  children ").append(children.isEmpty() ? "none yet" : String.join(", ", children));
            b.append("  since ").append(p.path("decisionTime").asText()).append("  (last: ").append(p.path("step").asText()).append(")\n");
        }
        return b.toString();
    }

    /** A price rounded to six decimals for reading, without trailing zeros. */
    private static String price(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String qty(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
