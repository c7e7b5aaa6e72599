package io.tradeshell.engine.diff;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.trade.PositionSide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trades of two runs of one script on the same data (a backtest against a live run or a
 * paper session), compared one by one, each difference labelled with its cause: fill timing,
 * partial fill, latency, rejection, risk denial, warm-up, or the operator's flatten or kill.
 *
 * <p>Trades are paired by the decision that opened them (symbol, side, when the entry order
 * was sent and why), in order, so a trade missing from one run does not shift every later
 * pair. A paired trade that differs is explained by its own entry and exit orders: an order
 * filled in parts, filled later under latency, or filled at another time or price. A missing
 * or extra trade is explained by what happened to its decision in the other run: the broker
 * rejected the order, the risk layer denied it, or it fell in the warm-up. A trade one run's
 * operator closed (its exit order carries the flatten or kill tag the session journals) has
 * that as its cause, before anything else: nothing in the script explains it. A difference its
 * own orders do not explain is a knock-on of an earlier one (the account or the strategy had
 * already moved apart) and carries that difference's cause. A difference with no earlier one
 * and no cause the comparison can name is reported as unexplained: something outside the
 * orders set the runs apart (such as state kept from another run), and nothing is blamed.
 */
public final class TradeDiff {
    /** Why two runs' trades differ. */
    public enum Cause {
        FILL_TIMING("fill timing"), PARTIAL_FILL("partial fill"), LATENCY("latency"), REJECTION("rejection"),
        RISK_DENIAL("risk denial"), WARM_UP("warm-up"), OPERATOR_FLATTEN("operator flatten"), OPERATOR_KILL("operator kill"),
        /** Nothing the comparison can name explains it, and no earlier difference came before it. */
        UNEXPLAINED("unexplained");

        private final String label;

