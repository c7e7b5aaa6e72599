package io.tradeshell.ml;

import java.util.List;

/**
 * What each feature's splits took out of the trees' Gini impurity over the training samples
 * (samples at a node times its impurity, less the same for its two children), summed over the
 * splits and trees and scaled to sum to 1.
 */
final class GiniImportance {
    private GiniImportance() { }

    static double[] of(List<TreeVotes.Tree> trees, double[][] x, boolean[] up) {
        int features = x[0].length;
        double[] out = new double[features];
        for (TreeVotes.Tree t : trees) {
            int n = t.feature().length;
            double[] count = new double[n], ups = new double[n];
            for (int i = 0; i < x.length; i++) {
                int k = 0;
                while (true) {
                    count[k]++;
                    if (up[i]) ups[k]++;
                    if (t.feature()[k] < 0) break;
                    k = t.next(k, x[i]);
                }
            }
            for (int k = 0; k < n; k++) {
                if (t.feature()[k] < 0) continue;
                int l = t.lessOrEqual()[k], r = t.greater()[k];
                out[t.feature()[k]] += weighted(count[k], ups[k]) - weighted(count[l], ups[l]) - weighted(count[r], ups[r]);
            }
        }
        double sum = 0;
        for (double v : out) sum += v;
        if (!(sum > 0)) return new double[0];
        for (int j = 0; j < features; j++) out[j] /= sum;
        return out;
    }

    /** Samples times Gini impurity: n (1 - p² - q²). */
    private static double weighted(double n, double ups) {
        if (n == 0) return 0;
        double p = ups / n;
        return n * (1 - p * p - (1 - p) * (1 - p));
    }
}
