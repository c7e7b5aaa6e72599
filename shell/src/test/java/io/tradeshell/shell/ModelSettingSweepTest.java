package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over a model's learner settings is a sweep like any other: each setting tried is a
 * trial of the deflated Sharpe ratio, whose figures are worked out here from single runs of each
 * combination (their equity curves), with the formula of Bailey and Lopez de Prado.
 */
class ModelSettingSweepTest {
    private static final String SCRIPT = """
            params depth: 2, enter: 0.55
            model 'dir', features: [roc(close, 1), roc(close, 5), rsi(14)], label: forwardReturn(2) > 0,
                learner: boosted(rounds: 10, depth: depth), train: '300 bars', retrain: '300 bars'
            buyWhen prob('dir') > enter, percent: 90
            sellWhen prob('dir') < 0.45
            """;
    private static final String DATA = path("data/sectors/xlk_daily_2019-2026.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

    @Test
    void everyLearnerSettingTriedIsATrialOfTheDeflatedSharpeRatio(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ml.groovy"), SCRIPT);
        var sweep = run("optimize", script.toString(), "--data", DATA, "-p", "depth=1..3", "-p", "enter=0.5,0.55",
                "--out", dir.resolve("sweep").toString(), "--no-charts");
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode selection = JSON.readTree(dir.resolve("sweep/best.json").toFile()).get("selection");
        assertThat(selection.get("trials").asInt()).isEqualTo(6);

        // each combination run on its own: its per-bar Sharpe ratio from its equity curve
        List<Double> sharpes = new ArrayList<>();
        Set<String> outcomes = new HashSet<>();
        for (String depth : List.of("1", "2", "3")) {
            for (String enter : List.of("0.5", "0.55")) {
                Path out = dir.resolve("run-" + depth + "-" + enter);
                var one = run("run", script.toString(), "--data", DATA, "--param", "depth=" + depth, "--param", "enter=" + enter,
                        "--out", out.toString(), "--no-charts");
                assertThat(one.exitCode()).as(one.err()).isZero();
                double cash = JSON.readTree(out.resolve("summary.json").toFile()).get("settings").get("cash").asDouble();
                double[] equity = Files.readAllLines(out.resolve("equity.jsonl")).stream()
                        .mapToDouble(l -> read(l).get("equity").asDouble()).toArray();
                double s = perBarSharpe(cash, equity);
                sharpes.add(Double.isFinite(s) ? s : 0);
                if (enter.equals("0.55")) outcomes.add(JSON.readTree(out.resolve("summary.json").toFile()).get("metrics").get("totalReturn").asText());
            }
        }
        assertThat(outcomes).as("the depth changes the model and so the trades").hasSizeGreaterThan(1);

        double variance = sampleVariance(sharpes);
        assertThat(selection.get("varianceOfTrialSharpes").asDouble()).isCloseTo(variance, within(1e-12));
        double best = selection.get("sharpePerBar").asDouble();
        assertThat(sharpes).anySatisfy(s -> assertThat(s).isCloseTo(best, within(1e-12)));
        double gamma = 0.5772156649015329;
        double expectedMax = Math.sqrt(variance) * ((1 - gamma) * PHI.inverseCumulativeProbability(1 - 1.0 / 6)
                + gamma * PHI.inverseCumulativeProbability(1 - 1 / (6 * Math.E)));
        assertThat(selection.get("expectedMaxSharpe").asDouble()).isCloseTo(expectedMax, within(1e-12));
        int n = selection.get("returns").asInt();
        double skew = selection.get("skewness").asDouble(), kurtosis = selection.get("kurtosis").asDouble();
        double dsr = PHI.cumulativeProbability((best - expectedMax) * Math.sqrt(n - 1) / Math.sqrt(1 - skew * best + (kurtosis - 1) / 4 * best * best));
        assertThat(selection.get("deflatedSharpe").asDouble()).isCloseTo(dsr, within(1e-9));
        assertThat(selection.get("deflatedSharpe").asDouble()).as("six trials deflate").isLessThan(selection.get("probabilisticSharpe").asDouble());
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    /** Mean over sample standard deviation of the returns of each bar's equity over the one before (the first over the cash). */
    private static double perBarSharpe(double cash, double[] equity) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < equity.length; i++) r.add(equity[i] / (i == 0 ? cash : equity[i - 1]) - 1);
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return mean / Math.sqrt(sampleVariance(r));
    }

    private static double sampleVariance(List<Double> xs) {
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        return ss / (xs.size() - 1);
    }
}
