package io.tradeshell.engine.tca;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's transaction costs in a few figures, for {@code summary.json}, reports and parity:
 * medians of the per-order slippages (over orders that filled) beside the slippage the run
 * assumed, and the implementation shortfall of all orders together with its parts.
 */
public record CostSummary(int orders, int filled, double assumedSlippageBps, double medianSlippageArrivalBps,
                          double medianSlippageVwapBps, double medianStartSlippageBps, double delayCost, double tradingCost,
                          double opportunityCost, double fees, double shortfall, double shortfallBps) {

    public static CostSummary of(List<OrderCost> costs, double assumedSlippageBps) {
        List<OrderCost> withFills = costs.stream().filter(c -> c.filledQty() > 0).toList();
        double delay = 0, trading = 0, opportunity = 0, fees = 0, arrivalNotional = 0;
        for (OrderCost c : costs) {
            delay += c.delayCost();
            trading += c.tradingCost();
            opportunity += c.opportunityCost();
            fees += c.fees();
            arrivalNotional += c.qty() * c.arrivalPrice();
        }
        double shortfall = delay + trading + opportunity + fees;
        return new CostSummary(costs.size(), withFills.size(), assumedSlippageBps,
                median(withFills.stream().mapToDouble(OrderCost::slippageArrivalBps).toArray()),
                median(withFills.stream().mapToDouble(OrderCost::slippageVwapBps).toArray()),
                median(withFills.stream().mapToDouble(OrderCost::startSlippageBps).toArray()),
                delay, trading, opportunity, fees, shortfall, arrivalNotional > 0 ? shortfall / arrivalNotional * 10_000 : Double.NaN);
    }

    /** The middle value of the finite ones (the mean of the two middle ones for an even count); NaN for none. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", orders);
        m.put("filled", filled);
        m.put("assumedSlippageBps", assumedSlippageBps);
        m.put("medianSlippageArrivalBps", OrderCost.finite(medianSlippageArrivalBps));
        m.put("medianSlippageVwapBps", OrderCost.finite(medianSlippageVwapBps));
        m.put("medianStartSlippageBps", OrderCost.finite(medianStartSlippageBps));
        m.put("delayCost", delayCost);
        m.put("tradingCost", tradingCost);
        m.put("opportunityCost", opportunityCost);
        m.put("fees", fees);
        m.put("shortfall", shortfall);
        m.put("shortfallBps", OrderCost.finite(shortfallBps));
        return m;
    }

    /** One line for the console: {@code 12 orders: slippage 5.0 bps median against the start (assumed 5), ...}. */
    public String describe() {
        if (orders == 0) return "no orders";
        // a session at a real broker assumed nothing (NaN): its fills are the broker's
        String assumed = Double.isNaN(assumedSlippageBps) ? "" : " (assumed " + bps(assumedSlippageBps) + ")";
        return "%d orders (%d filled): slippage median %s bps against the market at the start%s, %s bps against arrival, %s bps against the interval VWAP; shortfall %.2f (%s bps: delay %.2f, trading %.2f, opportunity %.2f, fees %.2f)"
                .formatted(orders, filled, bps(medianStartSlippageBps), assumed, bps(medianSlippageArrivalBps),
                        bps(medianSlippageVwapBps), shortfall, bps(shortfallBps), delayCost, tradingCost, opportunityCost, fees);
    }

    static String bps(double v) {
        return Double.isFinite(v) ? "%.1f".formatted(v) : "n/a";
    }
}
