package io.tradeshell.shell.app;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.StrategyBinder;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a sweep from command options, the same way for {@code optimize}, {@code walkforward}
 * and the console: the script compiled once, the data loaded once and shared by every
 * combination, and each {@code --param} read as a range, a list or a fixed value.
 */
public final class SweepSetup {
    private SweepSetup() { }

    /** The request for {@code script} with these options; {@code --out} defaults to {@code runs/NAME-KIND-TIME}. */
    public static OptimizeRequest request(RunService service, Path script, RunSettings run, SweepSettings sweep, String kind, PrintWriter err) {
        ParamSpace space = ParamSpace.parse(run.params());
        service.sandbox(run);
        CompiledScript compiled = service.compile(script);
        List<DataInput> data = service.loadData(run, err);
        Path out = run.out().orElseGet(() -> defaultDir(script, kind));
        return request(script, compiled, space, run, sweep, data, Optional.of(out));
    }

    /**
     * The request over data already loaded (the console's): {@code space} as given, and files
     * written to {@code out} if present.
     */
    public static OptimizeRequest request(RunService service, Path script, ParamSpace space, RunSettings run, SweepSettings sweep,
                                          List<DataInput> data, Optional<Path> out) {
        service.sandbox(run);
        return request(script, service.compile(script), space, run, sweep, data, out);
    }

    private static OptimizeRequest request(Path script, CompiledScript compiled, ParamSpace space, RunSettings run,
                                           SweepSettings sweep, List<DataInput> data, Optional<Path> out) {
        StrategyBinder binder = binder(compiled, script);
        RunSpec base = new RunSpec(ProjectHome.display(script), compiled.withParams(Map.of()), data, run.execution(), run.cash(), run.risk(), run.lot(),
                run.exits());
        return OptimizeRequest.of(base, binder, space).withConstraint(sweep.constraint()).withObjective(sweep.objective())
                .withSearch(sweep.search()).withThreads(sweep.threads()).withOut(out.orElse(null)).withResume(sweep.resume())
                .withMinTrades(sweep.minTrades()).withTop(sweep.top());
    }

    /** Where a sweep's files go by default: {@code runs/NAME-KIND-TIME}. */
    public static Path defaultDir(Path script, String kind) {
        String name = script.getFileName().toString().replaceFirst("\\.groovy$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        return Path.of("runs", name + "-" + kind + "-" + stamp);
    }

    /** A compiled script as the optimiser binds it: its own parameter checks, and its file's hash for resumes. */
    public static StrategyBinder binder(CompiledScript compiled, Path script) {
        return StrategyBinder.of(compiled.fileName(), compiled.defaults(), sha256(script), compiled::withParams);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
