package io.tradeshell.shell.cli;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.shell.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell synth}: a deterministic geometric-Brownian-motion bar file for scale tests. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate synthetic bars (geometric Brownian motion), the same for the same seed.",
        footer = {"", "Example:", "  tradeshell synth --bars 1000000 --seed 42 --out /tmp/synth_1m.csv"})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--bars", defaultValue = "100000", description = "Number of bars (default 100000).")
    int bars;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--period", defaultValue = "1m", description = "Bar period (default 1m).")
    String period;

    @Option(names = "--start", defaultValue = "2020-01-01T00:00:00Z", description = "First bar's open time (default 2020-01-01T00:00:00Z).")
    String start;

    @Option(names = "--price", defaultValue = "100", description = "Starting price (default 100).")
    double price;

    @Option(names = "--drift", defaultValue = "0.05", description = "Annual drift (default 0.05).")
    double drift;

    @Option(names = "--vol", defaultValue = "0.2", description = "Annual volatility (default 0.2).")
    double vol;

    @Option(names = "--out", required = true, description = "The CSV file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (bars < 1) throw new IllegalArgumentException("--bars must be at least 1, got " + bars);
        BarSeries series = SyntheticBars.generate(seed, bars, BarPeriods.parse(period), Instant.parse(start), price, drift, vol);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        SyntheticBars.writeCsv(series, out);
        spec.commandLine().getOut().printf("wrote %,d bars to %s (seed %d)%n", series.size(), out, seed);
        return ExitCode.OK;
    }
}
