package io.tradeshell.shell.console.runs;

import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The strategy scripts a researcher can name: files in {@code strategies/}, by path or by bare name. */
public final class StrategyFiles {
    private StrategyFiles() { }

    /** The folder of strategy scripts: {@code strategies/} here, else the project's. */
    public static Path folder() {
        Path here = Path.of("strategies");
        return Files.isDirectory(here) ? here : ProjectHome.get().resolve("strategies");
    }

    /** Every {@code .groovy} file of the folder, by name. */
    public static List<Path> all() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".groovy")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A script by path ({@code strategies/sma_crossover.groovy}) or bare name ({@code sma_crossover}). */
    public static Path resolve(String script) {
        Path p = ProjectHome.resolve(script);
        if (Files.exists(p)) return p;
        String name = script.endsWith(".groovy") ? script : script + ".groovy";
        Path inFolder = folder().resolve(name);
        return Files.exists(inFolder) ? inFolder : p;
    }

    /** The script's opening comment, which says what it does, as one line; empty if it has none. */
    public static String purpose(Path script) {
        StringBuilder b = new StringBuilder();
        try {
            for (String line : Files.readAllLines(script)) {
                String t = line.strip();
                if (!t.startsWith("//")) {
                    if (t.isEmpty() && b.isEmpty()) continue;
                    break;
                }
                if (!b.isEmpty()) b.append(' ');
                b.append(t.substring(2).strip());
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return b.toString();
    }

    /** Bare names, for completion. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Path p : all()) out.add(p.getFileName().toString().replaceFirst("\\.groovy$", ""));
        return out;
    }
}
