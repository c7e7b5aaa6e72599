package io.tradeshell.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.console.Console;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** walkforward.png says what its lines are: one legend entry per kind of line. */
class WalkForwardChartTest {
    @TempDir Path home;

    @Test
    void theChartHasALegendOfTheWindowColoursAndTheirStarts() {
        System.setProperty("tradeshell.home", Path.of("..").toAbsolutePath().normalize().toString());
        StringWriter text = new StringWriter();
        Console console = new Console(new ConsoleSettings(home, false), Output.plain(new PrintWriter(text, true), new PrintWriter(text, true)), Progress.NONE,
                new ReportCharts(), null);
        int code = console.runText("aapl = load('data/aapl_daily_2013.csv'); "
                + "wf = walkforward('sma_crossover', aapl, fast: [5, 10], slow: [20, 30], train: '6m', test: '1m')");
        assertThat(code).as(text.toString()).isZero();
        WalkForwardRun wf = (WalkForwardRun) console.workspace().groovy().variable("wf").orElseThrow();

        XYChart chart = SweepCharts.walkForwardChart(wf.result()).orElseThrow();

        assertThat(chart.getStyler().isLegendVisible()).isTrue();
        List<String> legend = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .filter(n -> !n.isBlank()).toList();
        assertThat(legend).containsExactly("out-of-sample equity, one test window", "out-of-sample equity, the next (colours alternate)",
                "start of a test window");
    }
}
