package io.tradeshell.engine.run;

import io.tradeshell.engine.allocation.AllocationRules;
import io.tradeshell.engine.allocation.Allocator;
import io.tradeshell.engine.allocation.Holdings;
import io.tradeshell.engine.allocation.RebalancePolicy;
import io.tradeshell.engine.allocation.Targets;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.strategy.PortfolioContext;
import io.tradeshell.engine.strategy.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@link PortfolioContext} of a run: the universe's bars and the shared account, and
 * rebalances that reach the broker as ordinary orders through each symbol's trader, so the
 * risk layer, the protective exits and the journal see them like any other order.
 */
final class UniverseTrader implements PortfolioContext {
    private final List<String> symbols;
    private final Map<String, Integer> slots = new HashMap<>();
    private final BarSeries[] bars;
    private final SymbolTrader[] traders;
    private final Strategy[] strategies;
    private final Portfolio portfolio;
    private final Broker broker;
    private final ExecutionSettings execution;
    private final double lotSize;
    private final LongSupplier clock;

    UniverseTrader(List<String> symbols, BarSeries[] bars, SymbolTrader[] traders, Strategy[] strategies, Portfolio portfolio, Broker broker,
                   ExecutionSettings execution, double lotSize, LongSupplier clock) {
        this.strategies = strategies;
        this.symbols = List.copyOf(symbols);
        for (int k = 0; k < symbols.size(); k++) slots.put(symbols.get(k), k);
        this.bars = bars;
        this.traders = traders;
        this.portfolio = portfolio;
        this.broker = broker;
        this.execution = execution;
        this.lotSize = lotSize;
        this.clock = clock;
    }

    @Override public List<String> symbols() { return symbols; }
    @Override public BarSeries bars(String symbol) { return bars[slot(symbol)]; }
    @Override public long now() { return clock.getAsLong(); }
    @Override public double cash() { return portfolio.cash(); }
    @Override public double equity() { return portfolio.equity(); }
    @Override public double position(String symbol) { return portfolio.position(slot(symbol)); }
    @Override public double lastPrice(String symbol) { return portfolio.lastPrice(slot(symbol)); }
    @Override public Strategy strategyOf(String symbol) { return strategies[slot(symbol)]; }

    @Override
    public List<OrderSnapshot> rebalance(Targets targets, RebalancePolicy policy) {
        for (String s : targets.named().keySet()) slot(s);
        for (OrderSnapshot o : broker.openOrders()) {
            if (Allocator.TAG.equals(o.request().tag())) broker.cancel(o.id(), "replaced by a new rebalance");
        }
        int n = symbols.size();
        double[] positions = new double[n], prices = new double[n];
        for (int k = 0; k < n; k++) {
            positions[k] = portfolio.position(k);
            prices[k] = portfolio.lastPrice(k);
        }
        Holdings holdings = new Holdings(portfolio.cash(), portfolio.equity(), symbols, positions, prices);
        Allocator allocator = new Allocator(new AllocationRules(lotSize, execution.commission(), execution.slippage(), policy));
        List<OrderSnapshot> placed = new ArrayList<>();
        for (OrderRequest r : allocator.orders(targets, holdings)) placed.add(traders[slot(r.symbol())].submit(r));
        return placed;
    }

    private int slot(String symbol) {
        Integer k = slots.get(symbol);
        if (k == null) throw new IllegalArgumentException("unknown symbol '" + symbol + "' (this run has " + String.join(", ", symbols) + ")");
        return k;
    }
}
