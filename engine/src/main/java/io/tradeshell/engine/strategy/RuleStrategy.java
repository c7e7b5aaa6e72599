package io.tradeshell.engine.strategy;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.rules.Rule;
import java.util.Optional;

/**
 * The declarative part of a strategy: entry and exit rules tested at each bar's close, in
 * plain Java, then an optional imperative handler.
 *
 * <p>Entries happen only when flat, with no entry order still working, and never during the
 * warm-up (the largest unstable-bar count of the rules). Exits close the whole position.
 */
public final class RuleStrategy implements Strategy {

    /** The rules of one strategy; absent rules never fire. */
    public record RuleSet(Optional<Rule> buy, Sizing buySizing, Optional<Rule> sell,
                          Optional<Rule> shortEntry, Sizing shortSizing, Optional<Rule> cover) {

        public static RuleSet none() {
            Sizing one = new Sizing.Fixed(1);
            return new RuleSet(Optional.empty(), one, Optional.empty(), Optional.empty(), one, Optional.empty());
        }

        /** The largest unstable-bar count among the rules and the entries' sizings. */
        public int warmup() {
            int w = 0;
            for (Optional<Rule> r : java.util.List.of(buy, sell, shortEntry, cover)) {
                if (r.isPresent()) w = Math.max(w, r.get().unstableBars());
            }
            if (buy.isPresent()) w = Math.max(w, buySizing.unstableBars());
            if (shortEntry.isPresent()) w = Math.max(w, shortSizing.unstableBars());
            return w;
        }

        public boolean isEmpty() {
            return buy.isEmpty() && sell.isEmpty() && shortEntry.isEmpty() && cover.isEmpty();
        }
    }

    /**
     * The rules as {@link #onBar} tests them (null where absent): at a bar, with no order
     * working, a long position tests {@code sell}, a short {@code cover}, and a flat account past
     * the warm-up {@code buy}, then {@code shortEntry}; when none of those holds it does nothing.
     */
    public record Declared(Rule buy, Rule sell, Rule shortEntry, Rule cover) { }

    /** Imperative logic run after the rules at each bar, such as a script's {@code onBar} block. */
    @FunctionalInterface
    public interface BarHandler {
        void onBar(int index);
    }

    private final TradingContext ctx;
    private final Rule buy, sell, shortEntry, cover;
    private final Sizing buySizing, shortSizing;
    private final int warmup;
    private final BarHandler handler;
    private final TickHandler tickHandler;
    private long pendingOrder = -1;

    /** Imperative logic per tick, such as a script's {@code onTick} block. */
    @FunctionalInterface
    public interface TickHandler {
        void onTick(long time, double price, double amount);
    }

    public RuleStrategy(TradingContext ctx, RuleSet rules, int extraWarmup, BarHandler handler, TickHandler tickHandler) {
        this.ctx = ctx;
        this.buy = rules.buy().orElse(null);
        this.sell = rules.sell().orElse(null);
        this.shortEntry = rules.shortEntry().orElse(null);
        this.cover = rules.cover().orElse(null);
        this.buySizing = rules.buySizing();
        this.shortSizing = rules.shortSizing();
        this.warmup = Math.max(rules.warmup(), extraWarmup);
        this.handler = handler;
        this.tickHandler = tickHandler;
    }

    @Override
    public void onBar(int i) {
        if (pendingOrder >= 0 && !ctx.isWorking(pendingOrder)) pendingOrder = -1;
        if (pendingOrder < 0) {
            double pos = ctx.position();
            if (pos > 0) {
                if (sell != null && sell.test(i)) send(Side.SELL, pos, "sellWhen");
            } else if (pos < 0) {
                if (cover != null && cover.test(i)) send(Side.BUY, -pos, "coverWhen");
            } else if (i >= warmup) {
                if (buy != null && buy.test(i)) {
                    send(Side.BUY, buySizing.quantity(ctx.equity(), ctx.bars().close(i), ctx.lotSize()), "buyWhen");
                } else if (shortEntry != null && shortEntry.test(i)) {
                    send(Side.SELL, shortSizing.quantity(ctx.equity(), ctx.bars().close(i), ctx.lotSize()), "shortWhen");
                }
            }
        }
        if (handler != null) handler.onBar(i);
    }

    private void send(Side side, double qty, String tag) {
        if (!(qty > 0)) return;
        OrderSnapshot o = ctx.submit(OrderRequest.market(ctx.symbol(), side, qty, tag));
        if (o.status().isWorking()) pendingOrder = o.id();
        else if (o.status() == OrderStatus.REJECTED) pendingOrder = -1;
    }

    @Override
    public void onTick(long time, double price, double amount) {
        if (tickHandler != null) tickHandler.onTick(time, price, amount);
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    @Override
    public boolean ordersOnlyFromRules() {
        return handler == null && tickHandler == null;
    }

    /** No rule and no handler: its {@link #onBar} does nothing. */
    @Override
    public boolean actsOnBars() {
        return buy != null || sell != null || shortEntry != null || cover != null || handler != null || tickHandler != null;
    }

    @Override
    public Optional<Declared> declaredRules() {
        return ordersOnlyFromRules() ? Optional.of(new Declared(buy, sell, shortEntry, cover)) : Optional.empty();
    }
}
