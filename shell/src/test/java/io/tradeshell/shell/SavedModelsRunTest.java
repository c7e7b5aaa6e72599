package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tradeshell.shell.app.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} saves a script's models with the run, and {@code --models} replays them without fitting: the same trades. */
class SavedModelsRunTest {
    /** A boosted model refitted every 100 bars, traded long above 0.55 and out below 0.45. */
    static final String SCRIPT = """
            model 'dir', features: [roc(close, 1), roc(close, 5), rsi(14)], label: forwardReturn(2) > 0,
                learner: boosted(rounds: 20, depth: 2), train: '200 bars', retrain: '100 bars'
            buyWhen over(prob('dir'), 0.55), percent: 90
            sellWhen under(prob('dir'), 0.45)
            """;

    @Test
    void aRunSavesItsModelsAndAnotherReusesThemForTheSameTrades(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ml.groovy"), SCRIPT);
        String data = path("data/sectors/xlk_daily_2019-2026.json");
        var first = run("run", script.toString(), "--data", data, "--out", dir.resolve("a").toString(), "--no-charts");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("model   'dir' XLK: 17 trainings (boosted(rounds: 20, depth: 2, eta: 0.1)), out-of-sample accuracy")
                .contains("audit: no label used before it was known; models/XLK/dir");
        JsonNode model = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile()).get("models").get(0);
        assertThat(model.get("leak").asBoolean()).isFalse();
        assertThat(model.get("windows")).hasSize(17); // bars 200, 300 ... 1800 of 1890
        assertThat(dir.resolve("a/models/XLK/dir/017.model")).exists();

        var second = run("run", script.toString(), "--data", data, "--out", dir.resolve("b").toString(), "--no-charts", "--models", dir.resolve("a").toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("17 loaded from saved models");
        assertThat(Files.readString(dir.resolve("b/trades.jsonl"))).isEqualTo(Files.readString(dir.resolve("a/trades.jsonl")));
        assertThat(Files.readString(dir.resolve("b/fills.jsonl"))).isEqualTo(Files.readString(dir.resolve("a/fills.jsonl")));

        var missing = run("run", script.toString(), "--data", data, "--no-charts", "--models", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err().strip()).isEqualTo("error: --models " + dir.resolve("nowhere") + ": no such folder");
    }
}
