package io.tradeshell.report.chart;

import javax.imageio.ImageIO;

/**
 * Switches AWT to headless mode before any chart code touches it, so rendering works on servers.
 * It also turns off ImageIO's disk cache: charts are encoded in memory, and the cache registers a
 * shutdown hook per stream, which fails while the JVM is stopping (a live run's charts after Ctrl-C).
 */
public final class Headless {
    static {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
    }

    private Headless() {}

    /** Loading this class sets the property; calling this makes the dependency explicit. */
    public static void ensure() {
        // the static initializer did the work
    }
}
