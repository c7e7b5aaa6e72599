package io.tradeshell.engine.alerts;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import java.math.BigDecimal;

/** Words the risk layer's events as alerts, and says which alerts count as repeats of each other. */
final class RiskAlerts {
    private RiskAlerts() { }

    /** A refused order: WARN, e.g. "Order denied: BUY AAPL" / "BUY 100 AAPL MARKET (buyWhen): reason". */
    static Alert denied(RiskDenied d, String source) {
        OrderRequest r = d.request();
        StringBuilder m = new StringBuilder(96 + d.reason().length());
        m.append(r.side()).append(' ').append(number(r.qty())).append(' ').append(r.symbol()).append(' ').append(r.type());
        switch (r.type()) {
            case LIMIT -> m.append(' ').append(number(r.limitPrice()));
            case STOP -> m.append(' ').append(number(r.stopPrice()));
            case STOP_LIMIT -> m.append(' ').append(number(r.stopPrice())).append(" LIMIT ").append(number(r.limitPrice()));
            case MARKET -> { }
        }
        if (r.tag() != null && !r.tag().isEmpty()) m.append(" (").append(r.tag()).append(')');
        m.append(": ").append(d.reason());
        return new Alert(d.time(), AlertLevel.WARN, "Order denied: " + r.side() + " " + r.symbol(), m.toString(), source);
    }

    /**
     * Refusals of the same side of the same symbol for the same reason repeat each other,
     * whatever the quantity: a strategy retrying every bar while halted is one problem.
     */
    static String repeatKey(RiskDenied d) {
        return "denied\n" + d.request().symbol() + "\n" + d.request().side() + "\n" + d.reason();
    }

    /** HALTED is CRITICAL, REDUCING is WARN, ACTIVE is INFO; the reason is the message. */
    static Alert stateChanged(TradingStateChanged s, String source) {
        AlertLevel level;
        String title;
        switch (s.state()) {
            case "HALTED" -> { level = AlertLevel.CRITICAL; title = "Trading halted"; }
            case "REDUCING" -> { level = AlertLevel.WARN; title = "Trading reduced to closing positions only"; }
            case "ACTIVE" -> { level = AlertLevel.INFO; title = "Trading active"; }
            default -> { level = AlertLevel.WARN; title = "Trading state " + s.state(); }
        }
        return new Alert(s.time(), level, title, s.reason(), source);
    }

    static String repeatKey(TradingStateChanged s) {
        return "state\n" + s.state() + "\n" + s.reason();
    }

    /** A quantity or price as written by hand: 100, 0.5, 101.25. */
    static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }
}
