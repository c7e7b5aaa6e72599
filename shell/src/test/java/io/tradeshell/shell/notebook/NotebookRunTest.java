package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.Main;
import io.tradeshell.shell.console.Console;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradeshell notebook}: cells run in one session, each with its output under it in the HTML page and the Markdown copy. */
class NotebookRunTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir Path dir;

    record Outcome(int code, String out, String err) { }

    @BeforeAll
    static void repository() {
        System.setProperty("tradeshell.home", ROOT.toString());
    }

    static Outcome notebook(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("notebook"));
        all.addAll(List.of(args));
        int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The first three rows of the sample data, read here line by line. */
    private static List<String[]> firstRows() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("data/aapl_daily_2013.csv"));
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, 4)) rows.add(l.split(","));
        return rows;
    }

    private static final String GOOD = """
            # A small study

            Load the data and show its first bars.

            ```groovy
            aapl = load('data/aapl_daily_2013.csv')
            println 'marker-one'
            aapl.head(3)
            ```

            Java sees what Groovy loaded.

            ```java
            System.out.println("marker-two " + aapl.size());
            ```

            A backtest and two charts.

            ```groovy
            bt = backtest('sma_crossover', aapl, fast: 5)
            chart(bt)
            println 'marker-three'
            plot(aapl, sma(aapl, 20))
            ```
            """;

    @Test
    void everyCellsOutputIsUnderItInBothReportsWithTablesAndChartsInPlace() throws Exception {
        Path nb = write("study.md", GOOD);
        Path out = dir.resolve("report");
        Outcome r = notebook(nb.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("3 cells").contains("cell 3").contains("2 charts").contains("study.html");

        String html = Files.readString(out.resolve("study.html"));
        String md = Files.readString(out.resolve("study.md"));
        int rows = Files.readAllLines(ROOT.resolve("data/aapl_daily_2013.csv")).stream().skip(1).mapToInt(l -> l.isBlank() ? 0 : 1).sum();
        // each output sits after its own cell's code and before the next cell's
        assertThat(cellOf(html, "marker-one")).isEqualTo(1);
        assertThat(cellOf(html, "marker-two " + rows)).isEqualTo(2);
        assertThat(cellOf(html, "marker-three")).isEqualTo(3);
        assertThat(md.indexOf("\nmarker-one")).isGreaterThan(md.indexOf("println 'marker-one'")).isLessThan(md.indexOf("```java"));
        assertThat(md.indexOf("marker-two " + rows)).isGreaterThan(md.indexOf("```java")).isLessThan(md.indexOf("bt = backtest("));
        assertThat(md.indexOf("\nmarker-three")).isGreaterThan(md.indexOf("println 'marker-three'"));
        // the head of the data is a table, its rows the file's first rows
        Matcher table = Pattern.compile("<table class=\"grid\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertThat(table.find()).isTrue();
        for (String[] row : firstRows()) {
            assertThat(table.group(1)).contains("<td>" + row[0] + "</td>").contains(">" + row[4] + "</td>");
            assertThat(md).contains("| " + row[0] + " | " + row[1] + " |");
        }
        assertThat(md).contains("| time | open | high | low | close | volume |", "| --- | ---: | ---: | ---: | ---: | ---: |");

        // two charts, drawn in cell 3, as PNG files the pages point to, the text between them in order
        List<Path> images;
        try (var files = Files.list(out.resolve("images"))) {
            images = files.sorted().toList();
        }
        assertThat(images).extracting(p -> p.getFileName().toString()).containsExactly("cell03-1-run1-equity.png", "cell03-2-plot-aapl.png");
        for (Path p : images) {
            assertThat(Files.size(p)).isGreaterThan(1000);
            assertThat(Files.readAllBytes(p)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            String ref = "images/" + p.getFileName();
            assertThat(html).contains("<img src=\"" + ref + "\"");
            assertThat(md).contains("](" + ref + ")");
        }
        assertThat(md.indexOf("cell03-1-run1-equity.png")).isLessThan(md.indexOf("\nmarker-three"));
        assertThat(md.indexOf("\nmarker-three")).isLessThan(md.indexOf("cell03-2-plot-aapl.png"));
        // the Markdown copy keeps the notebook's text, its own lines in order
        int at = 0;
        for (String line : GOOD.lines().toList()) {
            int found = md.indexOf(line, at);
            assertThat(found).as("line '%s'", line).isGreaterThanOrEqualTo(0);
            at = found + line.length();
        }
    }

    /** The cell whose outputs hold {@code text} (not its code): the number of the cell section it is in. */
    private static int cellOf(String html, String text) {
        Pattern section = Pattern.compile("<section class=\"cell[^\"]*\" id=\"cell-(\\d+)\">");
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
            Matcher m = section.matcher(html);
            int cell = 0, start = -1;
            while (m.find() && m.start() < at) {
                cell = Integer.parseInt(m.group(1));
                start = m.start();
            }
            int outputs = html.indexOf("<div class=\"outputs\">", start);
            if (start >= 0 && outputs >= 0 && outputs < at) return cell;
        }
        throw new AssertionError("'" + text + "' is in no cell's outputs");
    }

    private static final String FAILING = """
            # Failing

            ```groovy
            x = 20
            println 'before-' + x
            ```

            ```groovy
            y = x + 1
            nosuch + 1
            println 'after-' + 'the-error'
            ```

            ```groovy
            println 'third-cell-' + y
            ```
            """;

    @Test
    void aFailingCellShowsItsErrorInPlaceAndEndsTheRunWithItsExitCode() throws Exception {
        Path nb = write("failing.md", FAILING);
        Path out = dir.resolve("stop");
        Outcome r = notebook(nb.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.SCRIPT_ERROR);
        // 'nosuch + 1' is line 10 of the file
        assertThat(r.err()).contains("failing.md:10: cell 2 failed: unknown name 'nosuch'");
        assertThat(r.out()).contains("1 cell not run");
        String html = Files.readString(out.resolve("failing.html"));
        String md = Files.readString(out.resolve("failing.md"));
        assertThat(html).contains("before-20").contains("failed at line 10").contains("error: unknown name &#39;nosuch&#39;")
                .contains("not run: an earlier cell failed").doesNotContain("after-the-error").doesNotContain("third-cell-2");
        assertThat(cellOf(html, "error: unknown name")).isEqualTo(2);
        assertThat(md).contains("**Cell 2 failed at line 10:** unknown name 'nosuch'").contains("Cell 3 did not run")
                .doesNotContain("third-cell-2");
    }

    @Test
    void keepGoingRunsTheCellsAfterAFailureAndStillExitsWithItsCode() throws Exception {
        Path nb = write("failing.md", FAILING);
        Path out = dir.resolve("go");
        Outcome r = notebook(nb.toString(), "--out", out.toString(), "--keep-going");
        assertThat(r.code()).isEqualTo(ExitCode.SCRIPT_ERROR);
        String md = Files.readString(out.resolve("failing.md"));
        // the failing cell stops at its error; the next cell runs and sees what ran before it
        assertThat(md).contains("before-20").contains("third-cell-21").doesNotContain("after-the-error").doesNotContain("did not run");
        assertThat(md.indexOf("third-cell-21")).isGreaterThan(md.indexOf("println 'third-cell-'"));
    }

    @Test
    void theConsoleRunsANotebookInASessionOfItsOwn() throws Exception {
        Path nb = write("study.md", GOOD);
        Path out = dir.resolve("from-console");
        StringWriter text = new StringWriter(), err = new StringWriter();
        Console console = new Console(new ConsoleSettings(dir.resolve("home"), false),
                Output.plain(new PrintWriter(text, true), new PrintWriter(err, true)), Progress.NONE, new ReportCharts(), null);
        console.add(new NotebookConsoleCommand(console.settings().home(), console.stop(), console.output()));
        assertThat(console.runText("notebook " + nb + " --out " + out)).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.toString()).contains("cell 3").contains("report   ");
        assertThat(out.resolve("study.html")).exists();
        // the notebook's variables stay in its own session
        assertThat(console.workspace().groovyStarted() && console.workspace().groovy().variable("aapl").isPresent()).isFalse();

        Path failing = write("failing.md", FAILING);
        assertThat(console.runText("notebook " + failing + " --out " + dir.resolve("f"))).isEqualTo(ExitCode.SCRIPT_ERROR);
        assertThat(err.toString()).contains("failing.md:10: cell 2 failed: unknown name 'nosuch'");
    }

    @Test
    void aMissingNotebookIsBadInput() {
        Outcome r = notebook(dir.resolve("nothing.md").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("no notebook");
    }

    @Test
    void rawHtmlInProseIsShownAsTextAndScriptLinksAreDefused() throws Exception {
        Path nb = write("prose.md", """
                # Study <b>bold</b>

                Before <script>alert('prose')</script> after, and [a link](javascript:alert(1)).

                <div onclick="alert(2)">block</div>

                ```groovy
                println 'cell-ran'
                ```
                """);
        Path out = dir.resolve("prose");
        Outcome r = notebook(nb.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        String html = Files.readString(out.resolve("prose.html"));
        assertThat(html).contains("&lt;script&gt;alert(").contains("&lt;div onclick=").contains("&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>alert(").doesNotContain("<div onclick").doesNotContain("href=\"javascript:")
                .contains("cell-ran");
    }
}
