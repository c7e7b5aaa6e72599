package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.brokers.fakes.FakeOanda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper start --broker oanda}, {@code paper stop} and {@code paper resume} from the
 * command line, against the fake OANDA on 127.0.0.1, which fills market orders at once at one
 * price: the resumed account comes out fill for fill as an uninterrupted one, every order is
 * sent once (a crash between OANDA's fill and its answer reaching the journal included), and
 * neither the token nor the account id is printed or written.
 */
class OandaResumeCommandTest {
    private Path tmp;

    @BeforeEach
    void offline(@TempDir Path tmp) {
        assumeTrue(System.getenv("OANDA_API_TOKEN") == null && System.getenv("OANDA_API_URL") == null);
        this.tmp = tmp;
    }

    static Path keys(Path dir, FakeOanda fake) throws Exception {
        Path keys = dir.resolve("oanda-" + fake.url().replaceAll("\\D", "") + ".env");
        Files.writeString(keys, "OANDA_API_TOKEN=" + FakeOanda.TOKEN + "\nOANDA_ACCOUNT_ID=" + FakeOanda.ACCOUNT + "\nOANDA_API_URL=" + fake.url()
                + "\nOANDA_STREAM_URL=" + fake.url() + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        return keys;
    }

    /** The SMA crossover (3 over 8, 10,000 units) on a year of daily bars, played as EUR_USD. */
    static String[] start(String name, Path home, Path keys, String speed, String... more) {
        List<String> args = new ArrayList<>(List.of("paper", "start", name, CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", home.toString(),
                "--data", "EUR_USD=" + CliTestSupport.path("data/aapl_daily_2013.csv"), "--speed", speed, "--no-charts", "--quiet",
                "--param", "fast=3", "--param", "slow=8", "--param", "qty=10000", "--broker", "oanda", "--credentials", keys.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The client ids of the orders the fake was sent, in sending order. */
    static List<String> posted(FakeOanda fake) {
        return fake.requests.stream().filter(r -> r.startsWith("POST ")).map(r -> r.replaceAll(".*\"clientExtensions\":\\{\"id\":\"([^\"]+)\".*", "$1")).toList();
    }

    static void noCredentialIn(Path home, String... outputs) throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain(FakeOanda.TOKEN).doesNotContain(FakeOanda.ACCOUNT);
            }
        }
        assertThat(String.join("\n", outputs)).doesNotContain(FakeOanda.TOKEN).doesNotContain(FakeOanda.ACCOUNT);
    }

    @Test
    void aStoppedOandaAccountResumesWhereItStoppedAndEndsAsAnUninterruptedOne() throws Exception {
        Path home = tmp.resolve("home");
        List<String> uninterrupted;
        try (FakeOanda whole = new FakeOanda()) {
            var run = CliTestSupport.run(start("whole", tmp.resolve("whole"), keys(tmp, whole), "max"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            uninterrupted = Files.readAllLines(tmp.resolve("whole/paper/whole/fills.jsonl"));
        }
        assertThat(uninterrupted).as("the crossover traded").hasSizeGreaterThan(6);
        try (FakeOanda fake = new FakeOanda()) {
            Path keys = keys(tmp, fake);
            // the transactions stream drops as soon as it connects: the session notes it and reconnects
            fake.transactionLines.add(FakeOanda.DROP);
            // about 20 ms a daily bar: the stop lands part-way through the year
            CompletableFuture<CliTestSupport.Outcome> started = CompletableFuture.supplyAsync(() -> CliTestSupport.run(start("fx", home, keys, "4320000x")));
            var first = AlpacaFeedSessionCommandTest.stopAfter(60, home, "fx", started);
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            List<String> journal = Files.readAllLines(home.resolve("paper/fx/journal.jsonl"));
            // notes of when the stream dropped and came back, which no replay can make happen again where they did
            assertThat(journal).anyMatch(l -> l.contains("\"message\":\"OANDA: GET /v3/accounts/***/transactions/stream dropped"))
                    .anyMatch(l -> l.contains("\"message\":\"OANDA: transactions stream reconnected; asking for the transactions it missed\""));
            List<String> before = posted(fake);
            assertThat(before).as("orders before the stop").isNotEmpty().doesNotHaveDuplicates();
            assertThat(Files.readAllLines(home.resolve("paper/fx/journal.jsonl")).getLast()).contains("\"event\":\"stopped\"");

            var resumed = CliTestSupport.run("paper", "resume", "fx", "--home", home.toString(), "--speed", "max", "--no-charts", "--quiet",
                    "--credentials", keys.toString());

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("orders go to OANDA practice at " + fake.url() + "; the journal is replayed first, with nothing sent");
            assertThat(Files.readAllLines(home.resolve("paper/fx/journal.jsonl"))).as("the replay reproduced every line, the notes included")
                    .startsWith(journal.toArray(String[]::new));
            List<String> after = posted(fake);
            assertThat(after).as("every order went out once, numbered on from the first session's").doesNotHaveDuplicates().startsWith(before.toArray(String[]::new))
                    .hasSizeGreaterThan(before.size());
            for (int k = 0; k < after.size(); k++) assertThat(after.get(k)).isEqualTo("ts-fx-" + (k + 1));
            assertThat(Files.readAllLines(home.resolve("paper/fx/fills.jsonl"))).as("the fills of an uninterrupted account").isEqualTo(uninterrupted);
            noCredentialIn(home, first.out(), first.err(), resumed.out(), resumed.err());
        }
    }

    @Test
    void adoptingOandasPositionAndPendingOrderJournalsThemSoTheResumeFindsNothingToReport() throws Exception {
        Path home = tmp.resolve("home");
        try (FakeOanda fake = new FakeOanda()) {
            Path keys = keys(tmp, fake);
            // someone bought 5,000 by hand, and left a limit sell of 2,000 at 1.095
            fake.positions.put("EUR_USD", new double[] {5000, 1.0801});
            fake.orders.put("by-hand-7", new ObjectMapper().readTree("{\"id\":\"777\",\"type\":\"LIMIT\",\"instrument\":\"EUR_USD\",\"units\":\"-2000\","
                    + "\"price\":\"1.09500\",\"timeInForce\":\"GTC\",\"state\":\"PENDING\",\"clientExtensions\":{\"id\":\"by-hand-7\"}}"));

            var refused = CliTestSupport.run(start("fx", home, keys, "max"));
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.out()).contains("OANDA differs from the journal in 2 place(s):",
                    "  position EUR_USD: the journal holds 0, the broker 5000 (a position the journal does not know)",
                    "  order by-hand-7 is working at the broker but not in the journal", "stopping before any trading: rerun with --adopt");
            assertThat(posted(fake)).isEmpty();

            CompletableFuture<CliTestSupport.Outcome> started = CompletableFuture.supplyAsync(() -> CliTestSupport.run(start("fx", home, keys, "4320000x", "--adopt")));
            var first = AlpacaFeedSessionCommandTest.stopAfter(60, home, "fx", started);
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            List<String> journal = Files.readAllLines(home.resolve("paper/fx/journal.jsonl"));
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"Note\"")).extracting(l -> l.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"))
                    .containsExactly("adopted OANDA's position EUR_USD 5000.0 at 1.0801 as order #1", "adopted OANDA's working order by-hand-7 as order #2");
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"OrderFilled\"")).first().asString()
                    .contains("\"tag\":\"adopted\"", "\"fill\":{\"orderId\":1,\"symbol\":\"EUR_USD\",\"side\":\"BUY\",\"qty\":5000.0,\"price\":1.0801,\"commission\":0.0");
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"OrderAccepted\"") && l.contains("\"id\":2,")).singleElement().asString()
                    .contains("\"type\":\"LIMIT\"", "\"side\":\"SELL\"", "\"qty\":2000.0", "\"limitPrice\":1.095", "\"tag\":\"adopted:by-hand-7\"");
            assertThat(posted(fake)).as("the strategy's own orders, numbered after the adopted two").isNotEmpty().first().isEqualTo("ts-fx-3");

            var resumed = CliTestSupport.run("paper", "resume", "fx", "--home", home.toString(), "--speed", "max", "--no-charts", "--quiet",
                    "--credentials", keys.toString());

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            // the crossover's sell closed the adopted units with its own; the limit order is still working at both
            assertThat(resumed.out()).containsPattern("OANDA agrees with the journal: [01] position\\(s\\), 1 open order\\(s\\)");
            assertThat(fake.requests).as("the adopted order is found by its client id").anyMatch(r -> r.contains("/orders/%40by-hand-7 "));
            assertThat(posted(fake)).doesNotHaveDuplicates();
            noCredentialIn(home, refused.out(), first.out(), first.err(), resumed.out(), resumed.err());
        }
    }

    @Test
    void aCrashAfterOandaFilledAnOrderButBeforeItsAnswerWasJournaledSendsItNoMore() throws Exception {
        Path home = tmp.resolve("home");
        try (FakeOanda fake = new FakeOanda()) {
            Path keys = keys(tmp, fake);
            var run = CliTestSupport.run(start("fx", home, keys, "max"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            Path account = home.resolve("paper/fx");
            List<String> fills = Files.readAllLines(account.resolve("fills.jsonl"));
            // a crash just after the third order went out: the journal ends with its submission
            List<String> journal = Files.readAllLines(account.resolve("journal.jsonl"));
            int cut = 0;
            for (int k = 0, seen = 0; k < journal.size(); k++) {
                if (journal.get(k).startsWith("{\"type\":\"OrderSubmitted\"") && ++seen == 3) cut = k + 1;
            }
            Files.writeString(account.resolve("journal.jsonl"), String.join("\n", journal.subList(0, cut)) + "\n");
            // OANDA had filled it; the orders after it were never sent, so it holds what the three made
            fake.orders.keySet().removeIf(id -> Integer.parseInt(id.substring("ts-fx-".length())) > 3);
            fake.positions.clear();
            double units = 0;
            for (var o : fake.orders.values()) units += o.path("units").asDouble();
            if (units != 0) fake.positions.put("EUR_USD", new double[] {units, Double.parseDouble(fake.marketPrice)});
            fake.requests.clear();

            var resumed = CliTestSupport.run("paper", "resume", "fx", "--home", home.toString(), "--no-charts", "--quiet", "--credentials", keys.toString());

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(fake.requests).as("the third order is looked up by its client id, not sent again")
                    .anyMatch(r -> r.startsWith("GET /v3/accounts/" + FakeOanda.ACCOUNT + "/orders/%40ts-fx-3 "));
            assertThat(posted(fake)).as("sent after the crash").doesNotContain("ts-fx-1", "ts-fx-2", "ts-fx-3").first().isEqualTo("ts-fx-4");
            assertThat(Files.readAllLines(account.resolve("fills.jsonl"))).as("the fills of the uninterrupted run").isEqualTo(fills);
            noCredentialIn(home, run.out(), run.err(), resumed.out(), resumed.err());
        }
    }
}
