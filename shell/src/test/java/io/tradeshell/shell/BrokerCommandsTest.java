package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeOanda;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandsTest {
    private static final String SECRET = "shell-test-secret-9f8e7d6c5b4a";

    private static Path credentials(Path dir, String perms, String... lines) throws Exception {
        Path f = dir.resolve("alpaca.env");
        Files.writeString(f, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void missingCredentialsStopAtOnceWithExitTwoNamingWhatToSet(@TempDir Path tmp) {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_SECRET_KEY") == null);
        var r = CliTestSupport.run("data", "fetch", "alpaca", "AAPL", "--from", "2024-01-01", "--to", "2024-01-31", "--out", tmp.resolve("a.csv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY: set them in the environment");
        assertThat(tmp.resolve("a.csv")).doesNotExist();
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused(@TempDir Path tmp) throws Exception {
        Path f = credentials(tmp, "rw-r--r--", "APCA_API_KEY_ID=PKSHELL", "APCA_API_SECRET_KEY=" + SECRET);
        var r = CliTestSupport.run("data", "fetch", "alpaca", "AAPL", "--from", "2024-01-01", "--to", "2024-01-31",
                "--out", tmp.resolve("a.csv").toString(), "--credentials", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("can be read by others").doesNotContain(SECRET);
    }

    @Test
    void historyIsFetchedIntoTheProjectsCsvAndTheSecretAppearsNowhere(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_BASE_URL") == null && System.getenv("APCA_API_DATA_URL") == null);
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        fake.createContext("/v2/stocks/bars", x -> {
            boolean ok = SECRET.equals(x.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"));
            byte[] b = (ok ? "{\"bars\":{\"AAPL\":[{\"c\":185.64,\"h\":188.44,\"l\":183.885,\"n\":1008871,\"o\":187.15,\"t\":\"2024-01-02T05:00:00Z\","
                    + "\"v\":82488674,\"vw\":185.911868}]},\"next_page_token\":null}" : "{\"message\":\"forbidden\"}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(ok ? 200 : 403, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        fake.start();
        try {
            String url = "http://127.0.0.1:" + fake.getAddress().getPort();
            Path f = credentials(tmp, "rw-------", "APCA_API_KEY_ID=PKSHELL", "APCA_API_SECRET_KEY=" + SECRET,
                    "APCA_API_BASE_URL=" + url, "APCA_API_DATA_URL=" + url);
            Path out = tmp.resolve("data/aapl.csv");
            var r = CliTestSupport.run("data", "fetch", "alpaca", "AAPL", "--from", "2024-01-01", "--to", "2024-12-31", "--bar", "1d",
                    "--out", out.toString(), "--credentials", f.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
            assertThat(r.out()).contains("wrote 1 bars of AAPL from alpaca");
            assertThat(Files.readString(out)).isEqualTo("timestamp,open,high,low,close,volume\n2024-01-02T05:00:00Z,187.15,188.44,183.885,185.64,82488674\n");
            assertThat(r.out() + r.err() + Files.readString(out)).doesNotContain(SECRET).doesNotContain("PKSHELL");
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void cryptoFromAlpacaAndFxFromOandaAreFetchedIntoTheProjectsCsv(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_DATA_URL") == null && System.getenv("OANDA_API_TOKEN") == null);
        try (FakeAlpaca alpaca = new FakeAlpaca(); FakeOanda oanda = new FakeOanda()) {
            Path f = credentials(tmp, "rw-------", "APCA_API_KEY_ID=" + FakeAlpaca.KEY, "APCA_API_SECRET_KEY=" + FakeAlpaca.SECRET,
                    "APCA_API_BASE_URL=" + alpaca.url(), "APCA_API_DATA_URL=" + alpaca.url(), "OANDA_API_TOKEN=" + FakeOanda.TOKEN,
                    "OANDA_ACCOUNT_ID=" + FakeOanda.ACCOUNT, "OANDA_API_URL=" + oanda.url());
            Path btc = tmp.resolve("btc.csv"), eur = tmp.resolve("eurusd.csv");
            var crypto = CliTestSupport.run("data", "fetch", "alpaca", "BTC/USD", "--from", "2024-01-02", "--to", "2024-01-03", "--bar", "1d",
                    "--out", btc.toString(), "--credentials", f.toString());
            var fx = CliTestSupport.run("data", "fetch", "oanda", "EUR_USD", "--from", "2024-01-01", "--to", "2024-01-04", "--bar", "1d",
                    "--out", eur.toString(), "--credentials", f.toString());

            assertThat(crypto.exitCode()).as(crypto.err()).isZero();
            assertThat(alpaca.requests.getFirst()).startsWith("GET /v1beta3/crypto/us/bars?symbols=BTC%2FUSD&timeframe=1Day&");
            // the recorded answer's two days (prices written as the project's CSV writes them), volume in fractions of a coin
            assertThat(Files.readString(btc)).isEqualTo("timestamp,open,high,low,close,volume\n"
                    + "2024-01-02T00:00:00Z,44300.0,45500.0,44200.25,45100.5,12.3456789\n2024-01-03T00:00:00Z,45100.5,45600.75,44000.0,44200.0,15.5\n");
            assertThat(fx.exitCode()).as(fx.err()).isZero();
            // mid prices of OANDA's recorded daily candles, which open at 22:00 UTC
            assertThat(Files.readString(eur)).isEqualTo("timestamp,open,high,low,close,volume\n2024-01-01T22:00:00Z,1.1038,1.10452,1.09392,1.09418,151234\n"
                    + "2024-01-02T22:00:00Z,1.09418,1.09651,1.08921,1.09226,143001\n2024-01-03T22:00:00Z,1.09226,1.0999,1.09152,1.09485,139876\n");
            String all = crypto.out() + crypto.err() + fx.out() + fx.err() + Files.readString(btc) + Files.readString(eur);
            assertThat(all).doesNotContain(FakeAlpaca.SECRET).doesNotContain(FakeAlpaca.KEY).doesNotContain(FakeOanda.TOKEN).doesNotContain(FakeOanda.ACCOUNT);
        }
    }

    @Test
    void liveTradingNeedsTheLiveServiceAsWellAsTheFlag(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_BASE_URL") == null);
        Path f = credentials(tmp, "rw-------", "APCA_API_KEY_ID=PKSHELL", "APCA_API_SECRET_KEY=" + SECRET);
        var r = CliTestSupport.run("paper", "start", "real", CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", tmp.toString(),
                "--broker", "alpaca", "--live", "--credentials", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--live needs APCA_API_BASE_URL=https://api.alpaca.markets").doesNotContain(SECRET);
    }
}
