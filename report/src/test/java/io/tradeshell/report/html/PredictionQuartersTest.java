package io.tradeshell.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.report.chart.ModelAccuracyChart.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionQuartersTest {
    @Test
    void scoredPredictionsAreCountedByCalendarQuarterLeavingOutNaNAndUnknownLabels(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("predictions.csv"), """
                time,probability,up
                2024-01-02T00:00:00Z,0.7,1
                2024-02-01T00:00:00Z,0.4,1
                2024-03-29T00:00:00Z,,1
                2024-04-01T00:00:00Z,0.2,0
                2024-05-01T00:00:00Z,0.5,0
                2024-06-03T00:00:00Z,0.9,
                """);
        // Q1: 0.7 on a rise is a hit, 0.4 on a rise a miss; Q2: 0.2 and 0.5 (not over 0.5) on falls are hits
        assertThat(PredictionQuarters.read(csv)).containsExactly(
                new Window(millis("2024-01-02T00:00:00Z"), millis("2024-02-01T00:00:00Z"), 2, 0.5),
                new Window(millis("2024-04-01T00:00:00Z"), millis("2024-05-01T00:00:00Z"), 2, 1.0));
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
