package io.tradeshell.shell.app.trading;

import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.HistorySource;
import io.tradeshell.brokers.Reconciliation;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.alpaca.AlpacaEndpoints;
import io.tradeshell.brokers.alpaca.AlpacaHistory;
import io.tradeshell.brokers.alpaca.AlpacaOrder;
import io.tradeshell.brokers.alpaca.AlpacaPosition;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.oanda.OandaHistory;
import io.tradeshell.brokers.oanda.OandaRest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Connections to real brokers for the commands: credentials, the paper-or-live decision with its
 * typed confirmation, history sources and the start-up reconciliation.
 */
public final class BrokerConnections {
    /** How long a broker may stay out of reach before a session halts. */
    public static final Duration UNREACHABLE_LIMIT = Duration.ofMinutes(2);

    private BrokerConnections() { }

    public static HistorySource history(String broker, Credentials c) {
        return switch (broker) {
            case "alpaca" -> new AlpacaHistory(AlpacaRest.from(c, RestCalls.Pause.REAL, UNREACHABLE_LIMIT));
            case "oanda" -> new OandaHistory(OandaRest.from(c, RestCalls.Pause.REAL, UNREACHABLE_LIMIT));
            default -> throw new IllegalArgumentException("unknown broker '" + broker + "': use alpaca or oanda");
        };
    }

    /**
     * Alpaca for a session: the paper service unless {@code live}; real money needs both the
     * flag and the account's name typed back at the prompt.
     */
    public static AlpacaRest alpaca(Credentials c, boolean live, String account, BufferedReader in, PrintWriter out) {
        AlpacaRest rest = AlpacaRest.from(c, RestCalls.Pause.REAL, UNREACHABLE_LIMIT);
        if (rest.endpoints().live() && !live) {
            throw new IllegalArgumentException("APCA_API_BASE_URL points at Alpaca's live service (" + AlpacaEndpoints.LIVE
                    + "): trading real money needs --live");
        }
        if (live) {
            if (!rest.endpoints().live()) {
                throw new IllegalArgumentException("--live needs APCA_API_BASE_URL=" + AlpacaEndpoints.LIVE + " (it is " + rest.endpoints().trading() + ")");
            }
            confirm(account, in, out);
        }
        return rest;
    }

    /**
     * OANDA for a session: the practice service unless {@code live}; real money needs the flag,
     * OANDA's live host ({@code OANDA_ENV=live} or {@code OANDA_API_URL}) and the account's name typed back.
     */
    public static OandaRest oanda(Credentials c, boolean live, String account, BufferedReader in, PrintWriter out) {
        OandaRest rest = OandaRest.from(c, RestCalls.Pause.REAL, UNREACHABLE_LIMIT);
        if (rest.live() && !live) {
            throw new IllegalArgumentException("OANDA_ENV or OANDA_API_URL points at OANDA's live service (" + OandaRest.LIVE + "): trading real money needs --live");
        }
        if (live) {
            if (!rest.live()) throw new IllegalArgumentException("--live needs OANDA_ENV=live (the session points at " + rest.apiUrl() + ")");
            confirm("OANDA", account, in, out);
        }
        return rest;
    }

    /** OANDA's open positions and pending orders against a journal holding {@code positions} and {@code workingOrders}. */
    public static Reconciliation reconcile(OandaRest rest, Map<String, Double> positions, Set<String> workingOrders) {
        return new Reconciliation(positions, workingOrders, rest.openPositions(), rest.pendingClientIds());
    }

    private static void confirm(String account, BufferedReader in, PrintWriter out) {
        confirm("Alpaca", account, in, out);
    }

    private static void confirm(String broker, String account, BufferedReader in, PrintWriter out) {
        out.print("This session trades REAL MONEY at " + broker + ". Type the account name '" + account + "' to go on: ");
        out.flush();
        String typed;
        try {
            typed = in.readLine();
        } catch (IOException e) {
            typed = null;
        }
        if (typed == null || !typed.trim().equals(account)) throw new IllegalArgumentException("live trading not confirmed; nothing was sent");
    }

    /** Alpaca's positions and open orders against a journal holding {@code positions} and {@code workingOrders}. */
    public static Reconciliation reconcile(AlpacaRest rest, Map<String, Double> positions, Set<String> workingOrders) {
        Map<String, Double> atBroker = rest.positions().stream().collect(Collectors.toMap(AlpacaPosition::symbol, AlpacaPosition::qty));
        // a replacement carries the replaced order's client id with a suffix: it is the same order of the journal's
        Set<String> orders = rest.openOrders().stream().map(o -> o.clientOrderId().replaceFirst("~.*$", "")).collect(Collectors.toSet());
        return new Reconciliation(positions, workingOrders, atBroker, orders);
    }

    /**
     * Before any trading: the broker against the journal, every difference reported, and the
     * user's choice. Differences the journal's own working orders explain (they filled or ended
     * while a resumed session was down) are booked as it catches up; any other goes on only if
     * the user adopts the broker's state, which {@code adoption} then computes.
     *
     * @return what to adopt ({@link Adoption#NONE} when nothing differs), or empty to stop with nothing traded
     */
    public static Optional<Adoption> decide(Reconciliation r, JournalHoldings journal, String broker, boolean adopt,
                                            Function<JournalHoldings, Adoption> adoption, BufferedReader in, PrintWriter out) {
        if (!r.agrees() && r.onlyCatchUp(journal.symbolsWithWorkingOrders())) {
            out.println(r.report(broker));
            out.println("these are the journal's working orders filling or ending while the session was down: they are booked as it catches up");
            return Optional.of(Adoption.NONE);
        }
        if (!adoptOrStop(r, broker, adopt, System.console() != null ? in : null, out)) return Optional.empty();
        return Optional.of(r.agrees() ? Adoption.NONE : adoption.apply(journal));
    }

    /**
     * Reports every difference before trading; goes on only if the user adopts the broker's state
     * ({@code adopt}, or "adopt" typed at a terminal's prompt). Returns whether to go on.
     */
    private static boolean adoptOrStop(Reconciliation r, String broker, boolean adopt, BufferedReader terminal, PrintWriter out) {
        out.println(r.report(broker));
        if (r.agrees() || adopt) return true;
        if (r.journalHoldsWhatTheBrokerDoesNot()) {
            out.println("adopting " + broker + "'s state closes each position the journal holds and " + broker
                    + " does not in the journal, at its entry price (tagged adjusted, with the reason)");
        }
        if (terminal == null) {
            out.println("stopping before any trading: rerun with --adopt to take " + broker + "'s state as it is");
            return false;
        }
        out.print("Type 'adopt' to take " + broker + "'s state and trade on, anything else to stop: ");
        out.flush();
        try {
            String a = terminal.readLine();
            return a != null && a.trim().equals("adopt");
        } catch (IOException e) {
            return false;
        }
    }
}
