package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.Main;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradeshell -c 'cmd; cmd'} and {@code tradeshell < file}: plain output, non-zero exit when a statement failed. */
class BatchConsoleTest {
    @TempDir Path home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void repository() {
        SampleData.useRepository();
    }

    private int main(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void commandsRunInOrderAndPrintPlainText() {
        int code = main("--home", home.toString(), "-c",
                "aapl = load('data/aapl_daily_2013.csv'); aapl.size(); data describe aapl; r = rsi(aapl, 14); r");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("aapl ==> AAPL: 252 bars", "\n252\n", "252 of 1d", "RSI(close, 14) on AAPL");
        assertThat(out.toString() + err).doesNotContain("\u001b");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyStatementRunsAndTheExitCodeIsTheFirstFailures() {
        int code = main("--home", home.toString(), "-c", "1 + 1; nosuch; data load no/such/file.csv; 2 + 2");
        assertThat(code).isEqualTo(ExitCode.SCRIPT_ERROR);
        assertThat(out.toString()).isEqualTo("2\n4\n");
        assertThat(err.toString()).contains("error: unknown name 'nosuch'").contains("error: ").doesNotContain("\tat ");
    }

    @Test
    void badInputExitsWithTheBadInputCode() {
        assertThat(main("--home", home.toString(), "-c", "data load no/such/file.csv")).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void semicolonsInsideBracesAndStringsDoNotSplitStatements() {
        int code = main("--home", home.toString(), "-c", "s = 'a;b'; t = 0; for (i in 1..3) { t += i; }; s + t");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).endsWith("a;b6\n");
    }

    @Test
    void linesFromAFileJoinWhileBracketsAreOpen() {
        Console console = new Console(new ConsoleSettings(home, false), Output.plain(new PrintWriter(out, true), new PrintWriter(err, true)),
                Progress.NONE, new ReportCharts(), null);
        String script = """
                # a session kept in a file
                def sq(x) {
                    x * x
                }
                sq(12)
                aapl = load(
                    'data/aapl_daily_2013.csv')
                aapl.close.last()
                """;
        assertThat(console.runLines(new BufferedReader(new StringReader(script)))).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("""
                defined sq(x)
                144
                aapl ==> AAPL: 252 bars of 1d, 2013-01-02 .. 2013-12-31 (%s)
                561.02
                """.formatted(io.tradeshell.shell.app.trading.ProjectHome.display(SampleData.AAPL)));
    }

    @Test
    void exitEndsAScriptEarlyWithItsCode() {
        int code = main("--home", home.toString(), "-c", "1; exit 4; 2");
        assertThat(code).isEqualTo(4);
        assertThat(out.toString()).isEqualTo("1\n");
    }

    @Test
    void sourceRunsAFileAndFailsNamingTheLineOfTheFirstFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.tsh");
        java.nio.file.Files.writeString(file, "x = 20\ny = x + 1\nbroken(\n)\nz = y * 2\n");
        int code = main("--home", home.toString(), "-c", "source " + file + "; z");
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString()).contains("x ==> 20", "y ==> 21", "z ==> 42", "\n42\n");
        assertThat(err.toString()).contains("unknown function 'broken'").contains(file.getFileName() + ":3: 1 of 4 statement(s) failed");
    }
}
