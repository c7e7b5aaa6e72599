package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.shell.app.trading.PaperSessions;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's predictions are the same, bar for bar and bit for bit, in a backtest, a live replay, a
 * paper session, and a paper session stopped halfway and resumed; the resumed session loads the
 * models it had trained (their files unchanged) instead of fitting them again. Every learner is
 * here: XGBoost's boosted trees and Tribuo's tree, forest and logistic regression, all traded on.
 */
class ModelPredictionsAcrossModesTest {
    private static final String SCRIPT = SavedModelsRunTest.SCRIPT.lines().limit(2).collect(java.util.stream.Collectors.joining("\n", "", "\n")) + """
            def features = [roc(close, 1), roc(close, 5), rsi(14)]
            model 'tree', features: features, label: forwardReturn(2) > 0, learner: trees(depth: 3), train: '200 bars', retrain: '100 bars'
            model 'forest', features: features, label: forwardReturn(2) > 0, learner: forest(trees: 20, depth: 3), train: '200 bars', retrain: '100 bars'
            model 'logit', features: features, label: forwardReturn(2) > 0, learner: logistic(), train: '200 bars', retrain: '100 bars'
            buyWhen prob('dir') > 0.55 || prob('tree') > 0.6 || prob('forest') > 0.55 || prob('logit') > 0.55, percent: 90
            sellWhen prob('dir') < 0.45 && prob('tree') < 0.5 && prob('forest') < 0.5 && prob('logit') < 0.5
            """;
    private static final String DATA = "data/sectors/xlk_daily_2019-2026.json";
    private static final List<String> MODELS = List.of("models/XLK/dir", "models/XLK/tree", "models/XLK/forest", "models/XLK/logit");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBacktestTheLiveReplayAndAPaperSessionPredictTheSame() throws Exception {
        Path script = Files.writeString(dir.resolve("ml.groovy"), SCRIPT);
        Path out = dir.resolve("parity");
        ParityCheck.Report r = new ParityCheck(new RunService()).run(script, options(), Optional.of(out), new PrintWriter(new StringWriter()));
        assertThat(r.identical()).as(ParityCheck.render(r)).isTrue();
        assertThat(r.backtest().result().trades()).isNotEmpty();

        for (String model : MODELS) {
            String backtest = Files.readString(out.resolve("backtest").resolve(model).resolve("predictions.csv"));
            assertThat(backtest.lines().skip(1).filter(l -> !l.split(",", -1)[1].isEmpty())).as("%s predictions made", model).hasSizeGreaterThan(1500);
            assertThat(Files.readString(out.resolve("live").resolve(model).resolve("predictions.csv"))).as(model).isEqualTo(backtest);
            assertThat(Files.readString(out.resolve("paper/parity").resolve(model).resolve("predictions.csv"))).as(model).isEqualTo(backtest);
            assertThat(windowHashes(out.resolve("paper/parity"), model)).as(model).isEqualTo(windowHashes(out.resolve("backtest"), model));
        }
    }

    @Test
    void aPaperSessionStoppedAndResumedReusesItsModelsAndReplaysExactly() throws Exception {
        Path script = Files.writeString(dir.resolve("ml.groovy"), SCRIPT);
        var backtest = run("run", script.toString(), "--data", path(DATA), "--out", dir.resolve("bt").toString(), "--no-charts");
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();

        // the session is stopped at the first close in 2023, after about half of its trainings
        long stopAt = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        Path home = dir.resolve("home");
        PaperSessions sessions = new PaperSessions(new RunService(), new PaperHome(home));
        AtomicReference<PaperSession> session = new AtomicReference<>();
        PaperSession.Wiring wiring = PaperSession.Wiring.quiet()
                .withInterrupt(() -> session.get().loop().map(l -> l.now() >= stopAt).orElse(false));
        session.set(sessions.prepareStart("ml", script, options(), Speed.MAX, wiring, new PrintWriter(new StringWriter())));
        assertThat(session.get().run().ending()).isEqualTo("stopped");

        Path account = home.resolve("paper/ml");
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        for (String model : MODELS) {
            before.put(model, fileHashes(account.resolve(model)));
            assertThat(before.get(model)).as(model).isEqualTo(windowHashes(account, model)).hasSizeBetween(5, 12);
        }

        var resumed = run("paper", "resume", "ml", "--home", home.toString(), "--speed", "max", "--quiet", "--no-charts");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        for (String model : MODELS) {
            JsonNode windows = JSON.readTree(account.resolve(model).resolve("model.json").toFile()).get("windows");
            Map<String, String> after = fileHashes(account.resolve(model));
            assertThat(windows).as(model).hasSize(17);
            for (JsonNode w : windows) {
                String file = w.get("file").asText();
                boolean savedBefore = before.get(model).containsKey(file);
                assertThat(w.has("reusedFrom")).as("%s %s loaded, not fitted", model, file).isEqualTo(savedBefore);
                if (savedBefore) assertThat(after.get(file)).as(model + " " + file).isEqualTo(before.get(model).get(file));
            }
            assertThat(windowHashes(account, model)).as(model).isEqualTo(windowHashes(dir.resolve("bt"), model));
            assertThat(Files.readString(account.resolve(model).resolve("predictions.csv"))).as(model)
                    .isEqualTo(Files.readString(dir.resolve("bt").resolve(model).resolve("predictions.csv")));
        }
        assertThat(fields(account.resolve("fills.jsonl"))).isNotEmpty().isEqualTo(fields(dir.resolve("bt/fills.jsonl")));
    }

    private static RunSettings options() {
        System.setProperty("tradeshell.home", CliTestSupport.ROOT.toString());
        RunOptions options = new RunOptions();
        options.data = List.of(path(DATA));
        return options.settings();
    }

    /** Each model file in {@code folder} with the SHA-256 of its bytes, computed here. */
    private static Map<String, String> fileHashes(Path folder) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".model")).sorted().toList()) {
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    /** Each training's file and the SHA-256 recorded for it in model.json. */
    private static Map<String, String> windowHashes(Path run, String model) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode w : JSON.readTree(run.resolve(model).resolve("model.json").toFile()).get("windows")) {
            out.put(w.get("file").asText(), w.get("sha256").asText());
        }
        return out;
    }

    /** Each fill's time, side, quantity and price. */
    private static List<String> fields(Path fills) throws Exception {
        return Files.readAllLines(fills).stream().map(line -> {
            try {
                JsonNode f = JSON.readTree(line);
                return f.path("time").asText() + " " + f.path("side").asText() + " " + f.path("qty").asText() + " " + f.path("price").asText();
            } catch (Exception e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
    }
}
