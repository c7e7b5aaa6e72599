package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.PaperSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper resume} of an account whose orders go to Alpaca: the session is re-run against
 * its journal with nothing sent, then talks to Alpaca again where the journal ends. A crash
 * leaves the journal cut after its last complete line (the journal is written line by line, so
 * a {@code kill -9} loses nothing before it): these tests cut it where a crash would have.
 */
class AlpacaResumeTest {
    private static PaperSession.Outcome start(AlpacaSessionFixture f, Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
        return PaperSession.start(f.home.account("acct"), f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet())
                .withBroker(AlpacaBroker.factory(f.rest, new ClientOrderIds("acct"), Set.of(), f.broker::set)).run();
    }

    private static PaperSession.Outcome resume(AlpacaSessionFixture f) {
        PaperSession s = PaperSession.resume(f.home.account("acct"), f.config, f.spec, f.feed(), PaperSession.Wiring.quiet(), false);
        return s.withBroker(AlpacaBroker.resuming(f.rest, new ClientOrderIds("acct"), s.journalReplay(), f.broker::set)).run();
    }

    /** Keeps the journal's lines up to and including the first that contains every one of {@code marks}: what a crash just after writing it leaves. */
    private static List<String> crashAfter(AccountFiles files, String... marks) throws Exception {
        List<String> lines = Files.readAllLines(files.journal());
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (List.of(marks).stream().allMatch(line::contains)) {
                Files.writeString(files.journal(), String.join("\n", lines.subList(0, k + 1)) + "\n");
                return lines;
            }
        }
        throw new AssertionError("no journal line holds " + List.of(marks));
    }

    /** The journal's trading lines, without the session's own milestones (started, resumed, finished). */
    private static List<String> tradingLines(List<String> journal) {
        List<String> out = new ArrayList<>();
        for (String l : journal) if (!l.startsWith("{\"type\":\"Session\"")) out.add(l);
        return out;
    }

    @Test
    void aCrashBetweenSubmittingAndHearingAlpacasAnswerSendsNoSecondOrderOnResume(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, tmp);
            AccountFiles files = f.home.account("acct");
            start(f, tmp);
            // the market sell of bar 5 reached Alpaca (and filled there); the crash came before its answer was journaled
            List<String> whole = crashAfter(files, "\"type\":\"OrderSubmitted\"", "\"id\":3,");
            fake.requests.clear();

            PaperSession.Outcome resumed = resume(f);

            assertThat(fake.submits()).as("orders sent again").isZero();
            assertThat(fake.requests).first().asString().startsWith("GET /v2/orders:by_client_order_id?client_order_id=ts-acct-3 ");
            assertThat(fake.orders).hasSize(3);
            // the account comes out as the uninterrupted session left it, line for line
            assertThat(tradingLines(Files.readAllLines(files.journal()))).isEqualTo(tradingLines(whole));
            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.status().positions()).isEmpty();
            assertThat(resumed.result().fills()).extracting(x -> x.side() + " " + x.qty() + " @ " + x.price())
                    .containsExactly("BUY 10.0 @ 100.25", "SELL 10.0 @ 100.25");
        }
    }

    @Test
    void aSessionKilledWithKill9BetweenSubmittingAndHearingTheAnswerResumesWithoutASecondOrder(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca(); FakeAlpaca other = new FakeAlpaca()) {
            Path straight = Files.createDirectories(tmp.resolve("straight")), crashed = Files.createDirectories(tmp.resolve("crashed"));
            // the same session uninterrupted, for the journal it should come to
            AlpacaSessionFixture whole = new AlpacaSessionFixture(other, straight);
            start(whole, straight);

            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, crashed);
            CountDownLatch sent = new CountDownLatch(1), killed = new CountDownLatch(1);
            fake.onOrderCreated = o -> {
                f.fillMarketOrder(o);
                if (!o.path("client_order_id").asText().equals("ts-acct-3")) return;
                sent.countDown(); // Alpaca has the order; its answer waits until the session is dead
                try {
                    killed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            String java = ProcessHandle.current().info().command().orElse("java");
            Process session = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AlpacaSessionProcess.class.getName(),
                    fake.url(), crashed.toString()).redirectErrorStream(true).redirectOutput(crashed.resolve("session.out").toFile()).start();
            try {
                assertThat(sent.await(60, TimeUnit.SECONDS)).as("the session's third order reached Alpaca:%n%s", Files.readString(crashed.resolve("session.out"))).isTrue();
                assertThat(new ProcessBuilder("kill", "-9", Long.toString(session.pid())).start().waitFor()).isZero();
                assertThat(session.waitFor()).isEqualTo(137);
            } finally {
                session.destroyForcibly();
                killed.countDown();
            }
            AccountFiles files = f.home.account("acct");
            List<String> left = Files.readAllLines(files.journal());
            assertThat(left.getLast()).contains("\"type\":\"OrderSubmitted\"", "\"id\":3,");
            fake.onOrderCreated = f::fillMarketOrder;
            fake.requests.clear();

            resume(f);

            assertThat(fake.submits()).as("orders sent again").isZero();
            assertThat(fake.orders).hasSize(3);
            assertThat(tradingLines(Files.readAllLines(files.journal()))).isEqualTo(tradingLines(Files.readAllLines(whole.home.account("acct").journal())));
        }
    }

    @Test
    void anOrderThatFilledWhileTheSessionWasDownIsBookedOnceWhenItResumes(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, tmp);
            AccountFiles files = f.home.account("acct");
            start(f, tmp);
            // the crash came right after Alpaca accepted the limit sell of bar 2 ...
            crashAfter(files, "\"type\":\"OrderAccepted\"", "\"id\":2,");
            // ... and while the session was down the limit filled at 120 (the orders the first run sent after it are gone with the crash)
            String limitId = fake.orders.keySet().stream().skip(1).findFirst().orElseThrow();
            fake.orders.keySet().removeIf(id -> !id.equals(limitId) && fake.orders.get(id).path("client_order_id").asText().equals("ts-acct-3"));
            fake.fillAtBroker(limitId, "10", "120", "filled");
            fake.requests.clear();

            PaperSession.Outcome resumed = resume(f);

            assertThat(fake.requests).first().asString().startsWith("GET /v2/orders:by_client_order_id?client_order_id=ts-acct-2 ");
            assertThat(fake.requests).noneMatch(r -> r.startsWith("DELETE")); // the cancel of bar 4 finds nothing working
            assertThat(resumed.result().fills()).extracting(x -> x.side() + " " + x.qty() + " @ " + x.price())
                    .containsExactly("BUY 10.0 @ 100.25", "SELL 10.0 @ 120.0", "SELL 10.0 @ 100.25");
            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 filled", "ts-acct-2 filled", "ts-acct-3 filled");
            assertThat(resumed.status().positions()).singleElement().satisfies(p -> {
                assertThat(p.side()).isEqualTo("SHORT");
                assertThat(p.qty()).isEqualTo(10);
            });
        }
    }
}
