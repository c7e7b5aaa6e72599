package io.tradeshell.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** IsoTime against java.time's own formatters, over generated instants and bar periods. */
class IsoTimeGeneratedTest {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long[] PERIODS = {1000, 5000, 60_000, 300_000, 3_600_000, IsoTime.DAY, 7 * IsoTime.DAY};

    @Test
    void barsOfADayOrMoreShowTheirDateAndShorterBarsTheirTime() {
        Random r = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            long period = PERIODS[r.nextInt(PERIODS.length)];
            // bar opens on a whole multiple of the period, 1900..2100
            long open = Math.floorDiv(-2_208_988_800_000L + (long) (r.nextDouble() * 6_311_433_600_000L), period) * period;
            Instant t = Instant.ofEpochMilli(open);
            String expected = period >= IsoTime.DAY ? LocalDate.ofInstant(t, ZoneOffset.UTC).toString()
                    : period % 60_000 == 0 ? MINUTES.format(t) : SECONDS.format(t);
            assertThat(IsoTime.readable(open, period)).as("%s at %d ms bars", t, period).isEqualTo(expected);
        }
    }

    @Test
    void writesWhatInstantWritesAndReadsItBack() {
        Random r = new Random(5);
        IsoTime iso = new IsoTime();
        for (int i = 0; i < 100_000; i++) {
            long millis = switch (i % 3) {
                case 0 -> -2_208_988_800_000L + (long) (r.nextDouble() * 6_311_433_600_000L);
                case 1 -> Math.floorDiv(r.nextLong(-2_208_988_800_000L, 4_102_444_800_000L), IsoTime.DAY) * IsoTime.DAY;
                default -> r.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L); // years far beyond 9999 and before 0
            };
            String text = Instant.ofEpochMilli(millis).toString();
            assertThat(iso.toString(millis)).isEqualTo(text);
            assertThat(IsoTime.parse(text)).isEqualTo(millis);
        }
    }

    @Test
    void epochDaysAndValidDatesAgreeWithLocalDate() {
        Random r = new Random(9);
        for (int i = 0; i < 100_000; i++) {
            int year = r.nextInt(0, 10_000), month = r.nextInt(0, 14), day = r.nextInt(0, 33);
            boolean valid;
            long epochDay = 0;
            try {
                epochDay = LocalDate.of(year, month, day).toEpochDay();
                valid = true;
            } catch (java.time.DateTimeException e) {
                valid = false;
            }
            assertThat(IsoTime.isValidDate(year, month, day)).as("%d-%d-%d", year, month, day).isEqualTo(valid);
            if (valid) assertThat(IsoTime.epochDay(year, month, day)).isEqualTo(epochDay);
        }
    }
}
