package io.tradeshell.report;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Test data: the repository's sample files, read with a few lines of plain parsing. */
public final class Fixtures {
    private Fixtures() {}

    /** A file under the repository's data/ folder, whether tests run from the module or the root. */
    public static Path dataFile(String name) {
        for (Path p : List.of(Path.of("../data", name), Path.of("data", name))) {
            if (Files.exists(p)) return p;
        }
        throw new IllegalStateException("sample data file not found: " + name);
    }

    /** AAPL daily bars of 2013 (date,open,high,low,close,volume), times at midnight UTC. */
    public static BarSeries aaplDaily() {
        try {
            List<String> lines = Files.readAllLines(dataFile("aapl_daily_2013.csv"));
            BarSeries s = new BarSeries("AAPL", Duration.ofDays(1), 2, lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                long t = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                s.append(t, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simple moving average of the closes, NaN until {@code n} bars exist. */
    public static double[] sma(BarSeries s, int n) {
        double[] out = new double[s.size()];
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.close(i);
            if (i >= n) sum -= s.close(i - n);
            out[i] = i >= n - 1 ? sum / n : Double.NaN;
        }
        return out;
    }
}
