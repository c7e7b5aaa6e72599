package io.tradeshell.report.html;

import io.tradeshell.report.chart.ModelAccuracyChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's scored predictions ({@code predictions.csv}: {@code time,probability,up}) grouped by
 * UTC calendar quarter, for a model with no retrainings to mark its time (an imported one): a
 * prediction over 0.5 is a hit when the label came true, one at or under 0.5 when it did not.
 */
final class PredictionQuarters {
    private PredictionQuarters() {}

    static List<ModelAccuracyChart.Window> read(Path csv) throws IOException {
        List<ModelAccuracyChart.Window> out = new ArrayList<>();
        int quarter = Integer.MIN_VALUE, n = 0, hits = 0;
        long from = 0, to = 0;
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[1].isEmpty() || f[2].isEmpty()) continue;
            long time = Instant.parse(f[0]).toEpochMilli();
            ZonedDateTime t = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC);
            int q = t.getYear() * 4 + (t.getMonthValue() - 1) / 3;
            if (q != quarter) {
                if (n > 0) out.add(new ModelAccuracyChart.Window(from, to, n, (double) hits / n));
                quarter = q;
                n = hits = 0;
                from = time;
            }
            to = time;
            n++;
            if ((Double.parseDouble(f[1]) > 0.5) == f[2].equals("1")) hits++;
        }
        if (n > 0) out.add(new ModelAccuracyChart.Window(from, to, n, (double) hits / n));
        return out;
    }
}
