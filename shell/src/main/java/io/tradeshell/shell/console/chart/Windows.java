package io.tradeshell.shell.console.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens an image in the desktop's own viewer, when there is a desktop. */
public final class Windows {
    private Windows() { }

    /** Whether a window could be shown: a display on Linux, or macOS or Windows. */
    public static boolean available() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) return true;
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    public static void open(Path image) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", image.toString())
                : os.contains("win") ? List.of("cmd", "/c", "start", "", image.toString())
                : List.of("xdg-open", image.toString());
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
