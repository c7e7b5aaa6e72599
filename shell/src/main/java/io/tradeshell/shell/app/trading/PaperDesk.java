package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.journal.JournalException;
import io.tradeshell.engine.paper.AlgoOrder;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.PaperHome;
import java.util.function.Supplier;

/**
 * The operator's desk over paper accounts, for every front end: what an account shows and the
 * controls sent to its session, which may run in any process. Each method fails with an
 * {@code IllegalArgumentException} carrying the refusal (no such account, a torn journal, a
 * session not running) so that a front end reports it as bad input.
 */
public final class PaperDesk {
    /** A control an operator sends to a running session. */
    public enum Control { CANCEL, FLATTEN, KILL, PAUSE, RESUME, STOP, CANCEL_ALGO }

    private final PaperSessions sessions;

    public PaperDesk(RunService service, PaperHome home) {
        this.sessions = new PaperSessions(service, home);
    }

    /** The account's state, cash, equity, P&L, positions, orders and feed position, as text or JSON. */
    public String status(String name, boolean json) {
        var s = refusals(() -> sessions.status(name));
        return json ? s.toJson() : AccountText.account(s);
    }

    public String orders(String name) {
        return AccountText.orders(refusals(() -> sessions.orders(name)));
    }

    public String positions(String name) {
        return AccountText.positions(refusals(() -> sessions.positions(name)));
    }

    /** The account's parent orders still working, or with {@code all} those done too. */
    public String algos(String name, boolean all) {
        return AlgoOrders.describe(AlgoOrders.of(refusals(() -> sessions.home().existing(name)), all), all);
    }

    /** Every account with its state, equity and P&L. */
    public String list() {
        return AccountText.list(sessions.list(), sessions.home());
    }

    /** Starts a parent order worked by an execution algo in the account's running session. */
    public PaperAccounts.Sent algo(String name, AlgoOrder algo) {
        return refusals(() -> sessions.startAlgo(name, algo));
    }

    /** Sends one control; {@code orderId} is read by {@link Control#CANCEL} (an order) and {@link Control#CANCEL_ALGO} (a parent order) only. */
    public PaperAccounts.Sent send(Control control, String name, long orderId) {
        return refusals(() -> switch (control) {
            case CANCEL -> sessions.cancel(name, orderId);
            case FLATTEN -> sessions.flatten(name);
            case KILL -> sessions.kill(name);
            case PAUSE -> sessions.pause(name);
            case RESUME -> sessions.resumeTrading(name);
            case STOP -> sessions.stop(name);
            case CANCEL_ALGO -> sessions.cancelAlgo(name, orderId);
        });
    }

    /** Turns the refusals of the paper layer into bad input with their message. */
    public static <T> T refusals(Supplier<T> action) {
        try {
            return action.get();
        } catch (JournalException | IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
