package io.tradeshell.brokers.alpaca;

import io.tradeshell.engine.paper.PaperSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The fixture's session in a process of its own, against the fake Alpaca at {@code args[0]}, in the folder {@code args[1]}: a test kills it with kill -9. */
final class AlpacaSessionProcess {
    private AlpacaSessionProcess() { }

    public static void main(String[] args) throws Exception {
        Path tmp = Path.of(args[1]);
        AlpacaSessionFixture f = new AlpacaSessionFixture(args[0], tmp);
        Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
        PaperSession.start(f.home.account("acct"), f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet())
                .withBroker(AlpacaBroker.factory(f.rest, new ClientOrderIds("acct"), Set.of(), f.broker::set)).run();
    }
}
