package io.tradeshell.dsl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiled script classes kept on disk, so running the same script again skips Groovy's compiler
 * (the largest fixed cost of a short run). An entry is keyed by the SHA-256 of the script's text
 * and file name, whether it was sandboxed, and the code that compiled it (the jars or class
 * folders of TradeShell's language, engine and Groovy, by path, size and time): a changed script,
 * policy or build never finds an old entry. A missing, unreadable or damaged entry is a miss; the
 * script compiles as if there were no cache.
 */
public final class ScriptClassCache {
    private static final String FORMAT = "tradeshell-script-classes 1";
    /** No cache: every script compiles. */
    public static final ScriptClassCache NONE = new ScriptClassCache(null);

    private final Path dir;

    private ScriptClassCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in {@code dir}, made when first written. */
    public static ScriptClassCache in(Path dir) {
        return new ScriptClassCache(dir);
    }

    /**
     * The user's cache: {@code -Dtradeshell.script.cache=DIR} (or {@code off}), else
     * {@code $XDG_CACHE_HOME/tradeshell/scripts}, else {@code ~/.cache/tradeshell/scripts}.
     */
    public static ScriptClassCache standard() {
        String chosen = System.getProperty("tradeshell.script.cache", System.getenv("TRADESHELL_SCRIPT_CACHE"));
        if (chosen != null && !chosen.isBlank()) return chosen.equals("off") ? NONE : in(Path.of(chosen));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return in(base.resolve("tradeshell").resolve("scripts"));
    }

    /** The entry's key for a script compiled in or out of the sandbox by this build. */
    static String key(String fileName, String source, boolean sandboxed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {FORMAT, Build.FINGERPRINT, sandboxed ? "sandboxed" : "trusted", fileName, source}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    Optional<ScriptClasses> read(String key) {
        if (dir == null) return Optional.empty();
        Path file = dir.resolve(key + ".classes");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(key)) return Optional.empty();
            String main = in.readUTF();
            int count = in.readInt();
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                bytes.put(name, b);
            }
            if (in.read() != -1) return Optional.empty();
            return Optional.of(new ScriptClasses(main, bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // damaged or cut short: compiled again and written anew
        }
    }

    /** Keeps the classes; a cache that cannot be written (read-only home, full disk) is quietly not kept. */
    void write(String key, ScriptClasses classes) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try {
                try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                    out.writeUTF(FORMAT);
                    out.writeUTF(key);
                    out.writeUTF(classes.mainName());
                    out.writeInt(classes.bytes().size());
                    for (var e : classes.bytes().entrySet()) {
                        out.writeUTF(e.getKey());
                        out.writeInt(e.getValue().length);
                        out.write(e.getValue());
                    }
                }
                Files.move(tmp, dir.resolve(key + ".classes"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // the run goes on; the next one compiles again
        }
    }

    /** What identifies the compiler's code: a rebuilt jar or class folder changes it. */
    static final class Build {
        static final String FINGERPRINT = of(ScriptClassCache.class, io.tradeshell.engine.model.BarSeries.class, groovy.lang.Script.class);

        private Build() { }

        static String of(Class<?>... anchors) {
            StringBuilder sb = new StringBuilder();
            for (Class<?> c : anchors) sb.append(where(c)).append('\n');
            return sb.toString();
        }

        private static String where(Class<?> c) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source == null) return c.getName() + " (no code source)";
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
                try (Stream<Path> files = Files.walk(p)) {   // a class folder (tests, an IDE): its newest file
                    return p + " " + files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return c.getName() + " (unknown build: " + System.nanoTime() + ")";   // never matches an old entry
            }
        }
    }
}
