package io.tradeshell.brokers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A broker's settings by name (key ids, secrets, endpoints), read from the environment or from a
 * credentials file of {@code NAME=value} lines that only its owner may read. The environment
 * wins over the file. A secret's value never appears in {@link #toString()}.
 */
public final class Credentials {
    private final Map<String, String> values;
    private final String source;

    private Credentials(Map<String, String> values, String source) {
        this.values = Map.copyOf(values);
        this.source = source;
    }

    /** The environment, over the credentials file if there is one. */
    public static Credentials from(Map<String, String> env, Optional<Path> file) {
        Map<String, String> all = new LinkedHashMap<>();
        String source = "the environment";
        if (file.isPresent()) {
            all.putAll(readPrivateFile(file.get()));
            source = "the environment and " + file.get();
        }
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) all.put(k, v);
        });
        return new Credentials(all, source);
    }

    /** The value of {@code name}, if set. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The values of {@code names}, all of them, or a {@link MissingCredentialsException} naming
     * every one that is not set.
     */
    public List<String> require(String broker, String... names) {
        List<String> missing = java.util.Arrays.stream(names).filter(n -> get(n).isEmpty()).toList();
        if (!missing.isEmpty()) throw new MissingCredentialsException(broker, missing);
        return java.util.Arrays.stream(names).map(values::get).toList();
    }

    /** Refuses a file that its group or others can read: a secret must stay its owner's. */
    static Map<String, String> readPrivateFile(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new IllegalArgumentException("credentials file " + file + " can be read by others; make it private with 'chmod 600 " + file + "'");
                }
            }
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String k : props.stringPropertyNames()) out.put(k, props.getProperty(k).trim());
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("credentials file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "credentials from " + source + " (" + String.join(", ", new java.util.TreeSet<>(values.keySet()).stream()
                .filter(k -> k.startsWith("APCA_") || k.startsWith("OANDA_")).toList()) + ")";
    }
}
