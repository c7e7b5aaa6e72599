package io.tradeshell.engine.clock;

/** The only source of time in the engine, so every mode, and every test, controls it. */
public interface Clock {
    /** Now, in epoch millis. */
    long now();
}
