package io.tradeshell.engine.tca;

import io.tradeshell.engine.model.Side;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one parent order (or a plain market order, a parent of one child) cost against the
 * price when it was decided. With s = +1 for a buy and -1 for a sell, P0 the arrival price,
 * P1 the first market price after the decision, F the average fill, Pe the price at the end:
 * <pre>
 *   delay       = s (P1 - P0) filled          the market moved before the first child could trade
 *   trading     = s (F  - P1) filled          slippage and the move while the children traded
 *   opportunity = s (Pe - P0) (qty - filled)  what the unfilled rest missed
 *   shortfall   = delay + trading + opportunity + fees,  in bps of qty x P0
 * </pre>
 *
 * @param parentId        the parent's id, or -1 for a plain order
 * @param orderIds        the broker's ids of its orders
 * @param startSlippageBps s (F - P1) / P1 in bps: the slippage against the market when trading started,
 *                        what a backtest's {@code --slippage-bps} assumes
 */
public record OrderCost(long parentId, List<Long> orderIds, String symbol, Side side, String algo, String tag, String status,
                        double qty, double filledQty, long decisionTime, long endTime,
                        double arrivalPrice, double startPrice, double intervalVwap, double avgFillPrice, double endPrice,
                        double slippageArrivalBps, double slippageVwapBps, double startSlippageBps,
                        double delayCost, double tradingCost, double opportunityCost, double fees, double shortfall, double shortfallBps) {

    /** Works the figures out from the prices and fills. */
    static OrderCost of(long parentId, List<Long> orderIds, String symbol, Side side, String algo, String tag, String status,
                        double qty, double filledQty, double notional, double fees, long decisionTime, long endTime,
                        double arrival, double start, double vwap, double end) {
        int s = side.sign();
        double avg = filledQty > 0 ? notional / filledQty : Double.NaN;
        double rest = Math.max(0, qty - filledQty);
        double delay = filledQty > 0 ? s * (start - arrival) * filledQty : 0;
        double trading = filledQty > 0 ? s * (avg - start) * filledQty : 0;
        double opportunity = rest > 0 ? s * (end - arrival) * rest : 0;
        double shortfall = delay + trading + opportunity + fees;
        return new OrderCost(parentId, List.copyOf(orderIds), symbol, side, algo, tag, status, qty, filledQty, decisionTime, endTime,
                arrival, start, vwap, avg, end, bps(s * (avg - arrival), arrival), bps(s * (avg - vwap), vwap), bps(s * (avg - start), start),
                delay, trading, opportunity, fees, shortfall, bps(shortfall, qty * arrival));
    }

    private static double bps(double amount, double base) {
        return amount / base * 10_000;
    }

    /** One line of {@code tca.jsonl}; figures that do not exist (no fill, no volume) are null. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>(32);
        m.put("parentId", parentId < 0 ? null : parentId);
        m.put("orderIds", orderIds);
        m.put("symbol", symbol);
        m.put("side", side.name());
        m.put("algo", algo);
        m.put("tag", tag);
        m.put("status", status);
        m.put("qty", qty);
        m.put("filledQty", filledQty);
        m.put("decisionTime", Instant.ofEpochMilli(decisionTime).toString());
        m.put("endTime", Instant.ofEpochMilli(endTime).toString());
        m.put("arrivalPrice", finite(arrivalPrice));
        m.put("startPrice", finite(startPrice));
        m.put("intervalVwap", finite(intervalVwap));
        m.put("avgFillPrice", finite(avgFillPrice));
        m.put("endPrice", finite(endPrice));
        m.put("slippageArrivalBps", finite(slippageArrivalBps));
        m.put("slippageVwapBps", finite(slippageVwapBps));
        m.put("startSlippageBps", finite(startSlippageBps));
        m.put("delayCost", finite(delayCost));
        m.put("tradingCost", finite(tradingCost));
        m.put("opportunityCost", finite(opportunityCost));
        m.put("fees", finite(fees));
        m.put("shortfall", finite(shortfall));
        m.put("shortfallBps", finite(shortfallBps));
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
