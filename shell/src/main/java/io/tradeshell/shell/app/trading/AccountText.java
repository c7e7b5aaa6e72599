package io.tradeshell.shell.app.trading;

import io.tradeshell.report.text.Amounts;
import io.tradeshell.engine.paper.AccountStatus;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.time.IsoTime;
import java.util.List;
import java.util.Locale;

/** Paper accounts as the terminal shows them: the account, its orders, its positions, the list. */
public final class AccountText {
    private AccountText() { }

    public static String account(AccountStatus s) {
        StringBuilder b = new StringBuilder();
        b.append("paper account ").append(s.name()).append("  ").append(s.state());
        if (s.pid() != null) b.append(" (pid ").append(s.pid()).append(')');
        if (s.script() != null) b.append("  ").append(s.script());
        b.append('\n');
        if (s.problem() != null) b.append("  PROBLEM   ").append(s.problem()).append('\n');
        b.append("  feed      position ").append(String.format(Locale.ROOT, "%,d", s.feed().position()));
        if (s.feed().time() != null) b.append("  at ").append(IsoTime.readable(IsoTime.parse(s.feed().time())));
        b.append('\n');
        b.append("  trading   ").append(s.tradingState()).append('\n');
        b.append(String.format(Locale.ROOT, "  cash      %,.2f   equity %s   P&L %s (realised %,.2f, unrealised %s)%n",
                s.cash(), money(s.equity()), signed(s.pnl()), s.realizedPnl(), money(s.unrealizedPnl())));
        b.append("  fills     ").append(s.fills()).append('\n');
        if (s.positions().isEmpty()) b.append("  positions none\n");
        for (AccountStatus.PositionView p : s.positions()) b.append("  position  ").append(position(p)).append('\n');
        if (s.openOrders().isEmpty()) b.append("  orders    none\n");
        for (AccountStatus.OrderView o : s.openOrders()) b.append("  order     ").append(order(o)).append('\n');
        return b.toString().stripTrailing();
    }

    public static String orders(List<AccountStatus.OrderView> orders) {
        if (orders.isEmpty()) return "no working orders\n";
        StringBuilder b = new StringBuilder();
        for (AccountStatus.OrderView o : orders) b.append(order(o)).append('\n');
        return b.toString();
    }

    public static String positions(List<AccountStatus.PositionView> positions) {
        if (positions.isEmpty()) return "no open positions\n";
        StringBuilder b = new StringBuilder();
        for (AccountStatus.PositionView p : positions) b.append(position(p)).append('\n');
        return b.toString();
    }

    public static String list(List<AccountStatus> accounts, PaperHome home) {
        if (accounts.isEmpty()) return "no paper accounts in " + home.accounts() + "\n";
        int width = 4;
        for (AccountStatus a : accounts) width = Math.max(width, a.name().length());
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %-8s  %14s  %12s  %6s  %10s  %s%n",
                "NAME", "STATE", "TRADING", "EQUITY", "P&L", "FILLS", "FEED POS", "SCRIPT"));
        for (AccountStatus a : accounts) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %-8s  %14s  %12s  %6d  %,10d  %s%n", a.name(), a.state(),
                    a.tradingState() == null ? "-" : a.tradingState(), money(a.equity()), signed(a.pnl()), a.fills(),
                    a.feed().position(), a.script() == null ? (a.problem() == null ? "" : a.problem()) : a.script()));
        }
        return b.toString();
    }

    static String order(AccountStatus.OrderView o) {
        String price = switch (o.type()) {
            case "LIMIT" -> " limit " + Amounts.price(o.limitPrice());
            case "STOP" -> " stop " + Amounts.price(o.stopPrice());
            case "STOP_LIMIT" -> " stop " + Amounts.price(o.stopPrice()) + " limit " + Amounts.price(o.limitPrice());
            default -> "";
        };
        return "#" + o.id() + " " + o.side() + " " + Amounts.quantity(o.qty()) + " " + o.symbol() + " " + o.type() + price + " " + o.tif()
                + " " + o.status() + (o.filledQty() > 0 ? " filled " + Amounts.quantity(o.filledQty()) : "")
                + (o.tag() == null ? "" : " (" + o.tag() + ")") + " since " + o.submittedTime();
    }

    static String position(AccountStatus.PositionView p) {
        return p.side() + " " + Amounts.quantity(p.qty()) + " " + p.symbol() + " @ " + Amounts.price(p.avgPrice())
                + ", last " + (p.lastPrice() == null ? "-" : Amounts.price(p.lastPrice())) + ", unrealised " + money(p.unrealizedPnl());
    }

    private static String money(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String signed(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%+,.2f", v);
    }
}
