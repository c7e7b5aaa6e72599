package io.tradeshell.engine.optimize;

/** Told about each finished combination, in plan order, on the thread that called the optimiser. */
public interface SweepListener {
    SweepListener NONE = (progress, row) -> { };

    void onRow(SweepProgress progress, SweepRow row);

    /** Polled between combinations: true stops the sweep after the ones already started. */
    default boolean stopRequested() { return false; }
}
