package io.tradeshell.shell.cli;

import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.alpaca.AlpacaBroker;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.alpaca.ClientOrderIds;
import io.tradeshell.brokers.oanda.OandaBroker;
import io.tradeshell.brokers.oanda.OandaRest;
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
            if (!"alpaca".equals(account.broker()) && !"oanda".equals(account.broker())) {
                throw new IllegalArgumentException("paper account '" + name + "' trades at '" + account.broker() + "', which cannot be resumed");
            }
            if (account.live() && !live) {
                throw new IllegalArgumentException("paper account '" + name + "' trades real money at " + venue(account.broker()) + ": resume it with --live");
            }
        }

        /**
         * Resumes a broker-backed account: reconciles the broker with the journal, then runs the
         * session, which answers from its journal while it is re-run and talks to the broker after.
         */
        int resume(String name, AccountFiles files, BrokerAccount account, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
            refuseUnresumable(name, account);
            BufferedReader in = stdin();
            JournalAccount rebuilt = JournalAccount.rebuild(SessionConfig.read(files.session()), files.journal()).account();
            String replayed = "; the journal is replayed first, with nothing sent";
            if ("oanda".equals(account.broker())) {
                OandaRest rest = BrokerConnections.oanda(credentials(), account.live(), name, in, out);
                JournalHoldings journal = JournalHoldings.of(rebuilt, id -> OandaBroker.clientIdPrefix(name) + id);
                Optional<Adoption> adoption = BrokerConnections.decide(BrokerConnections.reconcile(rest, journal.positions(), journal.workingOrders()),
                        journal, "OANDA", adopt, rest::adoption, in, out);
                if (adoption.isEmpty()) return ExitCode.BAD_INPUT;
                out.println("orders go to OANDA " + (account.live() ? "LIVE (real money)" : "practice") + " at " + rest.apiUrl() + replayed);
                return withTransactions(rest, stream -> session.apply(s -> s.withBroker(OandaBroker.resuming(rest, name, s.journalReplay(), b -> {
                    b.adopt(adoption.get());
                    stream.accept(b);
                }))));
            }
            AlpacaRest rest = BrokerConnections.alpaca(credentials(), account.live(), name, in, out);
            ClientOrderIds ids = new ClientOrderIds(name);
            JournalHoldings journal = JournalHoldings.of(rebuilt, ids::of);
            Optional<Adoption> adoption = BrokerConnections.decide(BrokerConnections.reconcile(rest, journal.positions(), journal.workingOrders()),
                    journal, "Alpaca", adopt, rest::adoption, in, out);
            if (adoption.isEmpty()) return ExitCode.BAD_INPUT;
            out.println("orders go to Alpaca " + (account.live() ? "LIVE (real money)" : "paper") + " at " + rest.endpoints().trading() + replayed);
            return withStream(rest, stream -> session.apply(s -> s.withBroker(AlpacaBroker.resuming(rest, ids, s.journalReplay(), b -> {
                b.adopt(adoption.get());
                stream.accept(b);
            }))));
        }
    }

    private static String venue(String broker) {
        return "oanda".equals(broker) ? "OANDA" : "Alpaca";
    }

    /**
     * Connects, reconciles, and runs {@code session} with the session plugged into the broker;
     * the broker's stream of fills lives as long as the session.
     */
    int start(String name, AccountFiles files, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
        if ("oanda".equals(broker)) return startOanda(name, files, out, session);
        if (!"alpaca".equals(broker)) {
            throw new IllegalArgumentException("unknown broker '" + broker + "' for a session: use --broker alpaca or --broker oanda");
        }
        BufferedReader in = stdin();
        AlpacaRest rest = BrokerConnections.alpaca(access.credentials(), access.live, name, in, out);
        // a new account's journal holds nothing: whatever the broker holds is a difference to decide on
        Optional<Adoption> adoption = BrokerConnections.decide(BrokerConnections.reconcile(rest, Map.of(), Set.of()), JournalHoldings.NONE, "Alpaca",
                access.adopt, rest::adoption, in, out);
        if (adoption.isEmpty()) return ExitCode.BAD_INPUT;
        out.println("orders go to Alpaca " + (access.live ? "LIVE (real money)" : "paper") + " at " + rest.endpoints().trading());
        BrokerAccount account = new BrokerAccount("alpaca", access.live);
        return withStream(rest, stream -> session.apply(s -> s.withBroker(AlpacaBroker.factory(rest, new ClientOrderIds(name), Set.of(), b -> {
            account.write(files); // the account exists now; 'paper resume' will connect to the same broker
            b.adopt(adoption.get()); // booked in the journal at the first market event
            stream.accept(b);
        }))));
    }

    /** A new account whose orders go to OANDA (practice unless --live); fills of pending orders come from the transactions stream. */
    private int startOanda(String name, AccountFiles files, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
        BufferedReader in = stdin();
        OandaRest rest = BrokerConnections.oanda(access.credentials(), access.live, name, in, out);
        Optional<Adoption> adoption = BrokerConnections.decide(BrokerConnections.reconcile(rest, Map.of(), Set.of()), JournalHoldings.NONE, "OANDA",
                access.adopt, rest::adoption, in, out);
        if (adoption.isEmpty()) return ExitCode.BAD_INPUT;
        out.println("orders go to OANDA " + (access.live ? "LIVE (real money)" : "practice") + " at " + rest.apiUrl());
        BrokerAccount account = new BrokerAccount("oanda", access.live);
        return withTransactions(rest, stream -> session.apply(s -> s.withBroker(OandaBroker.factory(rest, name, b -> {
            account.write(files);
            b.adopt(adoption.get());
            stream.accept(b);
        }))));
    }

    /** Runs {@code session} with a hook that starts OANDA's transactions stream once the broker is open, and closes it after. */
    private static int withTransactions(OandaRest rest, Function<Consumer<OandaBroker>, Integer> session) {
        return whileOpen(session, b -> rest.transactions(b::onStreamLine, () -> {
            b.note("transactions stream reconnected; asking for the transactions it missed");
            b.resynchronise();
        }, b::note).start()::close);
    }

    /** Runs {@code session} with a hook that starts the broker's trade-updates stream once the broker is open, and closes it after. */
    private static int withStream(AlpacaRest rest, Function<Consumer<AlpacaBroker>, Integer> session) {
        return whileOpen(session, b -> rest.tradeUpdates(b::onTradeUpdate, b::resynchronise).start()::close);
    }

    /** Runs {@code session}; the stream {@code open} starts for its broker is closed when it ends. */
    private static <B> int whileOpen(Function<Consumer<B>, Integer> session, Function<B, Runnable> open) {
        AtomicReference<Runnable> close = new AtomicReference<>();
        try {
            return session.apply(b -> close.set(open.apply(b)));
        } finally {
            if (close.get() != null) close.get().run();
        }
    }

    private static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
}
