package io.tradeshell.ml;

import io.tradeshell.engine.learning.Learner;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A logistic regression fitted by Tribuo on standardized features, kept as plain numbers: each
 * feature is centred by {@code mean} and divided by {@code scale} as in training, then the
 * probability is the logistic of {@code bias} plus the weighted sum.
 */
final class LogisticOdds implements Learner.Fitted {
    static final int MAGIC = 0x54534C52; // "TSLR"
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    LogisticOdds(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
    }

    @Override
    public double probability(double[] features) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) z += weights[j] * ((features[j] - mean[j]) / scale[j]);
        return 1 / (1 + Math.exp(-z));
    }

    /** Each feature's share of the summed weights' sizes: on standardized features, what a change of one standard deviation moves. */
    @Override
    public double[] importance(int features) {
        if (features != weights.length) return new double[0];
        double sum = 0;
        for (double w : weights) sum += Math.abs(w);
        if (sum == 0) return new double[0];
        double[] out = new double[features];
        for (int j = 0; j < features; j++) out[j] = Math.abs(weights[j]) / sum;
        return out;
    }

    @Override
    public byte[] bytes() {
        return ModelBytes.of(MAGIC, out -> {
            out.writeInt(weights.length);
            for (int j = 0; j < weights.length; j++) {
                out.writeDouble(mean[j]);
                out.writeDouble(scale[j]);
                out.writeDouble(weights[j]);
            }
            out.writeDouble(bias);
        });
    }

    /** The model {@link #bytes()} wrote, after its magic number. */
    static LogisticOdds read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 100_000) throw new IOException("feature count " + n);
        double[] mean = new double[n], scale = new double[n], weights = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = in.readDouble();
            scale[j] = in.readDouble();
            weights[j] = in.readDouble();
        }
        return new LogisticOdds(mean, scale, weights, in.readDouble());
    }
}
