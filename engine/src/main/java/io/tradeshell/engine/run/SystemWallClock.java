package io.tradeshell.engine.run;

/** The machine's clock: the one place the engine reads real time or sleeps. */
enum SystemWallClock implements WallClock {
    INSTANCE;

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        if (millis > 0) Thread.sleep(millis);
    }
}
