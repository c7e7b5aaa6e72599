package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.data.BarCsvWriter;
import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpacaHistoryTest {
    @Test
    void dailyStockBarsFollowThePageTokenAndAreWrittenInTheProjectsCsv(@TempDir Path dir) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
            BarSeries bars = new AlpacaHistory(desk.rest).bars("AAPL", Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("2024-01-05T00:00:00Z"), Duration.ofDays(1));
            assertThat(fake.requests).hasSize(2);
            assertThat(fake.requests.get(0)).isEqualTo("GET /v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-01T00:00:00Z"
                    + "&end=2024-01-05T00:00:00Z&limit=10000&sort=asc&feed=iex&adjustment=raw ");
            assertThat(fake.requests.get(1)).contains("&page_token=QUFQTHxEfDIwMjQtMDEtMDNUMDU6MDA6MDAuMDAwMDAwMDAwWg%3D%3D");
            Path out = dir.resolve("aapl.csv");
            BarCsvWriter.write(bars, out);
            assertThat(Files.readString(out)).isEqualTo("""
                    timestamp,open,high,low,close,volume
                    2024-01-02T05:00:00Z,187.15,188.44,183.885,185.64,82488674
                    2024-01-03T05:00:00Z,184.22,185.88,183.43,184.25,58414460
                    2024-01-04T05:00:00Z,182.15,183.0872,180.88,181.91,71983570
                    """);
        }
    }

    @Test
    void cryptoPairsComeFromTheCryptoEndpointWithFractionalVolume() throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaDesk desk = new AlpacaDesk(fake, List.of("BTC/USD"), Set.of());
            BarSeries bars = new AlpacaHistory(desk.rest).bars("BTC/USD", Instant.parse("2024-01-02T00:00:00Z"),
                    Instant.parse("2024-01-04T00:00:00Z"), Duration.ofDays(1));
            assertThat(fake.requests.getFirst()).startsWith("GET /v1beta3/crypto/us/bars?symbols=BTC%2FUSD&timeframe=1Day&");
            assertThat(bars.size()).isEqualTo(2);
            assertThat(bars.volume(0)).isEqualTo(12.3456789);
            assertThat(bars.close(1)).isEqualTo(44200);
        }
    }

    @Test
    void barPeriodsAlpacaDoesNotOfferAreRefusedByName() {
        assertThat(AlpacaHistory.timeframe(Duration.ofMinutes(15))).isEqualTo("15Min");
        assertThat(AlpacaHistory.timeframe(Duration.ofHours(4))).isEqualTo("4Hour");
        assertThatThrownBy(() -> AlpacaHistory.timeframe(Duration.ofSeconds(30))).hasMessageContaining("Alpaca has no bars of PT30S");
    }
}
