package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.Main;
import io.tradeshell.shell.console.chart.ReportCharts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code save FILE} at a terminal writes the session as a notebook, and {@code tradeshell notebook} runs it to a report. */
class SaveSessionTest {
    @TempDir Path home;
    @TempDir Path dir;
    private ConsoleDriver console;

    @BeforeEach
    void start() throws Exception {
        SampleData.useRepository();
        console = new ConsoleDriver(home, new ReportCharts());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void theSuccessfulStatementsBecomeCellsThatRunAgainToAReport() throws Exception {
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        console.type("closes = aapl.close.last() + 0");
        console.type("nosuchword(3)");                       // fails: left out
        console.type("help run");                            // shows, changes nothing: left out
        console.type("bt = backtest('strategies/sma_crossover.groovy', aapl, fast: 5)");
        console.type("println \"marker ${bt.metrics.trades} trades\"");
        console.type("/java int twice = 21 * 2;");
        Path file = dir.resolve("session.md");

        String saved = console.type("save " + file);

        assertThat(saved).contains("saved 5 statement(s)");
        String notebook = Files.readString(file);
        assertThat(notebook).doesNotContain("nosuchword").doesNotContain("help run").doesNotContain("save ");
        assertThat(notebook.indexOf("aapl = load")).isLessThan(notebook.indexOf("closes ="));
        assertThat(notebook.indexOf("closes =")).isLessThan(notebook.indexOf("bt = backtest"));
        assertThat(notebook).contains("```java\nint twice = 21 * 2\n```");
        assertThat(notebook.split("```groovy", -1)).hasSize(5);

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"notebook", file.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("5 cells");
        String html = Files.readString(dir.resolve("out/session/session.html"));
        // the backtest ran again in the notebook and printed its trade count, as it did at the terminal
        String printed = console.type("println \"marker ${bt.metrics.trades} trades\"").strip();
        assertThat(html).contains(printed);
    }
}
