package io.tradeshell.engine.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run says about one walk-forward model: its settings, and per training window the leakage
 * audit (samples, purge, embargo, the latest label time used against the first prediction time)
 * and the accuracy of the window's predictions once their labels were known.
 */
public record ModelReport(String name, String symbol, List<String> features, Label label, String learner, Optional<Schedule> schedule,
                          List<Window> windows, double[] importance, Predictions predictions) {

    /**
     * The model's prediction at each bar's close from its first training on, and the label where
     * it is known by the last bar ({@code 1} up, {@code 0} not, {@code -1} not yet known).
     */
    public record Predictions(long[] times, double[] probabilities, byte[] outcomes) {
        public static final Predictions NONE = new Predictions(new long[0], new double[0], new byte[0]);

        public int size() {
            return times.length;
        }

        /** As {@code predictions.csv} holds them: {@code time,probability,up}, a NaN or an unknown label left empty. */
        public String csv() {
            StringBuilder out = new StringBuilder(32 * times.length + 32).append("time,probability,up\n");
            for (int i = 0; i < times.length; i++) {
                out.append(Instant.ofEpochMilli(times[i])).append(',');
                if (!Double.isNaN(probabilities[i])) out.append(probabilities[i]);
                out.append(',');
                if (outcomes[i] >= 0) out.append(outcomes[i]);
                out.append('\n');
            }
            return out.toString();
        }
    }

    /** A training and the predictions it made until the next one, scored against their labels. */
    public record Window(Training training, long predictedUntil, int scored, int hits) {
        public double accuracy() {
            return scored == 0 ? Double.NaN : (double) hits / scored;
        }

        /** The saved model's file name inside the model's folder. */
        public String file() {
            return String.format("%03d.model", training.number());
        }
    }

    /** Whether any training used a label not known when it began to predict. */
    public boolean leaks() {
        return windows.stream().anyMatch(w -> w.training().leaks());
    }

    public int scored() {
        return windows.stream().mapToInt(Window::scored).sum();
    }

    /** The accuracy of every scored prediction, NaN when none was. */
    public double accuracy() {
        int n = scored();
        return n == 0 ? Double.NaN : (double) windows.stream().mapToInt(Window::hits).sum() / n;
    }

    /** The folder of this model's files in a run's outputs: {@code models/SYMBOL/NAME}. */
    public String folder() {
        return "models/" + symbol + "/" + name;
    }

    /** The report as summary.json and a model folder's {@code model.json} hold it. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("symbol", symbol);
        m.put("features", features);
        m.put("label", label.toString());
        m.put("horizonBars", label.horizon());
        m.put("learner", learner);
        schedule.ifPresentOrElse(s -> {
            m.put("train", s.train().text());
            m.put("retrain", s.retrain().text());
            m.put("purge", s.purge());
            m.put("embargoBars", s.embargoBars());
        }, () -> m.put("imported", windows.isEmpty() ? "" : windows.getFirst().training().source()));
        m.put("folder", folder());
        m.put("leak", leaks());
        m.put("predictions", scored());
        m.put("accuracy", finite(accuracy()));
        if (importance.length == features.size()) {
            Map<String, Object> imp = new LinkedHashMap<>();
            for (int f = 0; f < importance.length; f++) imp.put(features.get(f), importance[f]);
            m.put("importance", imp);
        }
        List<Map<String, Object>> ws = new ArrayList<>();
        for (Window w : windows) {
            Training t = w.training();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("number", t.number());
            if (schedule.isPresent()) {
                x.put("trainedAt", time(t.trainedAt()));
                x.put("samplesFrom", time(t.firstSampleTime()));
                x.put("samplesTo", time(t.lastSampleTime()));
                x.put("samples", t.samples());
                x.put("upShare", t.upShare());
                x.put("latestLabelTime", time(t.latestLabelTime()));
            }
            x.put("firstPredictionTime", time(t.firstPredictionTime()));
            if (schedule.isPresent()) {
                x.put("embargoBars", t.embargoBars());
                x.put("leak", t.leaks());
            }
            x.put("predictedUntil", time(w.predictedUntil()));
            x.put("predictions", w.scored());
            x.put("accuracy", finite(w.accuracy()));
            x.put("file", w.file());
            x.put("sha256", t.sha256());
            if (schedule.isEmpty()) x.put("importedFrom", t.source());
            else if (t.reused()) x.put("reusedFrom", t.source());
            ws.add(x);
        }
        m.put("windows", ws);
        return m;
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static Object finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
