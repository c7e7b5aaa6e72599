package io.tradeshell.shell.cli;

import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.Reconciliation;
import io.tradeshell.brokers.alpaca.AlpacaBroker;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.alpaca.ClientOrderIds;
import io.tradeshell.brokers.alpaca.TradeUpdateStream;
import io.tradeshell.brokers.oanda.OandaBroker;
import io.tradeshell.brokers.oanda.OandaRest;
import io.tradeshell.brokers.oanda.OandaStream;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.JournalAccount;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.BrokerAccount;
import io.tradeshell.shell.app.trading.BrokerConnections;
import io.tradeshell.shell.app.trading.LiveFeed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --broker alpaca|oanda} and its companions: a paper session whose orders go to a real broker. */
final class BrokerOptions {
    @Option(names = "--broker", paramLabel = "NAME", description = "Send the orders to this broker (alpaca or oanda; paper or practice account unless --live) instead of the simulated one.")
    String broker;

    @Mixin
    FeedOptions prices;

    @Mixin
    Access access;

    /** The live feed that {@code --feed} asks for, connected with this session's credentials. */
    LiveFeed openFeed(Optional<Duration> bar, PrintWriter out) {
        return prices.open(access.credentials(), bar, out);
    }

    /** What starting or resuming a broker-backed session needs: keys, the live switch, adopting the broker's state. */
    static final class Access {
        @Option(names = "--live", description = "Trade real money at the broker's live service (asks you to type the account name).")
        boolean live;

        @Option(names = "--credentials", paramLabel = "FILE", description = "A private file of NAME=value lines with the broker's keys (the environment wins).")
        Path credentials;

        @Option(names = "--adopt", description = "If the broker's positions or open orders differ from the journal, take the broker's state and trade on.")
        boolean adopt;

        Credentials credentials() {
            return Credentials.from(System.getenv(), Optional.ofNullable(credentials));
        }

        /** Refuses, before anything connects, an account this version cannot resume, saying why. */
        void refuseUnresumable(String name, BrokerAccount account) {
            if ("oanda".equals(account.broker())) {
                throw new IllegalArgumentException("paper account '" + name + "' trades at OANDA, and an OANDA account cannot be resumed yet"
                        + " (" + OANDA_NOT_RESUMABLE + "); 'paper status " + name + "' shows it as it was left");
            }
            if (!"alpaca".equals(account.broker())) throw new IllegalArgumentException("paper account '" + name + "' trades at '" + account.broker() + "', which cannot be resumed");
            if (account.live() && !live) {
                throw new IllegalArgumentException("paper account '" + name + "' trades real money at Alpaca: resume it with --live");
            }
        }

        /**
         * Resumes a broker-backed account: reconciles the broker with the journal, then runs the
         * session, which answers from its journal while it is re-run and talks to the broker after.
         */
        int resume(String name, AccountFiles files, BrokerAccount account, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
            refuseUnresumable(name, account);
            BufferedReader in = stdin();
            AlpacaRest rest = BrokerConnections.alpaca(credentials(), account.live(), name, in, out);
            ClientOrderIds ids = new ClientOrderIds(name);
            JournalHoldings journal = JournalHoldings.of(JournalAccount.rebuild(SessionConfig.read(files.session()), files.journal()).account(), ids::of);
            Reconciliation r = BrokerConnections.reconcile(rest, journal.positions(), journal.workingOrders());
            Adoption adoption = Adoption.NONE;
            if (!r.agrees() && r.onlyCatchUp(journal.symbolsWithWorkingOrders())) {
                out.println(r.report("Alpaca"));
                out.println("these are the journal's working orders filling or ending while the session was down: they are booked as it catches up");
            } else if (!BrokerConnections.adoptOrStop(r, "Alpaca", adopt, System.console() != null ? in : null, out)) {
                return ExitCode.BAD_INPUT;
            } else if (!r.agrees()) {
                adoption = rest.adoption(journal.positions(), journal.workingOrders());
            }
            out.println("orders go to Alpaca " + (account.live() ? "LIVE (real money)" : "paper") + " at " + rest.endpoints().trading()
                    + "; the journal is replayed first, with nothing sent");
            Adoption adopted = adoption;
            return withStream(rest, stream -> session.apply(s -> s.withBroker(AlpacaBroker.resuming(rest, ids, s.journalReplay(), b -> {
                b.adopt(adopted);
                stream.accept(b);
            }))));
        }
    }

