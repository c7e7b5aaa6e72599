package io.tradeshell.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bundled sample files in the project's data folder from wherever the tests run. */
final class SampleData {
    private SampleData() { }

    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
            dir = dir.getParent();
        }
        throw new IllegalStateException("sample file " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
