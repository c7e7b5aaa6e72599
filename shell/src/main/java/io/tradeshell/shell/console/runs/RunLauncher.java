package io.tradeshell.shell.console.runs;

import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.shell.app.trading.RunCharts;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the session's backtests with a progress line and Ctrl-C to stop, and keeps their results. */
public final class RunLauncher {
    private final RunService service;
    private final SessionRuns runs;
    private final StopSignal stop;
    private final Progress progress;

    public RunLauncher(RunService service, SessionRuns runs, StopSignal stop, Progress progress) {
        this.service = service;
        this.runs = runs;
        this.stop = stop;
        this.progress = progress;
    }

    /** A backtest as the headless {@code run} makes it: output files in a run folder. */
    public SessionRun withOutputs(Path script, RunSettings options, List<DataInput> data) {
        return guarded(script, data, task -> {
            RunService.Outcome o = service.backtest(script, options, data, stop::requested, task);
            return runs.add(o.result(), Optional.of(o.dir()));
        });
    }

    /** A backtest kept in memory, with parameters given as values. */
    public SessionRun inMemory(Path script, RunSettings options, Map<String, ?> params, List<DataInput> data) {
        return guarded(script, data, task -> {
            RunSpec spec = service.spec(script, options, params, data);
            TradingLoop loop = service.inMemoryLoop(spec).onStopRequest(stop::requested).onProgress(task);
            RunResult result = loop.run();
            SessionRun run = runs.add(result, Optional.empty(), priceChart(result, loop));
            if (result.stoppedEarly()) {
                // a snippet looping over backtests ends here rather than starting the next one
                throw new StoppedException(String.format("stopped by Ctrl-C after %,d bars; what ran is kept as #%d", result.bars(), run.id()));
            }
            return run;
        });
    }

    /** Bars up to this many keep their price chart's overlays; beyond, the chart is drawn without them. */
    private static final int KEEP_OVERLAYS_UP_TO = 200_000;

    private static Optional<PriceChartInput> priceChart(RunResult result, TradingLoop loop) {
        BarSeries visible = loop.visibleSeries().get(0);
        if (visible.size() > KEEP_OVERLAYS_UP_TO) return Optional.empty();
        BarSeries all = result.spec().data().get(0).bars();
        // the run's own copy of the bars is dropped when the data's series holds the same bars
        BarSeries bars = visible.size() == all.size() ? all : visible;
        PriceChartInput p = RunCharts.priceInput(result, visible, loop.strategies().get(0));
        return Optional.of(new PriceChartInput(p.symbol(), bars, p.overlays(), p.markers()));
    }

    private interface Body {
        SessionRun run(Progress.Task task);
    }

    private SessionRun guarded(Path script, List<DataInput> data, Body body) {
        if (stop.requested()) throw new StoppedException("stopped (Ctrl-C)");
        long total = data.stream().mapToLong(d -> d.bars().size()).sum();
        stop.runStarted();
        try (Progress.Task task = progress.start(total, String.valueOf(script.getFileName()))) {
            return body.run(task);
        } finally {
            stop.runEnded();
        }
    }
}
