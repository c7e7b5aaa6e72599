package io.tradeshell.shell.app.trading;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled strategies and sample data live: the launcher's folder, or the working directory. */
public final class ProjectHome {
    private ProjectHome() { }

    public static Path get() {
        String home = System.getProperty("tradeshell.home", System.getenv("TRADESHELL_HOME"));
        return home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    /** A path as the user would type it: relative when it is under the working directory. */
    public static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Resolves a user path: as given if it exists, else relative to the project home. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || Files.exists(p)) return p;
        Path inHome = get().resolve(path);
        return Files.exists(inHome) ? inHome : p;
    }
}
