package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeOanda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A position the journal holds and the broker does not (closed by hand at the broker while the
 * session was down), at Alpaca and at OANDA: {@code paper resume} reports it and stops, exit 2,
 * with nothing sent and the journal untouched; with {@code --adopt} the journal books a close at
 * the position's own entry price, tagged {@code adjusted}, with a note giving the reason, and
 * trades on.
 */
class JournalOnlyPositionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BARS = 60, CRASH_AT = 30;

    /** Ten falling days, then fifty rising: SMA(3) crosses over SMA(8) once, and never back. */
    static Path risingData(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int k = 0; k < BARS; k++) {
            double close = k < 10 ? 1.10 - 0.002 * k : 1.082 + 0.002 * (k - 10);
            csv.append(day.plusDays(k)).append(String.format(Locale.ROOT, ",%.4f,%.4f,%.4f,%.4f,1000000%n", close, close + 0.001, close - 0.001, close));
        }
        return Files.writeString(dir.resolve("rising.csv"), csv);
    }

    /** The account after a crash at feed position {@link #CRASH_AT}: its journal up to there. */
    static void crashAt(Path account) throws Exception {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(account.resolve("journal.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.path("pos").asLong(Long.MAX_VALUE) <= CRASH_AT) kept.add(line);
        }
        Files.writeString(account.resolve("journal.jsonl"), String.join("\n", kept) + "\n");
    }

    private static Path credentials(Path tmp, String text) throws Exception {
        Path keys = Files.writeString(tmp.resolve("broker.env"), text);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        return keys;
    }

    /**
     * Starts, crashes, empties the broker's positions ({@code closedElsewhere}), then resumes
     * without and with {@code --adopt}; {@code sent} counts the orders the broker received.
     */
    private static void journalOnlyPosition(Path tmp, String broker, String venue, Path keys, Runnable closedElsewhere, LongSupplier sent) throws Exception {
        Path home = tmp.resolve("home"), account = home.resolve("paper/acct");
        var run = CliTestSupport.run("paper", "start", "acct", CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", home.toString(),
                "--data", "EUR_USD=" + risingData(tmp), "--speed", "max", "--no-charts", "--quiet", "--param", "fast=3", "--param", "slow=8",
                "--param", "qty=10000", "--broker", broker, "--credentials", keys.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(sent.getAsLong()).as("the one buy").isEqualTo(1);
        JsonNode buy = JSON.readTree(Files.readAllLines(account.resolve("fills.jsonl")).getFirst());
        crashAt(account);
        closedElsewhere.run();
        String journal = Files.readString(account.resolve("journal.jsonl"));

        var stopped = CliTestSupport.run("paper", "resume", "acct", "--home", home.toString(), "--no-charts", "--quiet", "--credentials", keys.toString());

        assertThat(stopped.exitCode()).as(stopped.out() + stopped.err()).isEqualTo(2);
        assertThat(stopped.out()).contains(venue + " differs from the journal in 1 place(s):\n  position EUR_USD: the journal holds 10000, the broker 0 (missing at the broker)",
                "adopting " + venue + "'s state closes each position the journal holds and " + venue + " does not in the journal, at its entry price",
                "stopping before any trading: rerun with --adopt");
        assertThat(Files.readString(account.resolve("journal.jsonl"))).as("the journal, untouched").isEqualTo(journal);
        assertThat(sent.getAsLong()).as("nothing sent").isEqualTo(1);

        var adopted = CliTestSupport.run("paper", "resume", "acct", "--home", home.toString(), "--no-charts", "--quiet", "--adopt",
                "--credentials", keys.toString());

        assertThat(adopted.exitCode()).as(adopted.out() + adopted.err()).isZero();
        assertThat(sent.getAsLong()).as("the correction is booked, not traded").isEqualTo(1);
        double entry = buy.path("price").asDouble();
        List<String> lines = Files.readAllLines(account.resolve("journal.jsonl"));
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"Note\"")).extracting(l -> JSON.readTree(l).path("message").asText())
                .containsExactly("adjusted: the journal held EUR_USD 10000.0 and " + venue + " holds none; closed in the journal at its entry price " + entry
                        + " as order #2 (" + venue + "'s state adopted)");
        JsonNode fill = JSON.readTree(lines.stream().filter(l -> l.contains("\"type\":\"OrderFilled\"") && l.contains("\"tag\":\"adjusted\"")).findFirst().orElseThrow());
        assertThat(fill.path("pos").asLong()).as("at the first bar after the crash").isEqualTo(CRASH_AT + 1);
        assertThat(fill.path("fill").path("side").asText() + " " + fill.path("fill").path("qty").asDouble() + " " + fill.path("fill").path("price").asDouble())
                .isEqualTo("SELL 10000.0 " + entry);
        JsonNode trade = JSON.readTree(Files.readAllLines(account.resolve("trades.jsonl")).getLast());
        assertThat(trade.path("exitReason").asText()).isEqualTo("adjusted");
        assertThat(trade.path("pnl").asDouble()).as("closed at its entry price, no commission").isZero();
        assertThat(JSON.readTree(account.resolve("status.json").toFile()).path("positions")).isEmpty();
    }

    @Test
    void atOandaTheUserStopsOrTakesOandasWordAndTheJournalClosesThePosition(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("OANDA_API_TOKEN") == null && System.getenv("OANDA_API_URL") == null);
        try (FakeOanda fake = new FakeOanda()) {
            Path keys = credentials(tmp, "OANDA_API_TOKEN=" + FakeOanda.TOKEN + "\nOANDA_ACCOUNT_ID=" + FakeOanda.ACCOUNT + "\nOANDA_API_URL=" + fake.url()
                    + "\nOANDA_STREAM_URL=" + fake.url() + "\n");
            journalOnlyPosition(tmp, "oanda", "OANDA", keys, fake.positions::clear, fake::submits);
        }
    }

    @Test
    void atAlpacaTheUserStopsOrTakesAlpacasWordAndTheJournalClosesThePosition(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_BASE_URL") == null);
        try (FakeAlpaca fake = new FakeAlpaca()) {
            fake.onOrderCreated = o -> o.put("filled_qty", o.path("qty").asText()).put("filled_avg_price", "1.1").put("status", "filled");
            fake.positions = JsonNodeFactory.instance.arrayNode(); // the fake does not keep positions: Alpaca holds none
            Path keys = credentials(tmp, "APCA_API_KEY_ID=" + FakeAlpaca.KEY + "\nAPCA_API_SECRET_KEY=" + FakeAlpaca.SECRET + "\nAPCA_API_BASE_URL=" + fake.url()
                    + "\nAPCA_API_STREAM_URL=ws://127.0.0.1:1/stream\n");
            journalOnlyPosition(tmp, "alpaca", "Alpaca", keys, () -> { }, fake::submits);
        }
    }
}
