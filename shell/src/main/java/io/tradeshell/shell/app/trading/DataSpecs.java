package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.data.DateRanges;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.data.SkippedRow;
import io.tradeshell.engine.run.DataInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code --data [SYMBOL=]FILE} specs (FILE may be a folder or a glob over file names,
 * see {@link DataGlobs}) and loads each file once.
 */
public final class DataSpecs {
    private DataSpecs() { }

    public record Spec(Optional<String> symbol, Path file) {
        public static Spec parse(String text) {
            int eq = text.indexOf('=');
            if (eq > 0 && !text.substring(0, eq).contains("/")) {
                return new Spec(Optional.of(text.substring(0, eq).trim()), Path.of(text.substring(eq + 1).trim()));
            }
            return new Spec(Optional.empty(), Path.of(text));
        }
    }

    /**
     * Loads every spec; lenient loads report their skipped rows on {@code err}, and symbols
     * whose date ranges do not overlap are warned about there.
     */
    public static List<DataInput> load(List<String> specs, boolean lenient, Optional<Duration> bar, PrintWriter err) {
        List<DataInput> out = new ArrayList<>();
        for (Spec spec : expand(specs)) {
            LoadOptions options = new LoadOptions(lenient, bar, spec.symbol());
            LoadedSeries loaded = MarketData.load(spec.file(), options);
            reportSkipped(loaded, err);
            out.add(new DataInput(loaded.series(), ProjectHome.display(spec.file()), loaded.sha256(), loaded.notes()));
        }
        warnIfApart(out, err);
        return out;
    }

    /** The specs with every folder and glob replaced by the files it names. */
    public static List<Spec> expand(List<String> specs) {
        List<Spec> out = new ArrayList<>();
        for (String text : specs) out.addAll(DataGlobs.expand(text));
        return out;
    }

    /** Warns, in one line, when the symbols' date ranges have no time in common. */
    static void warnIfApart(List<DataInput> inputs, PrintWriter err) {
        DateRanges.noOverlapWarning(inputs.stream().map(DataInput::bars).toList()).ifPresent(w -> {
            err.println("warning: " + w);
            err.flush();
        });
    }

    static void reportSkipped(LoadedSeries loaded, PrintWriter err) {
        List<SkippedRow> skipped = loaded.skipped();
        if (skipped.isEmpty()) return;
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < Math.min(skipped.size(), 20); k++) {
            if (k > 0) lines.append(", ");
            lines.append(skipped.get(k).line());
        }
        if (skipped.size() > 20) lines.append(", ...");
        err.println("warning: " + loaded.file() + ": skipped " + skipped.size() + " bad row(s) (--lenient) at line(s) " + lines
                + "; first: " + skipped.get(0).reason());
        err.flush();
    }
}
