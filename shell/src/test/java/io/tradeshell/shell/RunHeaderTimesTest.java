package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run's header names its data's first and last bar as a trader reads them: dates for daily bars, times below. */
class RunHeaderTimesTest {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(longs = {86_400_000L, 3_600_000L, 60_000L, 15_000L})
    void theHeaderShowsTheFirstAndLastBarAtThePrecisionOfTheBars(long period, @TempDir Path dir) throws Exception {
        Random r = new Random(period);
        // a generated series: a random start on a whole period between 1990 and 2030, 40 to 80 bars
        long start = Math.floorDiv(631_152_000_000L + (long) (r.nextDouble() * 1_262_304_000_000L), period) * period;
        int bars = 40 + r.nextInt(41);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 100;
        for (int i = 0; i < bars; i++) {
            price *= 1 + (r.nextDouble() - 0.5) / 50;
            csv.append(Instant.ofEpochMilli(start + i * period)).append(',').append(price).append(',').append(price * 1.01).append(',')
                    .append(price * 0.99).append(',').append(price).append(",1000\n");
        }
        Path data = Files.writeString(dir.resolve("generated.csv"), csv);
        var result = run("run", path("strategies/sma_crossover.groovy"), "--data", data.toString(), "--param", "fast=3", "--param", "slow=8",
                "--out", dir.resolve("out").toString(), "--no-charts");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String expected = bars + " bars  " + shown(start, period) + " .. " + shown(start + (bars - 1) * period, period);
        assertThat(result.out()).contains(expected).doesNotContain("T00:00:00Z");
    }

    private static String shown(long millis, long period) {
        Instant t = Instant.ofEpochMilli(millis);
        if (period >= 86_400_000L) return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
        return period % 60_000 == 0 ? MINUTES.format(t) : SECONDS.format(t);
    }
}
