package io.tradeshell.shell.cli;

import io.tradeshell.brokers.Credentials;
import io.tradeshell.brokers.alpaca.AlpacaBroker;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.alpaca.ClientOrderIds;
import io.tradeshell.brokers.alpaca.TradeUpdateStream;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.shell.ExitCode;
import io.tradeshell.shell.runs.BrokerConnections;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** {@code --broker alpaca} and its companions: a paper session whose orders go to a real broker. */
final class BrokerOptions {
    @Option(names = "--broker", paramLabel = "NAME", description = "Send the orders to this broker (alpaca; paper account unless --live) instead of the simulated one.")
    String broker;

    @Option(names = "--live", description = "Trade real money at the broker's live service (asks you to type the account name).")
    boolean live;

    @Option(names = "--credentials", paramLabel = "FILE", description = "A private file of NAME=value lines with the broker's keys (the environment wins).")
    Path credentials;

    @Option(names = "--adopt", description = "If the broker's positions or open orders differ from the journal, take the broker's state and trade on.")
    boolean adopt;

    /**
     * Connects, reconciles, and runs {@code session} with the session plugged into the broker;
     * the trade-updates stream lives as long as the session.
     */
    int start(String name, PrintWriter out, Function<UnaryOperator<PaperSession>, Integer> session) {
        if (!"alpaca".equals(broker)) {
            throw new IllegalArgumentException("unknown broker '" + broker + "' for a session: use --broker alpaca (OANDA serves 'data fetch oanda')");
        }
        Credentials c = Credentials.from(System.getenv(), Optional.ofNullable(credentials));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        AlpacaRest rest = BrokerConnections.alpaca(c, live, name, in, out);
        // a new account's journal holds nothing: whatever the broker holds is a difference to decide on
        var reconciliation = BrokerConnections.reconcile(rest, Map.of(), Set.of());
        if (!BrokerConnections.adoptOrStop(reconciliation, "Alpaca", adopt, System.console() != null ? in : null, out)) return ExitCode.BAD_INPUT;
        out.println("orders go to Alpaca " + (live ? "LIVE (real money)" : "paper") + " at " + rest.endpoints().trading());
        AtomicReference<TradeUpdateStream> stream = new AtomicReference<>();
        try {
            return session.apply(s -> s.withBroker(AlpacaBroker.factory(rest, new ClientOrderIds(name), Set.of(),
                    b -> stream.set(rest.tradeUpdates(b::onTradeUpdate, () -> {
                        b.resynchronise();
                    }).start()))));
        } finally {
            if (stream.get() != null) stream.get().close();
        }
    }
}
