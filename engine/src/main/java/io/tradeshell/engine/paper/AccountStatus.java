package io.tradeshell.engine.paper;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.run.LiveStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A paper account as operators see it ({@code status.json}, {@code paper status --json}):
 * the money, the positions, the open orders, the fills so far and how far the feed has got.
 * Values that do not exist yet (a price before the first trade) are null.
 *
 * @param state        running, stopped, finished or crashed
 * @param pid          the process running the session, when running
 * @param tradingState ACTIVE, REDUCING (paused or after a daily stop) or HALTED
 * @param problem      what is wrong with the account's journal, if anything
 */
public record AccountStatus(String name, String state, Long pid, String script, String tradingState,
                            double initialCash, double cash, Double equity, double realizedPnl, Double unrealizedPnl,
                            Double pnl, List<PositionView> positions, List<OrderView> openOrders, int fills,
                            FeedView feed, String updatedAt, String problem) {

    /** How far the feed has got: events delivered and the feed time reached. */
    public record FeedView(long position, String time) { }

    /** An open position. */
    public record PositionView(String symbol, String side, double qty, double avgPrice, Double lastPrice, Double unrealizedPnl) {
        static PositionView of(OpenPosition p) {
            return new PositionView(p.symbol(), p.side().name(), p.qty(), p.entryPrice(), Json.orNull(p.lastPrice()), Json.orNull(p.unrealizedPnl()));
        }
    }

    /** A working order. */
    public record OrderView(long id, String symbol, String side, String type, double qty, double filledQty,
                            Double limitPrice, Double stopPrice, String tif, String status, String tag, String submittedTime) {
        static OrderView of(OrderSnapshot o) {
            OrderRequest r = o.request();
            return new OrderView(o.id(), r.symbol(), r.side().name(), r.type().name(), r.qty(), o.filledQty(),
                    Json.orNull(r.limitPrice()), Json.orNull(r.stopPrice()), r.tif().name(), o.status().name(), r.tag(),
                    new IsoTime().toString(o.submittedTime()));
        }
    }

    public AccountStatus {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    /** The status of a running session. */
    public static AccountStatus running(SessionConfig config, Long pid, LiveStatus s, String updatedAt) {
        double u = s.unrealizedPnl();
        return new AccountStatus(config.name(), "running", pid, config.script(), s.tradingState().name(), s.initialCash(), s.cash(),
                Json.orNull(s.equity()), s.realizedPnl(), Json.orNull(u), Json.orNull(s.pnl()),
                s.positions().stream().map(PositionView::of).toList(), s.openOrders().stream().map(OrderView::of).toList(),
                s.fills(), new FeedView(s.feedPosition(), time(s.feedTime())), updatedAt, null);
    }

    /** The same account in another lifecycle state, or with a problem noted. */
    public AccountStatus with(String newState, Long newPid, String newProblem) {
        return new AccountStatus(name, newState, newPid, script, tradingState, initialCash, cash, equity, realizedPnl, unrealizedPnl,
                pnl, positions, openOrders, fills, feed, updatedAt, newProblem);
    }

    static String time(long millis) {
        return millis == Long.MIN_VALUE ? null : new IsoTime().toString(millis);
    }

    public void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(this));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static AccountStatus read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), AccountStatus.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
