package io.tradeshell.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Schedules against periods worked out with the calendar classes: UTC days, weeks from Monday, months. */
class ScheduleTest {
    private static long period(Schedule s, long millis) {
        LocalDate d = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (s) {
            case EVERY_BAR, DAY_START, DAY_END -> d.toEpochDay();
            case WEEK_START, WEEK_END -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
            case MONTH_START, MONTH_END -> d.withDayOfMonth(1).toEpochDay();
        };
    }

    @Test
    void dueExactlyWhenTheCalendarPeriodChanges() {
        Random rnd = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            // from 1960 to 2100, before and after the epoch, steps from a minute to forty days
            long a = -315_619_200_000L + (long) (rnd.nextDouble() * 4_733_000_000_000L);
            long b = a + 60_000L * (1 + rnd.nextInt(57_600));
            for (Schedule s : Schedule.values()) {
                boolean changes = period(s, a) != period(s, b);
                if (s == Schedule.EVERY_BAR) assertThat(s.isDue(a, b, b + 1)).isTrue();
                else if (s.name().endsWith("START")) assertThat(s.isDue(a, b, Long.MAX_VALUE)).as("%s %d %d", s, a, b).isEqualTo(changes);
                else assertThat(s.isDue(Long.MIN_VALUE, a, b)).as("%s %d %d", s, a, b).isEqualTo(changes);
            }
        }
    }
}
