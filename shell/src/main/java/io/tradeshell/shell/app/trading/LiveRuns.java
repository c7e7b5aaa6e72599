package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.run.TradingLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The simulated live mode as the headless command and the console run it: the script on its
 * data replayed on a clock, the outputs written and flushed as it goes, risk decisions and fills
 * printed, a status line on terminals.
 */
public final class LiveRuns {
    private final RunService service;

    public LiveRuns(RunService service) {
        this.service = service;
    }

    public RunService.Outcome run(Path script, RunSettings options, LiveSettings live, PrintWriter out, PrintWriter err, BooleanSupplier stop) {
        LiveData data = LiveData.load(options.dataOrDefault(ProjectHome.get()), options.lenient(), options.barPeriod(), err);
        RunSpec spec = service.spec(script, options, Map.of(), data.inputs());
        return run(script, spec, data.feed(), live.speed(), options, live, out, err, stop);
    }

    /** The script on a broker's live prices against the simulated broker, at the market's pace, until stopped. */
    public RunService.Outcome run(Path script, RunSettings options, LiveSettings live, LiveFeed feed, PrintWriter out, PrintWriter err, BooleanSupplier stop) {
        if (!options.data().isEmpty()) throw new IllegalArgumentException("--feed " + feed.source() + " trades on live prices; --data does not apply");
        RunSpec spec = service.spec(script, options, Map.of(), feed.inputs());
        return run(script, spec, feed.feed(), Speed.MAX, options, live, out, err, stop);
    }

    private RunService.Outcome run(Path script, RunSpec spec, Feed feed, Speed speed, RunSettings options, LiveSettings live, PrintWriter out, PrintWriter err,
                                   BooleanSupplier stop) {
        Path dir = options.out().orElseGet(() -> RunService.defaultDir(script));
        StatusLine status = StatusLine.forTerminal(out, "live ");
        status.times().use(spec);
        SessionConsole console = new SessionConsole(out, live.quiet(), status);
        if (!status.enabled()) {
            // on a pipe there is no status line: say that the run is under way, or the output stays empty until the first event
            out.println("live  " + spec.strategy().name() + " at " + speed + ": events are printed as they happen; Ctrl-C stops with a summary");
            out.flush();
        }
        var alerts = SessionAlerts.forSession(spec.strategy().name(), dir, live.alerts(), status.above(err));
        TradingLoop loop = LiveRun.of(spec, feed).speed(speed)
                .recorder(new RunOutputWriter(dir, true))
                .listener(e -> {
                    console.on(e);
                    alerts.on(e);
                })
                .onStatus(status, LiveRun.STATUS_EVERY_MILLIS).stopWhen(stop).loop();
        RunResult result;
        try {
            result = loop.run();
            status.onStatus(loop.status());
        } finally {
            status.finish();
            alerts.close();
        }
        var overlays = RunCharts.overlays(loop);
        RunCharts.writeOverlays(overlays, dir);
        List<Path> charts = options.chartFormat().map(f -> RunCharts.write(result, loop, overlays, dir, f)).orElse(List.of());
        return new RunService.Outcome(result, dir, charts);
    }
}
