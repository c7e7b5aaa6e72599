package io.tradeshell.engine.run;

import io.tradeshell.engine.data.DateRanges;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** States a run's assumptions in words, so nobody mistakes an optimistic run for a realistic one. */
final class Assumptions {
    private Assumptions() { }

    static List<String> describe(RunSpec spec, int warmup, String mode) {
        return describe(spec, warmup, mode, Optional.empty());
    }

    /** @param venue the broker whose own fills the run booked, if it was not the simulated one */
    static List<String> describe(RunSpec spec, int warmup, String mode, Optional<String> venue) {
        ExecutionSettings x = spec.execution();
        List<String> out = new ArrayList<>();
        if (spec.strategy().trusted()) {
            out.add("TRUSTED: the strategy script ran outside the sandbox (--trust), with access to files, the network and state"
                    + " left by other runs, so nothing guarantees it traded only on what it could have known.");
        }
        if (venue.isPresent()) {
            out.add("Orders went to " + venue.get() + ": every fill, its price and its fees are " + venue.get() + "'s own, as it reported them;"
                    + " the simulated execution model (fill timing, slippage, commission, latency) did not apply."
                    + " What the fills cost against each order's arrival price is measured in tca.jsonl.");
            addRest(out, spec, warmup);
            return out;
        }
        if (x.fillTiming() == FillTiming.CLOSE) {
            out.add("OPTIMISTIC: market orders fill at the close of the bar that decided them, a price nobody could trade at once it was known.");
        } else {
            out.add("Rules are evaluated on each bar's close; market orders fill at the next bar's open.");
        }
        out.add("Limit and stop orders fill from the next bar on, at their price when a bar reaches it or at the open when it gaps through; protective stops placed on an entry fill work from the bar after it. Within a bar, orders the open executes come first; when a bar reaches both a stop and a limit, the stop is assumed to be reached first.");
        if (!x.slippage().source().isEmpty()) out.add("Slippage of %s bps, measured: %s.".formatted(trim(Math.round(x.slippage().bps() * 100) / 100.0), x.slippage().source())); // rounded for reading only
        else out.add(x.slippage().bps() == 0 ? "No slippage: fills are at the quoted prices (optimistic)."
                : "Slippage of %s bps against every market and stop fill.".formatted(trim(x.slippage().bps())));
        out.add(switch (x.commission()) {
            case CommissionModel.PercentOfNotional p -> p.rate() == 0 ? "No commission (optimistic)."
                    : "Commission of %s%% of each fill's notional.".formatted(trim(p.rate() * 100));
            case CommissionModel.PerShare s -> "Commission of %s per unit, at least %s per order.".formatted(trim(s.perShare()), trim(s.minimum()));
            case CommissionModel.PerOrder o -> "Commission of %s per order.".formatted(trim(o.fee()));
        });
        addRest(out, spec, warmup, mode);
        return out;
    }

    /** The lines the simulated broker's model does not change: warm-up, default exits, the end, the data's notes. */
    private static void addRest(List<String> out, RunSpec spec, int warmup) {
        out.add(warmupLine(warmup));
        exits(out, spec);
        out.add(OPEN_AT_END);
        for (DataInput d : spec.data()) out.addAll(d.notes());
    }

    private static final String OPEN_AT_END = "A position still open at the end is marked to the last close and reported as open, not as a trade.";

    private static String warmupLine(int warmup) {
        return warmup > 0 ? "The first %d bars are warm-up: no entry is taken before every indicator the rules use is stable.".formatted(warmup)
                : "No warm-up bars: the rules use no indicator that needs history.";
    }

    private static void exits(List<String> out, RunSpec spec) {
        spec.exits().stopLoss().ifPresent(o -> out.add("Every position gets a stop-loss " + offset(o) + " from its entry price unless the script sets its own."));
        spec.exits().takeProfit().ifPresent(o -> out.add("Every position gets a take-profit " + offset(o) + " from its entry price unless the script sets its own."));
    }

    private static void addRest(List<String> out, RunSpec spec, int warmup, String mode) {
        ExecutionSettings x = spec.execution();
        out.add(warmupLine(warmup));
        if (x.latencyMillis() > 0) {
            out.add("Orders become active %d ms after they are sent; a change to a working order (a trailing stop moving) takes effect after the same delay, the order working on its old terms until then."
                    .formatted(x.latencyMillis()));
        }
        if (x.maxVolumeShare() > 0) out.add("A fill takes at most %s%% of a bar's or tick's volume; the rest waits.".formatted(trim(100 * x.maxVolumeShare())));
        if (x.rejectProbability() > 0) out.add("The broker rejects %s%% of new orders at random (seed %d).".formatted(trim(100 * x.rejectProbability()), x.seed()));
        exits(out, spec);
        if (!mode.equals("backtest")) {
            out.add("The feed is replayed on a clock: a bar reaches the strategy when it closes"
                    + (x.latencyMillis() > 0 ? ", and orders reach the market after the latency above." : ", as in a backtest."));
        }
        out.add(OPEN_AT_END);
        DateRanges.noOverlapWarning(spec.data().stream().map(DataInput::bars).toList())
                .ifPresent(w -> out.add("Warning: " + w + "; the run never holds them together."));
        out.add("A cash account: a fill may not take gross exposure above equity x " + trim(leverage(spec))
                + " (max leverage); an order beyond it is cut to the lots that fit, or rejected when none does; equity at zero or below halts trading.");
        for (DataInput d : spec.data()) out.addAll(d.notes());
    }

    private static double leverage(RunSpec spec) {
        double l = spec.effectiveRisk().maxLeverage();
        return l > 0 ? l : 1;
    }

    private static String offset(io.tradeshell.engine.strategy.ExitPlan.Offset o) {
        return switch (o) {
            case io.tradeshell.engine.strategy.ExitPlan.Offset.Percent p -> trim(Math.round(1e8 * p.fraction()) / 1e6) + "%";
            case io.tradeshell.engine.strategy.ExitPlan.Offset.Points p -> p.multiple() + " x " + p.distance();
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
