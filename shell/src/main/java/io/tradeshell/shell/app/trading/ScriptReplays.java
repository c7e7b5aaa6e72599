package io.tradeshell.shell.app.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.dashboard.Replays;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.EventLog;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.strategy.Overlays;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The dashboard's replays, made by the run service: a paper account's own script copy over its
 * data, backtested as {@code parity} backtests it (its fill settings without the paper
 * realism), or a run's script over the data and parameters its summary names.
 */
public final class ScriptReplays implements Replays {
    private final RunService service;

    public ScriptReplays(RunService service) {
        this.service = service;
    }

    @Override
    public Optional<Replay> replay(Path dir) {
        try {
            if (Files.exists(dir.resolve("session.json"))) return Optional.of(account(dir));
            if (Files.exists(dir.resolve("summary.json"))) return Optional.of(run(dir));
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Replay account(Path dir) {
        SessionConfig config = SessionConfig.read(dir.resolve("session.json"));
        LiveData data = LiveData.load(config, new PrintWriter(new StringWriter()));
        ExecutionSettings fills = config.execution();
        RunSpec spec = new RunSpec(config.script(), service.compile(dir.resolve("strategy.groovy")).withParams(config.params()), data.inputs(),
                fills.withRealism(0, 0, 0, fills.seed()), config.cash(), config.risk(), config.lot(), config.exits());
        return replay(spec);
    }

    /** A run's script, parameters and data as its summary names them; its fills come from its own files. */
    private Replay run(Path dir) throws IOException {
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        List<String> args = new ArrayList<>();
        for (JsonNode d : summary.path("data")) {
            args.add("--data");
            args.add(d.path("symbol").asText() + "=" + ProjectHome.resolve(d.path("file").asText()));
        }
        for (Map.Entry<String, JsonNode> p : summary.path("params").properties()) {
            args.add("--param");
            args.add(p.getKey() + "=" + p.getValue().asText());
        }
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(args.toArray(String[]::new));
        options.lenient = true;
        RunSettings settings = options.settings();
        Path script = ProjectHome.resolve(summary.path("script").asText());
        RunSpec spec = service.spec(script, settings, Map.of(), service.loadData(settings, new PrintWriter(new StringWriter())));
        return replay(spec);
    }

    private static Replay replay(RunSpec spec) {
        EventLog events = new EventLog();
        TradingLoop loop = Backtest.loop(spec, events);
        RunResult result = loop.run();
        BarSeries bars = loop.visibleSeries().get(0);
        List<Line> lines = new ArrayList<>();
        if (loop.strategies().get(0) instanceof Overlays o) {
            for (Overlays.Overlay ov : o.overlays()) {
                double[] v = new double[bars.size()];
                for (int i = 0; i < v.length; i++) v[i] = ov.indicator().value(i);
                lines.add(new Line(ov.name(), v));
            }
        }
        return new Replay(bars, lines, new TradeDiff.Run("backtest", result, events.events()));
    }
}
