package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.learning.ModelFolder;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model 'dir', onnx: FILE, features: [...], label: ...}: a model trained elsewhere predicts
 * on the script's features, is scored out of sample, and is saved with the run with its SHA-256.
 * The file is a logistic regression (ml's OnnxGraphs wrote it): sigmoid(2 x1 - 1.5 x2 - 0.5 x3 + 0.25).
 */
class ImportedModelTest {
    private static final Path ONNX = Path.of("src/test/resources/onnx/logistic3.onnx").toAbsolutePath();
    private static final double[] CLOSES = {1.0, 1.2, 0.9, 1.1, 1.4, 1.3, 1.0, 1.05, 1.5, 1.2, 0.8, 1.0};

    private static String script(String file) {
        return "model 'dir', onnx: '" + file + "', features: [close, previous(close), high], label: forwardReturn(1) > 0\n"
                + "buyWhen prob('dir') > 0.5, qty: 1\nsellWhen prob('dir') < 0.5\n";
    }

    @Test
    void itsPredictionsAreTheLogisticOfTheFeaturesAndAreScoredAgainstTheLabel(@TempDir Path run) throws Exception {
        BarSeries bars = bars("X", CLOSES); // open = close, high = close + 1
        RunResult r = ScriptBehaviourTest.run(script(ONNX.toString()), Map.of(), bars);
        ModelReport m = r.models().getFirst();
        double[] p = m.predictions().probabilities();
        assertThat(p).hasSize(CLOSES.length);
        assertThat(p[0]).isNaN(); // no previous close yet
        int scored = 0, hits = 0;
        for (int t = 1; t < CLOSES.length; t++) {
            double z = 2.0 * (float) CLOSES[t] - 1.5 * (float) CLOSES[t - 1] - 0.5 * (float) (CLOSES[t] + 1) + 0.25;
            assertThat(p[t]).as("bar %d", t).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-6));
            if (t + 1 < CLOSES.length) {
                scored++;
                if ((p[t] > 0.5) == (CLOSES[t + 1] > CLOSES[t])) hits++;
            }
        }
        assertThat(m.scored()).isEqualTo(scored);
        assertThat(m.accuracy()).isEqualTo((double) hits / scored);
        assertThat(r.fills()).isNotEmpty();

        ModelFolder.write(run, m);
        byte[] file = Files.readAllBytes(ONNX);
        assertThat(run.resolve("models/X/dir/001.model")).hasBinaryContent(file);
        JsonNode saved = new ObjectMapper().readTree(run.resolve("models/X/dir/model.json").toFile());
        assertThat(saved.get("imported").asText()).isEqualTo(ONNX.toString());
        assertThat(saved.has("train")).isFalse();
        assertThat(saved.get("windows").get(0).get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(saved.get("windows").get(0).get("importedFrom").asText()).isEqualTo(ONNX.toString());
    }

    /**
     * What a resumed paper session and a run with {@code --models} do: the copy saved with the
     * first run is read, so the file being replaced or removed since changes nothing; a copy that
     * is not the one saved is refused naming it.
     */
    @Test
    void withSavedModelsTheCopySavedWithTheFirstRunIsReadNotTheFileItCameFrom(@TempDir Path dir) throws Exception {
        Path original = Files.copy(ONNX, dir.resolve("dir.onnx"));
        String script = script(original.toString());
        RunResult first = ScriptBehaviourTest.run(script, Map.of(), bars("X", CLOSES));
        Path run = dir.resolve("run");
        ModelFolder.write(run, first.models().getFirst());
        double[] expected = first.models().getFirst().predictions().probabilities();

        Files.write(original, new byte[] {1, 2, 3}); // replaced by something that is not a model at all
        assertThatThrownBy(() -> ScriptBehaviourTest.run(script, Map.of(), bars("X", CLOSES))).hasMessageContaining("ONNX Runtime cannot load it");
        RunResult changed = runWith(script, SavedModels.fittingMissing(ModelFolder.open(run)));
        assertThat(changed.models().getFirst().predictions().probabilities()).containsExactly(expected);
        assertThat(changed.fills()).isEqualTo(first.fills());

        Files.delete(original);
        RunResult removed = runWith(script, ModelFolder.open(run));
        assertThat(removed.models().getFirst().predictions().probabilities()).containsExactly(expected);
        assertThat(removed.models().getFirst().windows().getFirst().training().sha256())
                .isEqualTo(first.models().getFirst().windows().getFirst().training().sha256());

        Files.write(run.resolve("models/X/dir/001.model"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> runWith(script, ModelFolder.open(run)))
                .hasMessageStartingWith("test.groovy:1: saved model 'dir' in " + run.resolve("models/X/dir/001.model") + " has SHA-256");
    }

    private static RunResult runWith(String source, SavedModels saved) {
        CompiledScript script = new StrategyCompiler().compile("test.groovy", "test.groovy", source);
        BarSeries bars = bars("X", CLOSES);
        return Backtest.run(new RunSpec("test.groovy", script.withParams(Map.of(), saved), List.of(new DataInput(bars, "X", "")),
                ScriptBehaviourTest.NO_COSTS, 10_000, RiskLimits.none(), 1));
    }

    @Test
    void aMissingFileTrainingSettingsOrTheWrongNumberOfFeaturesAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> ScriptBehaviourTest.run(script("/nowhere/dir.onnx"), Map.of(), bars("X", CLOSES)))
                .hasMessageStartingWith("test.groovy:1: model 'dir': cannot read the ONNX file /nowhere/dir.onnx");
        String trained = "model 'dir', onnx: '" + ONNX + "', features: [close, previous(close), high], label: forwardReturn(1) > 0, train: '2y'\n";
        assertThatThrownBy(() -> ScriptBehaviourTest.run(trained, Map.of(), bars("X", CLOSES)))
                .hasMessageContaining("model 'dir' is imported from ONNX, not trained here: it takes no train:");
        String two = "model 'dir', onnx: '" + ONNX + "', features: [close, high], label: forwardReturn(1) > 0\n";
        assertThatThrownBy(() -> ScriptBehaviourTest.run(two, Map.of(), bars("X", CLOSES)))
                .hasMessageContaining("has shape [-1, 3], not [1, 2] for the 2 features given");
    }
}
