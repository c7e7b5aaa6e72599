package io.tradeshell.report.chart;

/** Switches AWT to headless mode before any chart code touches it, so rendering works on servers. */
public final class Headless {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Headless() {}

    /** Loading this class sets the property; calling this makes the dependency explicit. */
    public static void ensure() {
        // the static initializer did the work
    }
}
