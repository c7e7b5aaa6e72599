package io.tradeshell.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.trade.PositionSide;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.diff.TradeDiff;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A paper session as {@code parity} compares it, read back from its journal: the orders,
 * fills, risk denials and closed trades it has made so far, with the session's own fill
 * settings (its latency explains late fills). Everything else is taken from the backtest it
 * is compared with (same script, same data). The journal is read as it grows: each reading
 * starts where the last stopped, so a line is parsed once however often the pane is asked for,
 * and the equity lines (one a bar, most of the journal) are not parsed at all, only the last
 * one's time.
 */
final class JournalRun {
    /** The session so far, and the feed time it has reached. */
    record SoFar(TradeDiff.Run run, long until) { }

    private static final Set<String> READ = Set.of("OrderSubmitted", "OrderRejected", "OrderCancelled", "OrderExpired", "OrderFilled",
            "RiskDenied", "TradeClosed");
    private static final String TYPE = "{\"type\":\"", EQUITY = TYPE + "Equity\"", TIME = "\"time\":\"";

    private final Path account;
    private final List<TradingEvent> events = new ArrayList<>();
    private final List<ClosedTrade> trades = new ArrayList<>();
    private long offset, until = Long.MIN_VALUE;

    JournalRun(Path account) {
        this.account = account;
    }

    /** Reads what the journal gained since the last call; the session as it now stands. */
    synchronized SoFar read(RunResult backtest) throws IOException {
        String[] lastEquity = {null};
        offset = JournalTail.read(account.resolve("journal.jsonl"), offset, (line, end) -> {
            if (line.startsWith(EQUITY)) {
                lastEquity[0] = line;
                return;
            }
            if (!line.startsWith(TYPE) || !READ.contains(line.substring(TYPE.length(), Math.max(TYPE.length(), line.indexOf('"', TYPE.length()))))) {
                return; // sessions' milestones, commands, acceptances: not what parity compares
            }
            JsonNode j;
            try {
                j = Json.MAPPER.readTree(line);
            } catch (IOException torn) {
                return; // a line a crash cut off (the session's resume repairs it)
            }
            TradingEvent e = event(j.path("type").asText(), j);
            if (e != null) events.add(e);
            if (e instanceof TradingEvent.TradeClosed t) trades.add(t.trade());
        });
        if (lastEquity[0] != null) until = Math.max(until, equityTime(lastEquity[0]));
        SessionConfig config = SessionConfig.read(account.resolve("session.json"));
        RunResult b = backtest;
        RunResult paper = new RunResult(config.name(), "paper", b.spec().withExecution(config.execution()), b.curve(), b.benchmark(),
                List.copyOf(trades), List.of(), 0, List.of(), b.warmupBars(), b.bars(), b.metrics(), b.assumptions(), b.startedAt(), b.finishedAt(),
                false, RunResult.AccountChecks.NONE);
        return new SoFar(new TradeDiff.Run("paper", paper, List.copyOf(events)), until);
    }

    /** The bar time of an Equity line, read without parsing the rest of it. */
    private static long equityTime(String line) {
        int at = line.indexOf(TIME);
        if (at < 0) return Long.MIN_VALUE;
        int from = at + TIME.length(), to = line.indexOf('"', from);
        try {
            return to < 0 ? Long.MIN_VALUE : Instant.parse(line.substring(from, to)).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static TradingEvent event(String type, JsonNode j) {
        long time = millis(j.path("time"));
        return switch (type) {
            case "OrderSubmitted" -> new TradingEvent.OrderSubmitted(time, order(j.path("order")));
            case "OrderRejected" -> new TradingEvent.OrderRejected(time, order(j.path("order")), j.path("order").path("reason").asText(""));
            case "OrderCancelled" -> new TradingEvent.OrderCancelled(time, order(j.path("order")), j.path("order").path("reason").asText(""));
            case "OrderExpired" -> new TradingEvent.OrderExpired(time, order(j.path("order")));
            case "OrderFilled" -> new TradingEvent.OrderFilled(time, order(j.path("order")), fill(j.path("fill")));
            case "RiskDenied" -> new TradingEvent.RiskDenied(time, new OrderRequest(j.path("symbol").asText(),
                    Side.valueOf(j.path("side").asText()), j.path("qty").asDouble(), OrderType.valueOf(j.path("orderType").asText()),
                    Double.NaN, Double.NaN, TimeInForce.GTC, text(j.path("tag")), 0), j.path("reason").asText(""));
            case "TradeClosed" -> new TradingEvent.TradeClosed(time, trade(j.path("trade")));
            default -> null;
        };
    }

    private static OrderSnapshot order(JsonNode o) {
        OrderRequest r = new OrderRequest(o.path("symbol").asText(), Side.valueOf(o.path("side").asText()), o.path("qty").asDouble(),
                OrderType.valueOf(o.path("type").asText()), number(o.path("limitPrice")), number(o.path("stopPrice")),
                TimeInForce.valueOf(o.path("tif").asText("GTC")), text(o.path("tag")), o.path("ocoGroup").asLong(0));
        return new OrderSnapshot(o.path("id").asLong(), r, millis(o.path("submittedTime")), OrderStatus.valueOf(o.path("status").asText()),
                o.path("filledQty").asDouble(), number(o.path("avgFillPrice")));
    }

    private static Fill fill(JsonNode f) {
        return new Fill(f.path("orderId").asLong(), f.path("symbol").asText(), Side.valueOf(f.path("side").asText()), f.path("qty").asDouble(),
                f.path("price").asDouble(), f.path("commission").asDouble(), millis(f.path("time")), text(f.path("tag")));
    }

    private static ClosedTrade trade(JsonNode t) {
        return new ClosedTrade(t.path("symbol").asText(), PositionSide.valueOf(t.path("side").asText()), t.path("qty").asDouble(),
                Instant.parse(t.path("entryTime").asText()), t.path("entryPrice").asDouble(), Instant.parse(t.path("exitTime").asText()),
                t.path("exitPrice").asDouble(), t.path("pnl").asDouble(), t.path("commission").asDouble(), t.path("barsHeld").asInt(),
                ExitReason.ofWord(t.path("exitReason").asText("")).orElse(ExitReason.SIGNAL));
    }

    private static long millis(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()).toEpochMilli() : Long.MIN_VALUE;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
