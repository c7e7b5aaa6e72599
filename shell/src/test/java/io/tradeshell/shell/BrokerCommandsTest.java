package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
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
    void liveTradingNeedsTheLiveServiceAsWellAsTheFlag(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_BASE_URL") == null);
        Path f = credentials(tmp, "rw-------", "APCA_API_KEY_ID=PKSHELL", "APCA_API_SECRET_KEY=" + SECRET);
        var r = CliTestSupport.run("paper", "start", "real", CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", tmp.toString(),
                "--broker", "alpaca", "--live", "--credentials", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--live needs APCA_API_BASE_URL=https://api.alpaca.markets").doesNotContain(SECRET);
    }
}
