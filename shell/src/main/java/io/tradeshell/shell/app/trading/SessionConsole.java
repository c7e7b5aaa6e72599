package io.tradeshell.shell.app.trading;

import io.tradeshell.report.text.Amounts;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.trade.ClosedTrade;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a live run or paper session prints as it goes: every risk denial, trading-state change
 * and broker rejection with its reason, and (unless quiet) each fill and closed trade. Lines
 * are written above the status line when there is one.
 */
public final class SessionConsole implements EventListener {
    private final PrintWriter out;
    private final boolean quiet;
    private final StatusLine statusLine;

    public SessionConsole(PrintWriter out, boolean quiet, StatusLine statusLine) {
        this.out = out;
        this.quiet = quiet;
        this.statusLine = statusLine;
    }

    @Override
    public void on(TradingEvent e) {
        String line = describe(e);
        if (line == null) return;
        statusLine.clear();
        out.println(statusLine.times().format(e.time()) + "  " + line);
        out.flush();
    }

    /** The line for an event, or null for events not shown. */
    String describe(TradingEvent e) {
        return switch (e) {
            case TradingEvent.RiskDenied d -> "RISK DENIED  " + order(d.request()) + ": " + d.reason();
            case TradingEvent.TradingStateChanged s -> "TRADING " + s.state() + "  " + s.reason();
            case TradingEvent.OrderRejected r -> "REJECTED  #" + r.order().id() + " " + order(r.order().request()) + ": " + r.reason();
            case TradingEvent.OrderReduced r -> "REDUCED  #" + r.order().id() + " " + order(r.order().request()) + ": " + r.reason();
            case TradingEvent.OrderFilled f when !quiet -> fill(f.fill(), f.order().status().name());
            case TradingEvent.TradeClosed t when !quiet -> trade(t.trade());
            default -> null;
        };
    }

    private static String order(OrderRequest r) {
        String price = switch (r.type()) {
            case MARKET -> "";
            case LIMIT -> " limit " + Amounts.price(r.limitPrice());
            case STOP -> " stop " + Amounts.price(r.stopPrice());
            case STOP_LIMIT -> " stop " + Amounts.price(r.stopPrice()) + " limit " + Amounts.price(r.limitPrice());
        };
        return r.side() + " " + Amounts.quantity(r.qty()) + " " + r.symbol() + " " + r.type() + price + (r.tag() == null ? "" : " (" + r.tag() + ")");
    }

    private static String fill(Fill f, String status) {
        return String.format(Locale.ROOT, "FILL  #%d %s %s %s @ %s  commission %.2f  %s", f.orderId(), f.side(), Amounts.quantity(f.qty()), f.symbol(),
                Amounts.price(f.price()), f.commission(), status);
    }

    private static String trade(ClosedTrade t) {
        return String.format(Locale.ROOT, "TRADE  %s %s %s  %s -> %s  P&L %,.2f", t.side(), Amounts.quantity(t.qty()), t.symbol(), Amounts.price(t.entryPrice()),
                Amounts.price(t.exitPrice()), t.pnl());
    }
}