        Cause(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** One run as the comparison needs it: its result and every event it emitted. */
    public record Run(String name, RunResult result, List<TradingEvent> events) { }

    /**
     * @param reference the trade as the reference run made it, if it made it
     * @param other     the trade as the other run made it, if it made it
     * @param knockOn   true when the trade differs only because an earlier difference moved the runs apart
     */
    public record Difference(int number, Optional<ClosedTrade> reference, Optional<ClosedTrade> other, Cause cause,
                             boolean knockOn, String detail) {
        /** The cause as shown to people: "latency", or "latency (knock-on)". */
        public String label() {
            return cause.label() + (knockOn ? " (knock-on)" : "");
        }
    }

    private TradeDiff() { }

    /** Every trade of {@code other} that differs from {@code reference}'s, in order; empty when they agree. */
    public static List<Difference> compare(Run reference, Run other) {
        Book a = new Book(reference), b = new Book(other);
        List<ClosedTrade> ta = reference.result().trades(), tb = other.result().trades();
        List<Key> ka = ta.stream().map(a::key).toList(), kb = tb.stream().map(b::key).toList();
        int[][] lcs = lcs(ka, kb);
        List<Difference> out = new ArrayList<>();
        Cause last = null;
        int i = 0, j = 0;
        while (i < ta.size() || j < tb.size()) {
            Explanation e;
            ClosedTrade x = i < ta.size() ? ta.get(i) : null, y = j < tb.size() ? tb.get(j) : null;
            if (x != null && y != null && ka.get(i).equals(kb.get(j))) {
                i++;
                j++;
                if (x.equals(y)) continue;
                e = closedByOperator(a, x);
                if (e == null) e = closedByOperator(b, y);
                if (e == null) e = explainPair(a, b, x, y);
            } else if (y == null || (x != null && lcs[i + 1][j] >= lcs[i][j + 1])) {
                i++;
                e = closedByOperator(a, x);
                if (e == null) e = explainMissing(a, b, x, true);
                y = null;
            } else {
                j++;
                e = closedByOperator(b, y);
                if (e == null) e = explainMissing(b, a, y, false);
                x = null;
            }
            boolean knockOn = e == null;
            if (knockOn) e = rootCause(b, last, x != null ? a.decisionTime(x) : b.decisionTime(y));
            if (e == null) {
                knockOn = false;
                e = new Explanation(Cause.UNEXPLAINED, "no earlier difference and no rejection, partial fill, risk denial, latency or"
                        + " warm-up before it: the runs were set apart by something outside their orders");
            }
            out.add(new Difference(out.size() + 1, Optional.ofNullable(x), Optional.ofNullable(y), e.cause, knockOn, e.detail));
            if (!knockOn) last = e.cause;
        }
        return out;
    }

    private record Explanation(Cause cause, String detail) { }

    private record Key(String symbol, PositionSide side, long decided, String tag) { }

    /** A paired trade that differs: its entry, then its exit, says why (both, when both differ). */
    private static Explanation explainPair(Book a, Book b, ClosedTrade x, ClosedTrade y) {
        Order ea = a.entryOrder(x), eb = b.entryOrder(y);
        Explanation entry = explainOrders("entry", b, ea, eb);
        // Entries sized from the account (percent of equity, risk per trade) differ in size when the
        // accounts already differed at the decision: unless the entry itself filled differently,
        // the trade follows from an earlier difference.
        if (entry == null && ea != null && eb != null && ea.request.qty() != eb.request.qty()) return null;
        Explanation exit = null;
        Order ax = a.exitOrder(x), bx = b.exitOrder(y);
        if (ax != null && bx != null && ax.submitted == bx.submitted) exit = explainOrders("exit", b, ax, bx);
        else if (ax != null) exit = refusedIn(b, ax, "the exit");
        if (entry == null) return exit;
        return exit == null ? entry : new Explanation(entry.cause, entry.detail + "; " + exit.detail);
    }

    /** The operator's flatten or kill, when that is what closed {@code t} in {@code book}'s run. */
    private static Explanation closedByOperator(Book book, ClosedTrade t) {
        Order exit = book.exitOrder(t);
        if (exit == null || exit.request.tag() == null) return null;
        Cause cause = switch (exit.request.tag()) {
            case ExitReason.OPERATOR_FLATTEN_TAG -> Cause.OPERATOR_FLATTEN;
            case ExitReason.OPERATOR_KILL_TAG -> Cause.OPERATOR_KILL;
            default -> null;
        };
        if (cause == null) return null;
        return new Explanation(cause, "closed in " + book.name + " by the operator's " + (cause == Cause.OPERATOR_KILL ? "kill switch" : "flatten")
                + ", sent at " + time(exit.submitted) + " and filled at " + time(t.exitTime().toEpochMilli()) + " @ " + number(t.exitPrice()));
    }

    private static Explanation explainOrders(String what, Book b, Order oa, Order ob) {
        if (oa == null || ob == null || oa.fills.isEmpty() || ob.fills.isEmpty()) return null;
        boolean sameSize = oa.request.qty() == ob.request.qty();
        // one fill each of different sizes is not a partial fill: the buying power cut one of them,
        // because the accounts already differed, which makes it a knock-on of an earlier difference
        if (sameSize && ob.fills.size() == 1 && oa.fills.size() == 1 && oa.filledQty() != ob.filledQty()) return null;
        if (sameSize && (ob.fills.size() != oa.fills.size() || oa.filledQty() != ob.filledQty())) {
            return new Explanation(Cause.PARTIAL_FILL, what + " filled in " + ob.fills.size() + " part(s) (" + quantities(ob)
                    + ") instead of " + oa.fills.size() + " (" + quantities(oa) + ")");
        }
        Fill fa = oa.fills.get(0), fb = ob.fills.get(0);
        if (fb.time() > fa.time() && b.latency > 0) {
            return new Explanation(Cause.LATENCY, what + " filled at " + time(fb.time()) + " @ " + number(fb.price()) + ", not " + time(fa.time())
                    + " @ " + number(fa.price()) + ": orders become active " + b.latency + " ms after they are sent");
        }
        if (fb.time() != fa.time() || fb.price() != fa.price()) {
            return new Explanation(Cause.FILL_TIMING, what + " filled at " + time(fb.time()) + " @ " + number(fb.price()) + ", not "
                    + time(fa.time()) + " @ " + number(fa.price()));
        }
        return null;
    }

    /**
     * A trade one run made and the other did not: what became of its decision in the other run.
     *
     * @param hasIsReference whether {@code has} is the reference run
     */
    private static Explanation explainMissing(Book has, Book lacks, ClosedTrade t, boolean hasIsReference) {
        Order exit = has.exitOrder(t);
        if (exit != null && exit.fills.size() > 1) {
            return new Explanation(Cause.PARTIAL_FILL, "one part of a position closed in " + exit.fills.size() + " fills (" + quantities(exit)
                    + ") in " + has.name);
        }
        Order entry = has.entryOrder(t);
        if (entry == null) return null;
        Explanation refused = refusedIn(lacks, entry, "the entry");
        if (refused != null) return refused;
        Order same = lacks.sameDecision(entry);
        if (same != null && same.fills.isEmpty()) {
            Cause c = lacks.latency > 0 ? Cause.LATENCY : Cause.FILL_TIMING;
            return new Explanation(c, "the entry order in " + lacks.name + " never filled (" + same.status + ")"
                    + (c == Cause.LATENCY ? " with orders active " + lacks.latency + " ms after they are sent" : ""));
        }
        if (same != null) {
            Explanation e = hasIsReference ? explainOrders("entry", lacks, entry, same) : explainOrders("entry", has, same, entry);
            if (e != null) return e;
            if (exit != null) {
                Explanation exitRefused = refusedIn(lacks, exit, "the exit");
                if (exitRefused != null) return exitRefused;
            }
        }
        long warm = lacks.warmupEnd(t.symbol());
        if (entry.submitted < warm) {
            return new Explanation(Cause.WARM_UP, "decided at " + time(entry.submitted) + ", inside the warm-up in " + lacks.name
                    + " (entries from " + time(warm) + ")");
        }
        return null;
    }

    /** Whether the broker rejected, or the risk layer denied, the same decision in {@code book}. */
    private static Explanation refusedIn(Book book, Order decision, String what) {
        Order same = book.sameDecision(decision);
        if (same != null && same.status == OrderStatus.REJECTED) {
            return new Explanation(Cause.REJECTION, what + " was rejected in " + book.name + ": " + same.reason);
        }
        for (TradingEvent.RiskDenied d : book.denials) {
            OrderRequest r = d.request();
            if (d.time() == decision.submitted && r.symbol().equals(decision.request.symbol()) && r.side() == decision.request.side()
                    && Objects.equals(r.tag(), decision.request.tag())) {
                return new Explanation(Cause.RISK_DENIAL, what + " was denied in " + book.name + ": " + d.reason());
            }
        }
        return null;
    }

    /**
     * For a knock-on: the cause of the last difference, or else the first thing before it that
     * sets the runs apart; null when there is neither.
     */
    private static Explanation rootCause(Book b, Cause last, long before) {
        if (last != null) return new Explanation(last, "follows from an earlier difference");
        for (Order o : b.orders) {
            if (o.submitted > before) break;
            if (o.status == OrderStatus.REJECTED) return new Explanation(Cause.REJECTION, "follows from a rejected order #" + o.id + ": " + o.reason);
            if (o.fills.size() > 1) return new Explanation(Cause.PARTIAL_FILL, "follows from order #" + o.id + " filled in parts");
        }
        for (TradingEvent.RiskDenied d : b.denials) {
            if (d.time() <= before) return new Explanation(Cause.RISK_DENIAL, "follows from a risk denial: " + d.reason());
        }
        if (b.latency > 0) return new Explanation(Cause.LATENCY, "follows from fills delayed by latency");
        return null;
    }

    private static String quantities(Order o) {
        StringBuilder s = new StringBuilder();
        for (Fill f : o.fills) {
            if (!s.isEmpty()) s.append(", ");
            s.append(number(f.qty()));
        }
        return s.toString();
    }

    /** A quantity or price as people read it: at most six decimals, no trailing zeros. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String time(long millis) {
        return new IsoTime().toString(millis);
    }

    private static int[][] lcs(List<Key> a, List<Key> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t;
    }

    /** An order as a run's events tell its story. */
    private static final class Order {
        final long id;
        final OrderRequest request;
        final long submitted;
        OrderStatus status = OrderStatus.NEW;
        String reason;
        final List<Fill> fills = new ArrayList<>(1);

        Order(long id, OrderRequest request, long submitted) {
            this.id = id;
            this.request = request;
            this.submitted = submitted;
        }

        double filledQty() {
            double q = 0;
            for (Fill f : fills) q += f.qty();
            return q;
        }
    }

    /** One run's orders, fills and risk denials, indexed for the comparison. */
    private static final class Book {
        final String name;
        final List<Order> orders = new ArrayList<>();
        final Map<Long, Order> byId = new HashMap<>();
        final List<TradingEvent.RiskDenied> denials = new ArrayList<>();
        final long latency;
        final RunResult result;

        Book(Run run) {
            this.name = run.name();
            this.result = run.result();
            this.latency = run.result().spec().execution().latencyMillis();
            for (TradingEvent e : run.events()) {
                switch (e) {
                    case TradingEvent.OrderSubmitted s -> {
                        Order o = new Order(s.order().id(), s.order().request(), s.order().submittedTime());
                        orders.add(o);
                        byId.put(o.id, o);
                    }
                    case TradingEvent.OrderRejected r -> update(r.order().id(), OrderStatus.REJECTED, r.reason());
                    case TradingEvent.OrderCancelled c -> update(c.order().id(), OrderStatus.CANCELLED, c.reason());
                    case TradingEvent.OrderExpired x -> update(x.order().id(), OrderStatus.EXPIRED, null);
                    case TradingEvent.OrderFilled f -> {
                        Order o = byId.get(f.order().id());
                        if (o != null) {
                            o.fills.add(f.fill());
                            o.status = f.order().status();
                        }
                    }
                    case TradingEvent.RiskDenied d -> denials.add(d);
                    default -> { }
                }
            }
        }

        private void update(long id, OrderStatus status, String reason) {
            Order o = byId.get(id);
            if (o != null) {
                o.status = status;
                o.reason = reason;
            }
        }

        /** The order whose fill opened the trade. */
        Order entryOrder(ClosedTrade t) {
            Side side = t.side() == PositionSide.LONG ? Side.BUY : Side.SELL;
            return withFill(t.symbol(), side, t.entryTime().toEpochMilli(), Double.NaN);
        }

        /** The order whose fill closed the trade. */
        Order exitOrder(ClosedTrade t) {
            Side side = t.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
            return withFill(t.symbol(), side, t.exitTime().toEpochMilli(), t.exitPrice());
        }

        private Order withFill(String symbol, Side side, long time, double price) {
            for (Order o : orders) {
                for (Fill f : o.fills) {
                    if (f.time() == time && f.side() == side && f.symbol().equals(symbol) && (Double.isNaN(price) || f.price() == price)) return o;
                }
            }
            return null;
        }

        long decisionTime(ClosedTrade t) {
            Order o = entryOrder(t);
            return o == null ? t.entryTime().toEpochMilli() : o.submitted;
        }

        Key key(ClosedTrade t) {
            Order o = entryOrder(t);
            return new Key(t.symbol(), t.side(), o == null ? t.entryTime().toEpochMilli() : o.submitted, o == null ? null : o.request.tag());
        }

        /** This run's order for the same decision as {@code o} of the other run: same time, symbol, side and reason. */
        Order sameDecision(Order o) {
            for (Order x : orders) {
                if (x.submitted == o.submitted && x.request.symbol().equals(o.request.symbol()) && x.request.side() == o.request.side()
                        && Objects.equals(x.request.tag(), o.request.tag())) return x;
            }
            return null;
        }

        /** When entries may start for {@code symbol}: the close of its first bar past the warm-up. */
        long warmupEnd(String symbol) {
            for (DataInput d : result.spec().traded()) {
                if (!d.symbol().equals(symbol)) continue;
                BarSeries bars = d.bars();
                int w = result.warmupBars();
                return w <= 0 || bars.isEmpty() ? Long.MIN_VALUE : bars.closeTime(Math.min(w, bars.size() - 1));
            }
            return Long.MIN_VALUE;
        }
    }
}
