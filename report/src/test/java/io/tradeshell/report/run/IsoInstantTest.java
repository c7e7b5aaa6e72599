package io.tradeshell.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

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
            assertThat(IsoInstant.toEpochMilli(text)).as(text).isEqualTo(Instant.parse(text).toEpochMilli());
        }
    }

    @Test
    void leapDaysAndOffsets() {
        assertThat(IsoInstant.toEpochMilli("2024-02-29T12:00:00Z")).isEqualTo(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
        assertThat(IsoInstant.toEpochMilli("2013-01-02T01:00:00+01:00")).isEqualTo(Instant.parse("2013-01-02T00:00:00Z").toEpochMilli());
    }

    @Test
    void rejectsWhatInstantParseRejects() {
        assertThatThrownBy(() -> IsoInstant.toEpochMilli("2013-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstant.toEpochMilli("2013-13-02T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstant.toEpochMilli("2013-01-02")).isInstanceOf(DateTimeParseException.class);
    }
}
