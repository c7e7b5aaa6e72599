package io.tradeshell.engine.paper;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.journal.JournalEntry;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.paper.AccountStatus.OrderView;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.journal.JournalFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A paper account rebuilt from its journal alone, with no script and no data: the fills
 * replayed onto a fresh {@link Portfolio} (the same arithmetic the session used, so cash,
 * positions and realised P&amp;L come out identical), the orders still working, the trading
 * state, and how far the feed had got. Positions are marked at the last prices the journal
 * recorded. This is what {@code paper status} shows for a session that is not running.
 */
public final class JournalAccount {
    private final List<String> symbols;
    private final Portfolio portfolio;
    private final Map<Long, OrderView> open = new TreeMap<>();
    private int fills;
    private long position;
    private long feedTime = Long.MIN_VALUE;
    private String tradingState = "ACTIVE";
    private String lastSessionEvent = "";
    /** The latest Equity line not yet applied: only the last one before a fill, or at the end, matters. */
    private JournalEntry pendingMarks;

    private JournalAccount(List<String> symbols, double cash) {
        this.symbols = List.copyOf(symbols);
        this.portfolio = new Portfolio(cash, symbols);
    }

    /** The last session milestone in {@code entries}, without rebuilding anything. */
    public static String lastSessionEvent(List<JournalEntry> entries) {
        for (int k = entries.size() - 1; k >= 0; k--) {
            if (entries.get(k).isSession()) return entries.get(k).json().path("event").asText("");
        }
        return "";
    }

    public static JournalAccount rebuild(SessionConfig config, List<JournalEntry> entries) {
        JournalAccount a = new JournalAccount(config.symbols(), config.cash());
        for (JournalEntry e : entries) a.apply(e);
        a.applyMarks();
        return a;
    }

    /** The account rebuilt while reading the journal file, without holding its lines. */
    public record Rebuilt(JournalAccount account, Optional<JournalFile.TornLine> torn, boolean empty) { }

    public static Rebuilt rebuild(SessionConfig config, Path journal) {
        JournalAccount a = new JournalAccount(config.symbols(), config.cash());
        boolean[] any = {false};
        Optional<JournalFile.TornLine> torn = JournalFile.scan(journal, e -> {
            any[0] = true;
            a.apply(e);
        });
        a.applyMarks();
        return new Rebuilt(a, torn, !any[0]);
    }

    private void apply(JournalEntry e) {
        position = Math.max(position, e.position());
        if (e.isSession()) {
            lastSessionEvent = e.json().path("event").asText("");
            feedTime(e.json());
            return;
        }
        if (e.type().equals(JournalEntry.EQUITY)) {
            pendingMarks = e;
            return;
        }
        JsonNode n = e.json();
        feedTime(n);
        switch (e.type()) {
            case "OrderSubmitted", "OrderAccepted", "OrderRejected", "OrderReplaced", "OrderCancelled", "OrderExpired", "OrderFilled", "OrderReduced" -> {
                OrderView o = order(n.path("order"));
                if (OrderStatus.valueOf(o.status()).isWorking()) open.put(o.id(), o);
                else open.remove(o.id());
                if (n.has("fill")) {
                    applyMarks();
                    Fill f = fill(n.get("fill"));
                    portfolio.apply(slot(f.symbol(), e), f, 0, trade -> { });
                    fills++;
                }
            }
            case "TradingStateChanged" -> tradingState = n.path("state").asText(tradingState);
            default -> { }
        }
    }

    private void feedTime(JsonNode n) {
        JsonNode t = n.has("feedTime") ? n.get("feedTime") : n.get("time");
        if (t != null && t.isTextual()) feedTime = Math.max(feedTime, Instant.parse(t.asText()).toEpochMilli());
    }

    /** Marks positions at the last prices of the pending Equity line, and takes its feed time. */
    private void applyMarks() {
        if (pendingMarks == null) return;
        JsonNode n = pendingMarks.json();
        pendingMarks = null;
        feedTime(n);
        JsonNode marks = n.path("marks");
        for (int k = 0; k < marks.size() && k < symbols.size(); k++) {
            if (marks.get(k).isNumber()) portfolio.mark(k, marks.get(k).asDouble());
        }
    }

    private int slot(String symbol, JournalEntry e) {
        int k = symbols.indexOf(symbol);
        if (k < 0) throw new IllegalArgumentException("journal line " + e.line() + " fills " + symbol + ", which the account does not trade");
        return k;
    }

    private static OrderView order(JsonNode o) {
        return new OrderView(o.path("id").asLong(), o.path("symbol").asText(), o.path("side").asText(), o.path("type").asText(),
                o.path("qty").asDouble(), o.path("filledQty").asDouble(), number(o.path("limitPrice")), number(o.path("stopPrice")),
                o.path("tif").asText(), o.path("status").asText(), o.path("tag").isNull() ? null : o.path("tag").asText(),
                o.path("submittedTime").asText());
    }

    private static Fill fill(JsonNode f) {
        return new Fill(f.path("orderId").asLong(), f.path("symbol").asText(), Side.valueOf(f.path("side").asText()),
                f.path("qty").asDouble(), f.path("price").asDouble(), f.path("commission").asDouble(),
                Instant.parse(f.path("time").asText()).toEpochMilli(), f.path("tag").isNull() ? null : f.path("tag").asText());
    }

    private static Double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : null;
    }

    public Portfolio portfolio() { return portfolio; }

    public List<OrderView> openOrders() { return List.copyOf(open.values()); }

    public int fills() { return fills; }

    /** Feed events the session had delivered at its last journal line. */
    public long position() { return position; }

    public String tradingState() { return tradingState; }

    /** The last session milestone: started, resumed, stopped, finished, repaired. */
    public String lastSessionEvent() { return lastSessionEvent; }

    /** The account as a status, in lifecycle {@code state}. */
    public AccountStatus status(SessionConfig config, String state, String updatedAt, String problem) {
        double u = 0;
        var positions = portfolio.openPositions();
        for (var p : positions) if (Double.isFinite(p.unrealizedPnl())) u += p.unrealizedPnl();
        double equity = portfolio.equity();
        return new AccountStatus(config.name(), state, null, config.script(), tradingState, portfolio.initialCash(), portfolio.cash(),
                Json.orNull(equity), portfolio.realizedPnl(), Json.orNull(u), Json.orNull(equity - portfolio.initialCash()),
                positions.stream().map(AccountStatus.PositionView::of).toList(), openOrders(), fills,
                new AccountStatus.FeedView(position, AccountStatus.time(feedTime)), updatedAt, problem);
    }
}
