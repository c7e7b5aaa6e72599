package io.tradeshell.ml;

import io.tradeshell.engine.learning.Learner;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees grown by XGBoost ({@link #boosted}), the reference implementation of the
 * method: native, fast, and maintained by the people who defined it. One thread and a fixed seed
 * make every fit reproducible; models are saved in XGBoost's own binary JSON (UBJSON).
 */
public final class XgbLearner implements Learner {
    private final String description;
    private final Map<String, Object> params;
    private final int rounds;

    private XgbLearner(String description, Map<String, Object> settings, int rounds) {
        this.description = description;
        this.rounds = rounds;
        this.params = new LinkedHashMap<>(Map.of("objective", "binary:logistic", "nthread", 1, "seed", 0, "verbosity", 0));
        params.putAll(settings);
    }

    /** {@code rounds} boosted trees of at most {@code depth} levels, each step shrunk by {@code eta}. */
    public static XgbLearner boosted(int rounds, int depth, double eta) {
        if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("boosted eta must be in (0, 1], was " + eta);
        return new XgbLearner("boosted(rounds: " + rounds + ", depth: " + depth + ", eta: " + eta + ")",
                Map.of("max_depth", positive("depth", depth), "eta", eta, "tree_method", "exact"), positive("rounds", rounds));
    }

    private static int positive(String what, int n) {
        if (n < 1) throw new IllegalArgumentException(what + " must be at least 1, was " + n);
        return n;
    }

    @Override
    public Fitted fit(double[][] x, boolean[] up) {
        int n = x.length, f = x[0].length;
        float[] data = new float[n * f];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) data[i * f + j] = (float) x[i][j];
            labels[i] = up[i] ? 1 : 0;
        }
        try {
            DMatrix train = new DMatrix(data, n, f, Float.NaN);
            try {
                train.setLabel(labels);
                return new Model(XGBoost.train(train, params, rounds, Map.of(), null, null));
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalArgumentException(description + " could not be fitted: " + firstLine(e), e);
        }
    }

    @Override
    public Fitted load(byte[] bytes) {
        try {
            return new Model(XGBoost.loadModel(bytes));
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("not a model " + description + " can read: " + firstLine(e), e);
        }
    }

    /** XGBoost's native messages carry a stack trace after the first line. */
    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    /** A booster with its bytes taken once: they are what is saved and hashed. */
    private static final class Model implements Fitted {
        private final Booster booster;
        private final byte[] bytes;

        Model(Booster booster) throws XGBoostError {
            this.booster = booster;
            this.bytes = booster.toByteArray("ubj");
        }

        @Override
        public double probability(double[] features) {
            float[] row = new float[features.length];
            for (int j = 0; j < row.length; j++) row[j] = (float) features[j];
            try {
                return booster.inplace_predict(row, 1, row.length, Float.NaN)[0][0]; // no DMatrix per bar
            } catch (XGBoostError e) {
                throw new IllegalStateException("prediction failed: " + firstLine(e), e);
            }
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public double[] importance(int features) {
            try {
                Map<String, Double> gain = booster.getScore((String) null, "total_gain");
                double[] out = new double[features];
                double sum = 0;
                for (var e : gain.entrySet()) {
                    int f = Integer.parseInt(e.getKey().substring(1)); // XGBoost names unnamed features f0, f1...
                    out[f] = e.getValue();
                    sum += e.getValue();
                }
                if (sum == 0) return new double[0];
                for (int f = 0; f < features; f++) out[f] /= sum;
                return out;
            } catch (XGBoostError | RuntimeException e) {
                return new double[0]; // a model of one leaf has no gain
            }
        }
    }
}
