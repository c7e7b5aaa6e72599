package io.tradeshell.shell.console.modes;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.app.trading.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snippet hands {@code parity(...)}: loaded data (its file is replayed as the live feed,
 * trades aggregated into the same bars), the script's params, the run settings (cash,
 * commission, slippage, fill) and the paper session's realism ({@code latencyMs:},
 * {@code volumeShare:}, {@code rejectProb:}, {@code seed:}).
 *
 * @param settings the run settings given, to lay over the session's
 */
public record ParityArgs(Map<String, Object> settings, List<String> params, List<String> data, String bar,
                         long latencyMs, double volumeShare, double rejectProb, long seed) {
    public static final List<String> REALISM = List.of("latencyMs", "volumeShare", "rejectProb", "seed");

    public static ParityArgs read(Map<String, ?> args, List<Dataset> loaded, Map<String, Object> declared, String scriptName) {
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> params = new ArrayList<>();
        long latency = 0, seed = 1;
        double share = 0, reject = 0;
        for (var e : args.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (declared.containsKey(name)) params.add(name + "=" + v);
            else if (name.equals("latencyMs")) latency = number(name, v).longValue();
            else if (name.equals("volumeShare")) share = number(name, v).doubleValue();
            else if (name.equals("rejectProb")) reject = number(name, v).doubleValue();
            else if (name.equals("seed")) seed = number(name, v).longValue();
            else if (SessionDefaults.Setting.find(name).isPresent()) settings.put(name, v);
            else {
                throw new IllegalArgumentException("'" + name + "' is neither a param of " + scriptName + " ("
                        + (declared.isEmpty() ? "it has none" : String.join(", ", declared.keySet())) + ") nor an option ("
                        + String.join(", ", REALISM) + ", cash, commission, slippage, fill)");
            }
        }
        List<String> data = new ArrayList<>();
        String bar = null;
        for (Dataset d : loaded) {
            data.add(d.symbol() + "=" + d.file());
            // trades are replayed into bars of the period they were loaded at
            if (d.loaded().kind() == LoadedSeries.Kind.TICKS) {
                String period = BarPeriods.format(d.bars().period());
                if (bar != null && !bar.equals(period)) throw new IllegalArgumentException("parity replays every trade file into one bar period, got " + bar + " and " + period);
                bar = period;
            }
        }
        return new ParityArgs(settings, params, data, bar, latency, share, reject, seed);
    }

    /** These arguments written into run options that carry the session's settings and {@link #settings}. */
    public void applyTo(RunOptions options) {
        options.params.addAll(params);
        if (!data.isEmpty()) options.data = new ArrayList<>(data);
        if (bar != null) options.bar = bar;
        options.latencyMs = latencyMs;
        options.volumeShare = volumeShare;
        options.rejectProbability = rejectProb;
        options.seed = seed;
    }

    private static Number number(String name, Object v) {
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException(name + ": needs a number, got " + v);
    }
}
