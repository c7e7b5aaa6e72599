package io.tradeshell.engine.allocation;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a portfolio's targets into ordinary market orders, tagged {@value #TAG}:
 * <ol>
 *   <li>each target becomes a quantity at the decision price, weights on equity less the cash
 *       buffer, rounded toward zero to whole lots;</li>
 *   <li>a change worth less than the tolerance is left alone, except a full exit;</li>
 *   <li>sells come first, and the cash they free (after slippage and commission) pays for
 *       the buys;</li>
 *   <li>when the buys, with their slippage and commission, cost more than there is to spend
 *       (the cash, plus what leverage allows), every buy shrinks by the same factor, then the
 *       last ones by a lot at a time until they fit.</li>
 * </ol>
 */
public final class Allocator {
    /** The tag of every order a rebalance places; trades they close carry it as their exit reason. */
    public static final String TAG = "rebalance";

    private final AllocationRules rules;

    public Allocator(AllocationRules rules) {
        this.rules = rules;
    }

    public AllocationRules rules() { return rules; }

    /** The orders that move {@code holdings} to {@code targets}: sells, then buys, each in symbol order. */
    public List<OrderRequest> orders(Targets targets, Holdings holdings) {
        List<String> symbols = holdings.symbols();
        int n = symbols.size();
        double equity = holdings.equity();
        double investable = equity * (1 - rules.cashBuffer());
        double[] delta = new double[n];
        for (int k = 0; k < n; k++) {
            double held = holdings.positions()[k], price = holdings.prices()[k];
            var target = targets.of(symbols.get(k));
            if (target.isEmpty() && !targets.othersToZero()) continue;
            if (!(price > 0)) continue; // no price yet: nothing can be valued or traded
            double wanted = target.map(t -> switch (t) {
                case Target.Weight w -> rules.wholeLots(w.fraction() * investable / price);
                case Target.Units u -> rules.wholeLots(u.qty());
            }).orElse(0.0);
            double change = wanted - held;
            if (Math.abs(change) < 1e-9) continue;
            if (wanted != 0 && Math.abs(change) * price < rules.tolerance() * equity) continue;
            delta[k] = change;
        }
        List<OrderRequest> out = new ArrayList<>();
        double cash = holdings.cash();
        for (int k = 0; k < n; k++) {
            if (delta[k] >= 0) continue;
            double qty = -delta[k], price = rules.slippage().apply(Side.SELL, holdings.prices()[k]);
            cash += qty * price - rules.commission().commission(qty, price, true);
            out.add(OrderRequest.market(symbols.get(k), Side.SELL, qty, TAG));
        }
        double budget = cash + Math.max(0, rules.maxLeverage() - 1) * equity;
        double[] buys = fitBuys(delta, holdings.prices(), budget);
        for (int k = 0; k < n; k++) {
            if (buys[k] > 0) out.add(OrderRequest.market(symbols.get(k), Side.BUY, buys[k], TAG));
        }
        return out;
    }

    /** The buy quantities, shrunk until they cost no more than {@code budget}. */
    private double[] fitBuys(double[] delta, double[] prices, double budget) {
        int n = delta.length;
        double[] buys = new double[n];
        for (int k = 0; k < n; k++) buys[k] = Math.max(0, delta[k]);
        double cost = cost(buys, prices);
        if (cost <= budget) return buys;
        double factor = Math.max(0, budget) / cost;
        for (int k = 0; k < n; k++) buys[k] = rules.wholeLots(buys[k] * factor);
        // Rounding and per-order fees can still leave it over: trim the last buys a step at a time.
        for (int k = n - 1; k >= 0 && (cost = cost(buys, prices)) > budget; ) {
            if (buys[k] <= 0) {
                k--;
                continue;
            }
            double unit = rules.slippage().apply(Side.BUY, prices[k]);
            double step = rules.lotSize() > 0 ? rules.lotSize() : Math.min(buys[k], (cost - budget) / unit * 1.0001);
            buys[k] = Math.max(0, buys[k] - step);
            if (buys[k] < 1e-9) buys[k] = 0;
        }
        return buys;
    }

    private double cost(double[] buys, double[] prices) {
        double total = 0;
        for (int k = 0; k < buys.length; k++) {
            if (buys[k] <= 0) continue;
            double price = rules.slippage().apply(Side.BUY, prices[k]);
            total += buys[k] * price + rules.commission().commission(buys[k], price, true);
        }
        return total;
    }
}
