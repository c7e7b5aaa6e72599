package io.tradeshell.shell.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample daily bars, read line by line in the test, independently of the engine's loader. */
final class SampleData {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path AAPL = ROOT.resolve("data/aapl_daily_2013.csv");

    record Row(String date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume) { }

    private SampleData() { }

    static List<Row> aapl() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(AAPL);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            rows.add(new Row(f[0], new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]), Long.parseLong(f[5])));
        }
        return rows;
    }

    /** Points the console at the repository's data and strategies, as the launcher does. */
    static void useRepository() {
        System.setProperty("tradeshell.home", ROOT.toString());
    }
}
