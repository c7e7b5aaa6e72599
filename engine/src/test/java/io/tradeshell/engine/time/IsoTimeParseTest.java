package io.tradeshell.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeParseTest {

    @Test
    void agreesWithInstantParseOnManyInstants() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            // 1900..2100, with whole seconds, millis and nanos so every fraction length occurs
            long seconds = -2_208_988_800L + (long) (r.nextDouble() * 6_311_433_600L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(IsoTime.parse(text)).as(text).isEqualTo(Instant.parse(text).toEpochMilli());
        }
    }

    @Test
    void leapDaysAndOffsets() {
        assertThat(IsoTime.parse("2024-02-29T12:00:00Z")).isEqualTo(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
        assertThat(IsoTime.parse("2013-01-02T01:00:00+01:00")).isEqualTo(Instant.parse("2013-01-02T00:00:00Z").toEpochMilli());
    }

    @Test
    void rejectsWhatInstantParseRejects() {
        assertThatThrownBy(() -> IsoTime.parse("2013-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTime.parse("2013-13-02T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTime.parse("2013-01-02")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void readsBackWhatItWrites() {
        IsoTime writer = new IsoTime();
        for (long t : new long[] {0, 1_357_084_800_000L, 1_357_135_805_250L, -86_400_001L}) {
            assertThat(IsoTime.parse(writer.toString(t))).isEqualTo(t);
        }
    }

    @Test
    void readableTimesKeepThePrecisionTheyNeed() {
        long midnight = Instant.parse("2013-01-02T00:00:00Z").toEpochMilli();
        long halfPastTwo = Instant.parse("2013-01-02T14:30:00Z").toEpochMilli();
        long withSeconds = Instant.parse("2013-01-02T14:30:05Z").toEpochMilli();
        assertThat(IsoTime.readable(midnight)).isEqualTo("2013-01-02");
        assertThat(IsoTime.readable(halfPastTwo)).isEqualTo("2013-01-02 14:30");
        assertThat(IsoTime.readable(withSeconds)).isEqualTo("2013-01-02 14:30:05");
        assertThat(IsoTime.date(withSeconds)).isEqualTo("2013-01-02");
        assertThat(IsoTime.minute(withSeconds)).isEqualTo("2013-01-02 14:30");
        // bars below a day show their time even at midnight; second bars show seconds
        assertThat(IsoTime.readable(midnight, 60_000)).isEqualTo("2013-01-02 00:00");
        assertThat(IsoTime.readable(midnight, IsoTime.DAY)).isEqualTo("2013-01-02");
        assertThat(IsoTime.readable(halfPastTwo, 1000)).isEqualTo("2013-01-02 14:30:00");
        assertThat(IsoTime.readable(Instant.parse("1969-12-31T23:59:00Z").toEpochMilli())).isEqualTo("1969-12-31 23:59");
    }
}
