package io.tradeshell.ml;

import io.tradeshell.engine.learning.Learner;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Decision trees fitted by Tribuo, kept as plain arrays: the probability of the label is the mean
 * over the trees of the share of "up" samples in the leaf a row reaches (one tree: that share).
 * The saved form holds only the splits, the leaves and the importance, nothing about when or where
 * it was fitted, so the same samples always give the same bytes and the same SHA-256.
 */
final class TreeVotes implements Learner.Fitted {
    static final int MAGIC = 0x54535452; // "TSTR"
    private final List<Tree> trees;
    private final double[] importance;

    /**
     * One tree: node {@code k} splits on feature {@code feature[k]} (a row goes to {@code greater[k]}
     * when its value is above {@code threshold[k]}, else to {@code lessOrEqual[k]}) or, when
     * {@code feature[k]} is -1, is a leaf whose probability is {@code up[k]}. Node 0 is the root.
     * Values are compared as 32-bit floats, as they were fitted (see {@link TribuoLearner}).
     */
    record Tree(int[] feature, double[] threshold, int[] lessOrEqual, int[] greater, double[] up) {
        double probability(double[] x) {
            return up[leaf(x)];
        }

        int leaf(double[] x) {
            int k = 0;
            while (feature[k] >= 0) k = next(k, x);
            return k;
        }

        /** The child of split {@code k} that row {@code x} goes to. */
        int next(int k, double[] x) {
            return (float) x[feature[k]] > threshold[k] ? greater[k] : lessOrEqual[k];
        }
    }

    TreeVotes(List<Tree> trees, double[] importance) {
        this.trees = List.copyOf(trees);
        this.importance = importance.clone();
    }

    List<Tree> trees() {
        return trees;
    }

    @Override
    public double probability(double[] features) {
        if (trees.size() == 1) return trees.getFirst().probability(features);
        double sum = 0;
        for (Tree t : trees) sum += t.probability(features);
        return sum / trees.size();
    }

    @Override
    public double[] importance(int features) {
        return importance.length == features ? importance.clone() : new double[0];
    }

    @Override
    public byte[] bytes() {
        return ModelBytes.of(MAGIC, out -> {
            out.writeInt(trees.size());
            for (Tree t : trees) {
                out.writeInt(t.feature.length);
                for (int k = 0; k < t.feature.length; k++) {
                    out.writeInt(t.feature[k]);
                    out.writeDouble(t.threshold[k]);
                    out.writeInt(t.lessOrEqual[k]);
                    out.writeInt(t.greater[k]);
                    out.writeDouble(t.up[k]);
                }
            }
            out.writeInt(importance.length);
            for (double v : importance) out.writeDouble(v);
        });
    }

    /** The trees {@link #bytes()} wrote, after their magic number. */
    static TreeVotes read(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 1 || count > 100_000) throw new IOException("tree count " + count);
        Tree[] trees = new Tree[count];
        for (int i = 0; i < count; i++) {
            int n = in.readInt();
            if (n < 1 || n > 10_000_000) throw new IOException("node count " + n);
            int[] feature = new int[n], less = new int[n], greater = new int[n];
            double[] threshold = new double[n], up = new double[n];
            for (int k = 0; k < n; k++) {
                feature[k] = in.readInt();
                threshold[k] = in.readDouble();
                less[k] = in.readInt();
                greater[k] = in.readInt();
                up[k] = in.readDouble();
                if (feature[k] >= 0 && (less[k] <= k || greater[k] <= k || less[k] >= n || greater[k] >= n)) throw new IOException("node " + k + " points outside its tree");
            }
            trees[i] = new Tree(feature, threshold, less, greater, up);
        }
        double[] importance = new double[in.readInt()];
        for (int j = 0; j < importance.length; j++) importance[j] = in.readDouble();
        return new TreeVotes(List.of(trees), importance);
    }
}