    /**
     * Connects, reconciles, and runs {@code session} with the session plugged into the broker;
     * the trade-updates stream lives as long as the session.
     */
    int start(String name, AccountFiles files, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
        if ("oanda".equals(broker)) return startOanda(name, files, out, session);
        if (!"alpaca".equals(broker)) {
            throw new IllegalArgumentException("unknown broker '" + broker + "' for a session: use --broker alpaca or --broker oanda");
        }
        BufferedReader in = stdin();
        AlpacaRest rest = BrokerConnections.alpaca(access.credentials(), access.live, name, in, out);
        // a new account's journal holds nothing: whatever the broker holds is a difference to decide on
        var reconciliation = BrokerConnections.reconcile(rest, Map.of(), Set.of());
        if (!BrokerConnections.adoptOrStop(reconciliation, "Alpaca", access.adopt, System.console() != null ? in : null, out)) return ExitCode.BAD_INPUT;
        Adoption adoption = reconciliation.agrees() ? Adoption.NONE : rest.adoption(Map.of(), Set.of());
        out.println("orders go to Alpaca " + (access.live ? "LIVE (real money)" : "paper") + " at " + rest.endpoints().trading());
        BrokerAccount account = new BrokerAccount("alpaca", access.live);
        return withStream(rest, stream -> session.apply(s -> s.withBroker(AlpacaBroker.factory(rest, new ClientOrderIds(name), Set.of(), b -> {
            account.write(files); // the account exists now; 'paper resume' will connect to the same broker
            b.adopt(adoption); // booked in the journal at the first market event
            stream.accept(b);
        }))));
    }

    /** A new account whose orders go to OANDA (practice unless --live); fills of pending orders come from the transactions stream. */
    private int startOanda(String name, AccountFiles files, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
        BufferedReader in = stdin();
        OandaRest rest = BrokerConnections.oanda(access.credentials(), access.live, name, in, out);
        var reconciliation = BrokerConnections.reconcile(rest, Map.of(), Set.of());
        if (!BrokerConnections.adoptOrStop(reconciliation, "OANDA", access.adopt, System.console() != null ? in : null, out)) return ExitCode.BAD_INPUT;
        out.println("orders go to OANDA " + (access.live ? "LIVE (real money)" : "practice") + " at " + rest.apiUrl());
        BrokerAccount account = new BrokerAccount("oanda", access.live);
        AtomicReference<OandaStream> stream = new AtomicReference<>();
        try {
            return session.apply(s -> s.notResumable("its orders are at OANDA, and " + OANDA_NOT_RESUMABLE + " yet").withBroker(OandaBroker.factory(rest, name, b -> {
                account.write(files);
                stream.set(rest.transactions(b::onStreamLine, () -> {
                    b.note("OANDA's transactions stream reconnected; asking for the transactions it missed");
                    b.resynchronise();
                }, b::note).start());
            })));
        } finally {
            if (stream.get() != null) stream.get().close();
        }
    }

    /** Why an account at OANDA cannot be resumed yet. */
    static final String OANDA_NOT_RESUMABLE = "its journal is not replayed against OANDA";

    /** Runs {@code session} with a hook that starts the broker's trade-updates stream once the broker is open, and closes it after. */
    private static int withStream(AlpacaRest rest, Function<Consumer<AlpacaBroker>, Integer> session) {
        AtomicReference<TradeUpdateStream> stream = new AtomicReference<>();
        try {
            return session.apply(b -> stream.set(rest.tradeUpdates(b::onTradeUpdate, b::resynchronise).start()));
        } finally {
            if (stream.get() != null) stream.get().close();
        }
    }

    private static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
}
