package io.tradeshell.engine.tca;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.OrderFilled;
import io.tradeshell.engine.events.TradingEvent.OrderSubmitted;
import io.tradeshell.engine.events.TradingEvent.ParentOrderUpdated;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ExitReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transaction-cost analysis of a run, the same in every mode: it hears the run's events (orders
 * submitted, fills, parent orders) and the market (each bar, or each trade on a trade feed),
 * and at the end works out an {@link OrderCost} for every parent order and every plain market
 * order that filled. The arrival price is the symbol's last price when the order was decided
 * (the decision bar's close, or the last trade); the interval runs from the first market event
 * after the decision to the one where the order ended (its last fill, its cancel, or the end).
 */
public final class CostBook implements EventListener {
    private final Map<String, Integer> slots = new HashMap<>();
    private final MarketTape[] tapes;
    private final Map<Long, Decided> plain = new LinkedHashMap<>();
    private final Map<Long, ParentSeen> parents = new LinkedHashMap<>();
    private final Map<Long, List<FillSeen>> fills = new HashMap<>();

    private record Decided(long time, int index, double arrival, OrderRequest request) { }

    private record FillSeen(Fill fill, int index) { }

    private static final class ParentSeen {
        final long time;
        final int index;
        final double arrival;
        ParentOrderSnapshot last;
        long endTime = Long.MIN_VALUE;
        int endIndex = -1;

        ParentSeen(long time, int index, double arrival, ParentOrderSnapshot first) {
            this.time = time;
            this.index = index;
            this.arrival = arrival;
            this.last = first;
        }
    }

    /** The bars each tape of bars has heard, kept apart from the tapes: a bar is three array writes. */
    private final MarketTape.Heard heard;
    private final boolean[] ofBars;

    public CostBook(List<String> symbols) {
        tapes = new MarketTape[symbols.size()];
        heard = new MarketTape.Heard(symbols.size());
        ofBars = new boolean[symbols.size()];
        for (int k = 0; k < tapes.length; k++) {
            slots.put(symbols.get(k), k); // each tape is made at its first use, when it is known whether it records or reads bars
        }
    }

    /**
     * The symbol in {@code slot} has one market event per bar, each appended to {@code shown}
     * right after {@link #onBar}: its tape then reads the bars' prices from that series instead
     * of keeping its own copy. Called before the slot's first event.
     */
    public void barsFrom(int slot, BarSeries shown) {
        if (tapes[slot] != null && tapes[slot].now() >= 0) throw new IllegalStateException("the tape of slot " + slot + " has events already");
        tapes[slot] = MarketTape.ofBars(shown, heard, slot);
        ofBars[slot] = true;
    }

    /** A bar of the symbol in {@code slot}, before the broker matches it. */
    public void onBar(int slot, double open, double high, double low, double close, double volume) {
        if (ofBars[slot]) heard.bar(slot, open, close);
        else tapeAt(slot).add(open, close, (high + low + close) / 3, volume);
    }

    /** The bars of one moment, {@code slots[from..to)} with their prices at the same indexes, as {@link #onBar} each in turn. */
    public void onBars(int[] slots, int from, int to, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        for (int e = from; e < to; e++) onBar(slots[e], open[e], high[e], low[e], close[e], volume[e]);
    }

    /** A trade of the symbol in {@code slot}, before the broker matches it. */
    public void onTrade(int slot, double price, double amount) {
        tapeAt(slot).add(price, price, price, amount);
    }

    @Override
    public void on(TradingEvent e) {
        switch (e) {
            case OrderSubmitted s when s.order().request().type() == OrderType.MARKET && !ExitReason.isBrokerBooking(s.order().request().tag()) -> {
                MarketTape t = tape(s.order().request().symbol());
                if (t != null) plain.put(s.order().id(), new Decided(s.time(), t.now(), t.last(t.now()), s.order().request()));
            }
            case OrderFilled f -> {
                MarketTape t = tape(f.fill().symbol());
                fills.computeIfAbsent(f.fill().orderId(), k -> new ArrayList<>()).add(new FillSeen(f.fill(), t == null ? -1 : t.now()));
            }
            case ParentOrderUpdated u -> {
                MarketTape t = tape(u.parent().request().symbol());
                if (t == null) return;
                ParentSeen p = parents.computeIfAbsent(u.parent().id(), k -> new ParentSeen(u.time(), t.now(), t.last(t.now()), u.parent()));
                p.last = u.parent();
                if (!u.parent().status().isWorking()) {
                    p.endTime = u.time();
                    p.endIndex = t.now();
                }
            }
            default -> { }
        }
    }

    private MarketTape tape(String symbol) {
        Integer k = slots.get(symbol);
        return k == null ? null : tapeAt(k);
    }

    private MarketTape tapeAt(int slot) {
        MarketTape t = tapes[slot];
        if (t == null) t = tapes[slot] = MarketTape.recording();
        return t;
    }

    /** Every parent order, and every plain market order that filled, in the order they were decided; {@code now} ends what still works. */
    public List<OrderCost> costs(long now) {
        Set<Long> children = new HashSet<>();
        for (ParentSeen p : parents.values()) children.addAll(p.last.childIds());
        List<Entry> entries = new ArrayList<>();
        for (ParentSeen p : parents.values()) entries.add(new Entry(p.time, p.last.id(), parentCost(p, now)));
        for (var e : plain.entrySet()) {
            if (children.contains(e.getKey()) || !fills.containsKey(e.getKey())) continue;
            entries.add(new Entry(e.getValue().time(), Long.MAX_VALUE, plainCost(e.getKey(), e.getValue())));
        }
        entries.sort(Comparator.comparingLong(Entry::time)); // stable: parents before the orders of the same moment
        return entries.stream().map(Entry::cost).toList();
    }

    private record Entry(long time, long order, OrderCost cost) { }

    private OrderCost parentCost(ParentSeen p, long now) {
        ParentOrderSnapshot s = p.last;
        MarketTape t = tape(s.request().symbol());
        boolean ended = p.endIndex >= 0;
        Sums sums = sums(s.childIds());
        int end = ended ? p.endIndex : t.now();
        long endTime = ended ? p.endTime : now;
        return cost(s.id(), s.childIds(), s.request().symbol(), s.request().side(), s.request().algo().describe(), s.request().tag(),
                ended ? s.status().name() : "OPEN", s.request().qty(), sums, p.time, endTime, p.index, Math.max(end, sums.lastIndex), p.arrival, t);
    }

    private OrderCost plainCost(long id, Decided d) {
        MarketTape t = tape(d.request().symbol());
        Sums sums = sums(List.of(id));
        OrderRequest r = d.request();
        return cost(-1, List.of(id), r.symbol(), r.side(), "market", r.tag(), sums.filled >= r.qty() - 1e-9 * r.qty() ? "FILLED" : "PARTIAL",
                r.qty(), sums, d.time(), sums.lastTime, d.index(), sums.lastIndex, d.arrival(), t);
    }

    private OrderCost cost(long parentId, List<Long> ids, String symbol, Side side, String algo, String tag,
                           String status, double qty, Sums sums, long decisionTime, long endTime, int decided, int end, double arrival, MarketTape t) {
        // a fill inside the decision's own event (fills at the close) started trading at the arrival price
        boolean atDecision = sums.firstIndex >= 0 && sums.firstIndex <= decided;
        double start = atDecision ? arrival : t.first(decided + 1);
        double vwap = t.vwap(atDecision ? decided : decided + 1, end);
        double endPrice = end > decided ? t.last(end) : arrival;
        return OrderCost.of(parentId, ids, symbol, side, algo, tag, status, qty, sums.filled, sums.notional, sums.fees,
                decisionTime, endTime, arrival, start, vwap, endPrice);
    }

    private static final class Sums {
        double filled, notional, fees;
        int firstIndex = -1, lastIndex = -1;
        long lastTime = Long.MIN_VALUE;
    }

    private Sums sums(List<Long> orderIds) {
        Sums s = new Sums();
        for (long id : orderIds) {
            for (FillSeen f : fills.getOrDefault(id, List.of())) {
                s.filled += f.fill().qty();
                s.notional += f.fill().qty() * f.fill().price();
                s.fees += f.fill().commission();
                if (s.firstIndex < 0 || f.index() < s.firstIndex) s.firstIndex = f.index();
                s.lastIndex = Math.max(s.lastIndex, f.index());
                s.lastTime = Math.max(s.lastTime, f.fill().time());
            }
        }
        return s;
    }
}
