package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jline.reader.Candidate;

/** Completion candidates shared by commands and Groovy: file paths, and words with descriptions. */
public final class Completions {
    private Completions() { }

    /**
     * Files and folders whose path starts with {@code partial}, relative to the working folder
     * (or the project's folder when the working folder has nothing there); folders end in '/'
     * and stay open for more typing.
     */
    public static void paths(String partial, Predicate<Path> fileFilter, List<Candidate> out) {
        int slash = partial.lastIndexOf('/');
        String dirPart = slash >= 0 ? partial.substring(0, slash + 1) : "";
        String namePart = slash >= 0 ? partial.substring(slash + 1) : partial;
        Path dir = dirPart.isEmpty() ? Path.of("") : Path.of(dirPart);
        Path base = dir.isAbsolute() || Files.isDirectory(dir.toAbsolutePath()) ? dir : ProjectHome.get().resolve(dir);
        Path listed = base.toString().isEmpty() ? Path.of(".") : base;
        if (!Files.isDirectory(listed)) return;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) continue;
                if (Files.isDirectory(p)) {
                    out.add(new Candidate(dirPart + name + "/", name + "/", null, null, null, null, false));
                } else if (fileFilter.test(p)) {
                    out.add(new Candidate(dirPart + name, name, null, null, null, null, true));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder offers nothing
        }
    }

    public static Predicate<Path> extensions(String... extensions) {
        return p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String e : extensions) if (n.endsWith(e)) return true;
            return false;
        };
    }

    public static final Predicate<Path> DATA_FILES = extensions(".csv", ".json", ".csv.gz", ".json.gz");
    public static final Predicate<Path> SCRIPTS = extensions(".groovy");
}
