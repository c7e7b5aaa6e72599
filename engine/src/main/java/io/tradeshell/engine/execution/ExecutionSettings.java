package io.tradeshell.engine.execution;

import java.util.Objects;

/**
 * How the simulated broker fills orders. The defaults are realistic: next-open fills, 0.1%
 * commission and 5 bps slippage; realism knobs for paper trading (latency, partial fills,
 * random rejections) are off unless asked for.
 *
 * @param latencyMillis     an order becomes active only this long after it is submitted
 * @param maxVolumeShare    the largest share of a bar's or tick's volume one fill may take; 0 means no cap
 * @param rejectProbability chance that the broker rejects a new order, drawn from a generator seeded with {@code seed}
 */
public record ExecutionSettings(FillTiming fillTiming, CommissionModel commission, Slippage slippage,
                                long latencyMillis, double maxVolumeShare, double rejectProbability, long seed) {
    public ExecutionSettings {
        Objects.requireNonNull(fillTiming);
        Objects.requireNonNull(commission);
        Objects.requireNonNull(slippage);
        if (latencyMillis < 0) throw new IllegalArgumentException("latency must be >= 0 ms");
        if (!(maxVolumeShare >= 0 && maxVolumeShare <= 1)) throw new IllegalArgumentException("volume share must be in [0, 1]");
        if (!(rejectProbability >= 0 && rejectProbability < 1)) throw new IllegalArgumentException("reject probability must be in [0, 1)");
    }

    public static ExecutionSettings defaults() {
        return new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
    }

    public ExecutionSettings withFillTiming(FillTiming t) { return new ExecutionSettings(t, commission, slippage, latencyMillis, maxVolumeShare, rejectProbability, seed); }

    public ExecutionSettings withCommission(CommissionModel c) { return new ExecutionSettings(fillTiming, c, slippage, latencyMillis, maxVolumeShare, rejectProbability, seed); }

    public ExecutionSettings withSlippage(Slippage s) { return new ExecutionSettings(fillTiming, commission, s, latencyMillis, maxVolumeShare, rejectProbability, seed); }

    public ExecutionSettings withRealism(long latency, double volumeShare, double reject, long seed) {
        return new ExecutionSettings(fillTiming, commission, slippage, latency, volumeShare, reject, seed);
    }

    /** Whether any paper-trading realism (latency, partial fills, rejections) is on. */
    public boolean hasRealism() { return latencyMillis > 0 || maxVolumeShare > 0 || rejectProbability > 0; }
}
