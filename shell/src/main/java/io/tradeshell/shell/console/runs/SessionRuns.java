package io.tradeshell.shell.console.runs;

import io.tradeshell.engine.run.RunResult;
import io.tradeshell.report.chart.PriceChartInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** This session's runs, numbered from 1 in the order they finished. */
public final class SessionRuns {
    private final List<SessionRun> runs = new ArrayList<>();

    public SessionRun add(RunResult result, Optional<Path> dir) {
        return add(result, dir, Optional.empty());
    }

    public SessionRun add(RunResult result, Optional<Path> dir, Optional<PriceChartInput> price) {
        SessionRun r = new SessionRun(runs.size() + 1, result, dir, price);
        runs.add(r);
        return r;
    }

    public List<SessionRun> all() {
        return List.copyOf(runs);
    }

    public Optional<SessionRun> last() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** The run a reference names: {@code 3}, {@code #3} or {@code last}. */
    public Optional<SessionRun> find(String ref) {
        String r = ref.trim();
        if (r.equals("last")) return last();
        if (r.startsWith("#")) r = r.substring(1);
        try {
            int id = Integer.parseInt(r);
            return id >= 1 && id <= runs.size() ? Optional.of(runs.get(id - 1)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
