package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.learning.ImportedModel;
import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.Learner;
import io.tradeshell.engine.learning.ModelIndicator;
import io.tradeshell.engine.learning.Schedule;
import io.tradeshell.engine.learning.Span;
import io.tradeshell.engine.learning.WalkForwardModel;
import io.tradeshell.ml.OnnxModel;
import io.tradeshell.ml.TribuoLearner;
import io.tradeshell.ml.XgbLearner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of models trained walk-forward: {@code model 'dir', features: [...], label:
 * forwardReturn(5) > 0, learner: trees(depth: 6), train: '2y', retrain: '3mo'} declares one, and
 * {@code prob('dir')} is its prediction, an indicator for rules and {@code onBar}.
 */
@ScriptApi
public abstract class ModelWords extends IndicatorWords {
    private static final Set<String> OPTIONS = Set.of("features", "label", "learner", "train", "retrain", "embargo", "onnx");
    /** What an imported model does not take: it is not trained here. */
    private static final List<String> TRAINING = List.of("learner", "train", "retrain", "embargo");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Declares a model trained walk-forward on this symbol's bars and returns its prediction (as
     * {@code prob(name)} does). {@code features}: a list of indicators, or a map of names to
     * indicators; {@code label}: {@code forwardReturn(h) > x}; {@code learner}: {@code trees()},
     * {@code forest()}, {@code boosted()} or {@code logistic()}; {@code train}: the history each fit
     * sees, {@code retrain}: how often it is refitted ({@code '2y'}, {@code '3mo'}, {@code '500 bars'});
     * {@code embargo}: bars between the last label used and the fit, the label's horizon by default.
     */
    public Indicator model(Map<String, Object> options, String name) {
        ScriptSession s = session();
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("model name '" + name + "' must be 1 to 64 letters, digits, '-' or '_'");
        if (s.models.containsKey(name)) throw new IllegalArgumentException("model '" + name + "' is declared twice");
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) throw new IllegalArgumentException("model '" + name + "' has no option '" + key + "' (options: features, label, learner, train, retrain, embargo, onnx)");
        }
        if (options.containsKey("onnx")) return imported(name, options);
        Map<String, Indicator> features = features(name, options.get("features"));
        Label label = required(name, options, "label", ModelLabel.class, "forwardReturn(5) > 0").label();
        LearnerChoice learner = required(name, options, "learner", LearnerChoice.class, "trees(depth: 6)");
        Span train = Span.parse(required(name, options, "train", String.class, "'2y'"));
        Span retrain = Span.parse(required(name, options, "retrain", String.class, "'3mo'"));
        Object embargo = options.getOrDefault("embargo", label.horizon());
        if (!(embargo instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0) {
            throw new IllegalArgumentException("model '" + name + "' embargo must be a whole number of bars >= 0, got " + embargo);
        }
        WalkForwardModel model = new WalkForwardModel(name, getBars(), new ArrayList<>(features.values()), new ArrayList<>(features.keySet()),
                label, learner.learner(), new Schedule(train, retrain, ((Number) embargo).intValue()), s.savedModels);
        s.models.put(name, model);
        return model;
    }

    /**
     * A model trained elsewhere, read from an ONNX file (a path relative to the folder the command
     * runs in, as data files are) and run on this symbol's features: {@code model 'dir', onnx:
     * 'models/dir.onnx', features: [...], label: forwardReturn(5) > 0}; the label says what it
     * predicts, so its predictions are scored out of sample.
     */
    private Indicator imported(String name, Map<String, Object> options) {
        for (String key : TRAINING) {
            if (options.containsKey(key)) throw new IllegalArgumentException("model '" + name + "' is imported from ONNX, not trained here: it takes no " + key + ":");
        }
        String file = required(name, options, "onnx", String.class, "'models/dir.onnx'");
        Map<String, Indicator> features = features(name, options.get("features"));
        Label label = required(name, options, "label", ModelLabel.class, "forwardReturn(5) > 0").label();
        Learner.Fitted onnx = session().savedModels == CompiledScript.NOT_YET ? NOT_READ : onnx(name, file, onnxBytes(name, file, features.keySet()), features.size());
        ImportedModel model = new ImportedModel(name, getBars(), new ArrayList<>(features.values()), new ArrayList<>(features.keySet()), label, onnx, file);
        session().models.put(name, model);
        return model;
    }

    /** Stands for an imported model while the script is compiled: it predicts no bar then. */
    private static final Learner.Fitted NOT_READ = new Learner.Fitted() {
        @Override
        public double probability(double[] features) {
            return Double.NaN;
        }

        @Override
        public byte[] bytes() {
            return new byte[0];
        }
    };

    private static OnnxModel onnx(String name, String file, byte[] bytes, int features) {
        try {
            return OnnxModel.shared(bytes, features);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model '" + name + "': " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ONNX file's bytes: the copy saved with the run or account when there is one (so a resumed
     * session or a run with {@code --models} is not changed by the file being edited or removed
     * since), checked against its SHA-256; else the file itself.
     */
    private byte[] onnxBytes(String name, String file, java.util.Collection<String> features) {
        // a script checked before it has bars reads any symbol's copy: it is the one the runs will read
        var saved = session().savedModels.findImported(session().validating ? null : getBars().symbol(), name);
        if (saved.isPresent()) return saved.get().checked(name, List.copyOf(features));
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("model '" + name + "': cannot read the ONNX file " + Path.of(file).toAbsolutePath() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The probability model {@code name} gives its label at each bar; NaN before its first training. */
    public Indicator prob(String name) {
        ModelIndicator m = session().models.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no model '" + name + "' declared before this line"
                    + (session().models.isEmpty() ? "" : " (models: " + String.join(", ", session().models.keySet()) + ")"));
        }
        return m;
    }

    /** The return of the close over the next {@code bars} bars, for a label: {@code forwardReturn(5) > 0}. */
    public ModelLabel forwardReturn(Number bars) {
        return new ModelLabel(new Label(StrategyScript.length("forwardReturn", bars), 0, true));
    }

    // ---- learners ---------------------------------------------------------------------------

    /** One decision tree (Tribuo's CART, pure Java): {@code trees(depth: 6)}. */
    public LearnerChoice trees(Map<String, Object> settings) {
        Settings s = new Settings("trees", settings, Set.of("depth"));
        return new LearnerChoice(TribuoLearner.trees(s.whole("depth", 6)));
    }
    public LearnerChoice trees() { return trees(Map.of()); }

    /** A random forest (Tribuo, pure Java): {@code forest(trees: 100, depth: 6)}. */
    public LearnerChoice forest(Map<String, Object> settings) {
        Settings s = new Settings("forest", settings, Set.of("trees", "depth"));
        return new LearnerChoice(TribuoLearner.forest(s.whole("trees", 100), s.whole("depth", 6)));
    }
    public LearnerChoice forest() { return forest(Map.of()); }

    /** Gradient-boosted trees (XGBoost, native): {@code boosted(rounds: 100, depth: 3, eta: 0.1)}. */
    public LearnerChoice boosted(Map<String, Object> settings) {
        Settings s = new Settings("boosted", settings, Set.of("rounds", "depth", "eta"));
        return new LearnerChoice(XgbLearner.boosted(s.whole("rounds", 100), s.whole("depth", 3), s.number("eta", 0.1)));
    }
    public LearnerChoice boosted() { return boosted(Map.of()); }

    /** Logistic regression: {@code logistic()}, the plain maximum-likelihood fit. */
    public LearnerChoice logistic(Map<String, Object> settings) {
        new Settings("logistic", settings, Set.of());
        return new LearnerChoice(TribuoLearner.logistic());
    }
    public LearnerChoice logistic() { return logistic(Map.of()); }

    // ---- helpers ----------------------------------------------------------------------------

    private Map<String, Indicator> features(String model, Object given) {
        Map<String, Indicator> out = new LinkedHashMap<>();
        if (given instanceof Map<?, ?> named) {
            for (var e : named.entrySet()) out.put(String.valueOf(e.getKey()), feature(model, e.getValue()));
        } else if (given instanceof List<?> list) {
            for (Object o : list) {
                Indicator f = feature(model, o);
                if (out.put(f.toString(), f) != null) throw new IllegalArgumentException("model '" + model + "' lists feature " + f + " twice");
            }
        } else {
            throw new IllegalArgumentException("model '" + model + "' needs features: a list of indicators such as [rsi(14), roc(close, 5)]");
        }
        if (out.isEmpty()) throw new IllegalArgumentException("model '" + model + "' needs at least one feature");
        return out;
    }

    private Indicator feature(String model, Object o) {
        if (o instanceof Indicator i && i.series() == getBars()) return i;
        if (o instanceof Indicator i) throw new IllegalArgumentException("model '" + model + "' feature " + i + " is not read on this symbol's bars");
        throw new IllegalArgumentException("model '" + model + "' features must be indicators, got " + (o == null ? "null" : o));
    }

    private static <T> T required(String model, Map<String, Object> options, String key, Class<T> type, String example) {
        Object v = options.get(key);
        if (type.isInstance(v)) return type.cast(v);
        throw new IllegalArgumentException("model '" + model + "' needs " + key + ": such as " + key + ": " + example
                + (v == null ? "" : ", got " + v));
    }

    /** A learner's named settings, each checked. */
    private record Settings(String learner, Map<String, Object> given, Set<String> known) {
        Settings {
            for (String k : given.keySet()) {
                if (!known.contains(k)) throw new IllegalArgumentException(learner + " has no setting '" + k + "' ("
                        + (known.isEmpty() ? "it takes none" : "settings: " + String.join(", ", new java.util.TreeSet<>(known))) + ")");
            }
        }

        int whole(String key, int fallback) {
            Object v = given.getOrDefault(key, fallback);
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1 && n.doubleValue() <= 10_000) return n.intValue();
            throw new IllegalArgumentException(learner + " " + key + " must be a whole number from 1 to 10000, got " + v);
        }

        double number(String key, double fallback) {
            Object v = given.getOrDefault(key, fallback);
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
            throw new IllegalArgumentException(learner + " " + key + " must be a number, got " + v);
        }
    }
}
