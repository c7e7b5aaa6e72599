package io.tradeshell.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only folders a URL can reach, each under a short name: {@code home} (accounts), {@code
 * runs} (the runs folder) and, when the dashboard was opened on one, {@code run}. A URL names a
 * folder as {@code NAME/relative/path}; anything with {@code ..}, an absolute part or a
 * symbolic link leading out of its root names nothing.
 */
public final class Folders {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._=+,@-]{0,200}");
    private final Map<String, Path> roots = new LinkedHashMap<>();

    public Folders root(String name, Path dir) {
        roots.put(name, dir.toAbsolutePath().normalize());
        return this;
    }

    Map<String, Path> roots() { return roots; }

    /** The folder a URL names, if it is a real folder inside its root (after following links). */
    public Optional<Path> folder(String ref) {
        return resolve(ref).filter(Files::isDirectory);
    }

    /** A file of a folder the URL names: only a plain name, inside the folder. */
    public Optional<Path> file(String ref, String name) {
        if (name == null || !SEGMENT.matcher(name).matches() || name.contains("..")) return Optional.empty();
        return folder(ref).map(d -> d.resolve(name)).filter(p -> inside(p, ref)).filter(Files::isRegularFile);
    }

    /** How a folder is named in URLs, if it lies inside a root. */
    public Optional<String> ref(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> r : roots.entrySet()) {
            if (abs.startsWith(r.getValue())) {
                String rel = r.getValue().relativize(abs).toString().replace('\\', '/');
                return Optional.of(rel.isEmpty() ? r.getKey() : r.getKey() + "/" + rel);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> resolve(String ref) {
        if (ref == null || ref.isEmpty() || ref.contains("\\") || ref.indexOf('\u0000') >= 0) return Optional.empty();
        String[] parts = ref.split("/", -1);
        Path root = roots.get(parts[0]);
        if (root == null) return Optional.empty();
        Path p = root;
        for (int i = 1; i < parts.length; i++) {
            if (!SEGMENT.matcher(parts[i]).matches() || parts[i].contains("..")) return Optional.empty();
            p = p.resolve(parts[i]);
        }
        return inside(p, parts[0]) ? Optional.of(p) : Optional.empty();
    }

    /** Whether the real path (links followed) stays inside the real root. */
    private boolean inside(Path p, String ref) {
        Path root = roots.get(ref.split("/", -1)[0]);
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return false;
            return p.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
