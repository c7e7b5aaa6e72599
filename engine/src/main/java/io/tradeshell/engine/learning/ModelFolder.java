package io.tradeshell.engine.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A run's saved models on disk: {@code models/SYMBOL/NAME/model.json} (the report: settings, and
 * per training its time, file and SHA-256) beside one {@code NNN.model} file per training (for a
 * model imported from ONNX, {@code 001.model} is the copy of its file) and {@code predictions.csv},
 * the model's prediction at each bar.
 */
public final class ModelFolder implements SavedModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Beside model.json: the prediction at every bar from the first training on, and its label once known. */
    public static final String PREDICTIONS = "predictions.csv";
    private final Path models;

    private ModelFolder(Path models) {
        this.models = models;
    }

    /**
     * The saved models of a run folder (or of its {@code models} folder itself); fails with an
     * {@link IllegalArgumentException} naming the folder when it holds none.
     */
    public static ModelFolder open(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such folder");
        Path m = Files.isDirectory(dir.resolve("models")) ? dir.resolve("models") : dir;
        try (var found = Files.find(m, 3, (p, a) -> p.getFileName().toString().equals("model.json"))) {
            if (found.findAny().isEmpty()) throw new IllegalArgumentException(dir + ": no saved models here (expected models/SYMBOL/NAME/model.json)");
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot read saved models: " + e.getMessage(), e);
        }
        return new ModelFolder(m);
    }

    /** Writes a report's model files and {@code model.json} under {@code runDir}. */
    public static void write(Path runDir, ModelReport report) throws IOException {
        Path folder = runDir.resolve(report.folder());
        Files.createDirectories(folder);
        for (ModelReport.Window w : report.windows()) Files.write(folder.resolve(w.file()), w.training().bytes());
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("model.json").toFile(), report.asMap());
        Files.writeString(folder.resolve(PREDICTIONS), report.predictions().csv());
    }

    @Override
    public Optional<Saved> find(String symbol, String model, long trainedAt) {
        String at = Instant.ofEpochMilli(trainedAt).toString();
        return saved(symbol, model, (root, w) -> w.path("trainedAt").asText().equals(at));
    }

    /** The imported model's one window, whose file is the copy of the ONNX file. */
    @Override
    public Optional<Saved> findImported(String symbol, String model) {
        if (symbol != null) return saved(symbol, model, (root, w) -> root.hasNonNull("imported"));
        try (var symbols = Files.list(models)) {
            for (Path s : symbols.sorted().toList()) {
                Optional<Saved> found = saved(s.getFileName().toString(), model, (root, w) -> root.hasNonNull("imported"));
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(models + ": " + e.getMessage(), e);
        }
    }

    private Optional<Saved> saved(String symbol, String model, BiPredicate<JsonNode, JsonNode> wanted) {
        Path folder = models.resolve(symbol).resolve(model);
        Path index = folder.resolve("model.json");
        if (!Files.exists(index)) return Optional.empty();
        try {
            JsonNode root = JSON.readTree(index.toFile());
            List<String> features = new ArrayList<>();
            root.path("features").forEach(f -> features.add(f.asText()));
            for (JsonNode w : root.path("windows")) {
                if (!wanted.test(root, w)) continue;
                Path file = folder.resolve(w.path("file").asText());
                return Optional.of(new Saved(Files.readAllBytes(file), w.path("sha256").asText(), features, file.toString()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(index + ": " + e.getMessage(), e);
        }
    }
}
