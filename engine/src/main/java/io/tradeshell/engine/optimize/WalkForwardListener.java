package io.tradeshell.engine.optimize;

/** Told how a walk-forward goes: window by window, and row by row inside each training sweep. */
public interface WalkForwardListener extends SweepListener {
    WalkForwardListener NONE = new WalkForwardListener() { };

    default void onWindowStart(WalkForwardWindow window, int windows) { }

    default void onWindowDone(WindowResult result, int windows) { }

    @Override
    default void onRow(SweepProgress progress, SweepRow row) { }
}
