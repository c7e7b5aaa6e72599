package io.tradeshell.shell.cli;

import io.tradeshell.engine.indicators.library.IndicatorLibrary;
import io.tradeshell.engine.indicators.library.IndicatorLibrary.Listing;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.indicators.IndicatorListing;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell indicators [--json] [FILTER]}: every indicator a script can name, with parameters and defaults. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "List the indicators a strategy can name: the native words (computed natively, checked against ta4j) and"
                + " every ta4j indicator, reached with ta('NAME', ...). Parameters show their defaults; a value without one must be given.",
        footer = {"", "Examples:",
                "  tradeshell indicators",
                "  tradeshell indicators stoch",
                "  tradeshell indicators --json"})
public final class IndicatorsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILTER", description = "Only names containing this text (case ignored).")
    String filter;

    @Option(names = "--json", description = "An array of objects: name, call, params (name, type, default), outputs, native, ta4jClass, description.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Listing> listings = IndicatorLibrary.all().stream().filter(this::matches).toList();
        out.print(json ? IndicatorListing.json(listings) : IndicatorListing.text(listings));
        out.flush();
        return ExitCode.OK;
    }

    private boolean matches(Listing l) {
        return filter == null || l.name().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }
}
