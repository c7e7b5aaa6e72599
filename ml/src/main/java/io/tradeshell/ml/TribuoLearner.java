package io.tradeshell.ml;

import io.tradeshell.engine.learning.Learner;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's pure-Java learners: {@link #trees} one CART tree, {@link #forest} a random forest
 * (bagged CART trees, each split choosing among a random 70% of the features), both on features
 * rounded to 32-bit floats, {@link #logistic}
 * logistic regression fitted by AdaGrad on standardized features. Each fit makes a new trainer
 * with a fixed seed, so the same samples give the same model whatever was fitted before; the
 * model is then copied out of Tribuo into plain arrays ({@link TreeVotes}, {@link LogisticOdds}),
 * which are what is saved, hashed and asked for predictions.
 */
public final class TribuoLearner implements Learner {
    private static final long SEED = 12345L;
    /** Tribuo's own default: a node of fewer samples is not split. */
    private static final float MIN_CHILD_WEIGHT = 5f;
    /**
     * AdaGrad's base rate and passes over the samples, one sample a step: at Tribuo's default rate
     * of 1 the steps never settle (probabilities 0.09 from the exact fit's); at 0.05 and 100 passes
     * they are within 0.002 (LogisticRegressionProbabilitiesTest).
     */
    static final double LOGISTIC_RATE = 0.05;
    static final int LOGISTIC_EPOCHS = 100;
    private static final String UP = "up", DOWN = "down";
    /** Tribuo reports its progress through java.util.logging: silenced, and held so the setting stays. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private enum Kind { TREE, FOREST, LOGISTIC }

    private final Kind kind;
    private final int depth;
    private final int trees;
    private final String description;

    private TribuoLearner(Kind kind, int depth, int trees, String description) {
        this.kind = kind;
        this.depth = depth;
        this.trees = trees;
        this.description = description;
    }

    /** One CART tree of at most {@code depth} levels (depth 1: a stump). */
    public static TribuoLearner trees(int depth) {
        return new TribuoLearner(Kind.TREE, positive("depth", depth), 1, "trees(depth: " + depth + ")");
    }

    /** {@code trees} CART trees of at most {@code depth} levels, each on a bootstrap sample, each split among a random 70% of the features. */
    public static TribuoLearner forest(int trees, int depth) {
        return new TribuoLearner(Kind.FOREST, positive("depth", depth), positive("trees", trees), "forest(trees: " + trees + ", depth: " + depth + ")");
    }

    /** Logistic regression, the maximum-likelihood fit without a penalty. */
    public static TribuoLearner logistic() {
        return new TribuoLearner(Kind.LOGISTIC, 0, 0, "logistic()");
    }

    private static int positive(String what, int n) {
        if (n < 1) throw new IllegalArgumentException(what + " must be at least 1, was " + n);
        return n;
    }

    @Override
    public Fitted fit(double[][] x, boolean[] up) {
        return fitted(x, up).plain();
    }

    /** The fit as Tribuo holds it beside its plain copy, and the rows Tribuo was shown: for tests that the copy predicts as Tribuo does. */
    record Fit(Model<Label> tribuo, Fitted plain, double[][] shown) { }

    Fit fitted(double[][] x, boolean[] up) {
        int n = x.length;
        int ups = 0;
        for (boolean u : up) if (u) ups++;
        if (ups == 0 || ups == n) { // one class only: nothing to split or weigh, the model says what every sample said
            double p = ups == 0 ? 0 : 1;
            return new Fit(null, new TreeVotes(List.of(new TreeVotes.Tree(new int[] {-1}, new double[1], new int[1], new int[1], new double[] {p})), new double[0]), x);
        }
        try {
            return switch (kind) {
                case TREE -> trees(x, up, treeTrainer(1f));
                case FOREST -> trees(x, up, null);
                case LOGISTIC -> logistic(x, up);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(description + " could not be fitted: " + e.getMessage(), e);
        }
    }

    private CARTClassificationTrainer treeTrainer(float featureShare) {
        return new CARTClassificationTrainer(depth, MIN_CHILD_WEIGHT, 0f, featureShare, false, new GiniIndex(), SEED);
    }

    @SuppressWarnings("unchecked")
    private Fit trees(double[][] x, boolean[] up, CARTClassificationTrainer single) {
        MutableDataset<Label> data = dataset(floats(x), up);
        List<TreeModel<Label>> members = new ArrayList<>();
        Model<Label> model;
        if (single != null) {
            TreeModel<Label> tree = single.train(data);
            members.add(tree);
            model = tree;
        } else {
            var forest = new RandomForestTrainer<>(treeTrainer(0.7f), new FullyWeightedVotingCombiner(), trees, SEED);
            EnsembleModel<Label> ensemble = forest.train(data);
            for (Model<Label> m : ensemble.getModels()) members.add((TreeModel<Label>) m);
            model = ensemble;
        }
        List<TreeVotes.Tree> plain = new ArrayList<>();
        for (TreeModel<Label> t : members) plain.add(copy(t));
        return new Fit(model, new TreeVotes(plain, GiniImportance.of(plain, x, up)), x);
    }

    /**
     * The rows rounded to 32-bit floats, as XGBoost reads them: a double's last digits are rounding
     * noise (a fall of 1% computed as -1.0000000000000009 one day and -0.9999999999999992 the next),
     * and a tree fitted on them splits on that noise. Trees compare values as floats when they predict.
     */
    private static double[][] floats(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = (float) x[i][j];
        }
        return out;
    }

    /** The tree's nodes in arrays, root first; feature ids mapped back to columns through their names. */
    private static TreeVotes.Tree copy(TreeModel<Label> model) {
        List<Node<Label>> nodes = new ArrayList<>();
        nodes.add(model.getRoot());
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k) instanceof SplitNode<Label> s) {
                nodes.add(s.getLessThanOrEqual());
                nodes.add(s.getGreaterThan());
            }
        }
        int n = nodes.size();
        int[] feature = new int[n], less = new int[n], greater = new int[n];
        double[] threshold = new double[n], up = new double[n];
        int child = 1;
        for (int k = 0; k < n; k++) {
            switch (nodes.get(k)) {
                case SplitNode<Label> s -> {
                    feature[k] = column(model.getFeatureIDMap().get(s.getFeatureID()).getName());
                    threshold[k] = s.splitValue();
                    less[k] = child++;
                    greater[k] = child++;
                }
                case LeafNode<Label> leaf -> {
                    feature[k] = -1;
                    Label p = leaf.getDistribution().get(UP);
                    up[k] = p == null ? 0 : p.getScore();
                }
                default -> throw new IllegalStateException("unknown tree node " + nodes.get(k).getClass().getName());
            }
        }
        return new TreeVotes.Tree(feature, threshold, less, greater, up);
    }

    private Fit logistic(double[][] x, boolean[] up) {
        int n = x.length, f = x[0].length;
        double[] mean = new double[f], scale = new double[f];
        for (int j = 0; j < f; j++) {
            double sum = 0;
            for (double[] row : x) sum += row[j];
            mean[j] = sum / n;
            double squares = 0;
            for (double[] row : x) squares += (row[j] - mean[j]) * (row[j] - mean[j]);
            double sd = Math.sqrt(squares / n);
            scale[j] = sd > 0 ? sd : 1;
        }
        double[][] standard = new double[n][f];
        for (int i = 0; i < n; i++) for (int j = 0; j < f; j++) standard[i][j] = (x[i][j] - mean[j]) / scale[j];
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LOGISTIC_RATE, 0.1), LOGISTIC_EPOCHS, Integer.MAX_VALUE, 1, SEED);
        LinearSGDModel model = trainer.train(dataset(standard, up));
        // two classes, one row of weights each and the bias last: the odds of up are the difference of the rows
        var w = model.getWeightsCopy();
        int upRow = model.getOutputIDInfo().getID(new Label(UP)), downRow = model.getOutputIDInfo().getID(new Label(DOWN));
        double[] weights = new double[f];
        for (int id = 0; id < f; id++) {
            int j = column(model.getFeatureIDMap().get(id).getName());
            weights[j] = w.get(upRow, id) - w.get(downRow, id);
        }
        double bias = w.get(upRow, f) - w.get(downRow, f);
        return new Fit(model, new LogisticOdds(mean, scale, weights, bias), standard);
    }

    private static MutableDataset<Label> dataset(double[][] x, boolean[] up) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("walk-forward samples", labels), labels);
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) names[j] = name(j);
        for (int i = 0; i < x.length; i++) data.add(new ArrayExample<>(new Label(up[i] ? UP : DOWN), names, x[i]));
        return data;
    }

    /** Zero-padded, so Tribuo's name-sorted feature ids keep the columns' order. */
    static String name(int column) {
        return String.format(java.util.Locale.ROOT, "f%05d", column);
    }

    private static int column(String name) {
        return Integer.parseInt(name.substring(1));
    }

    @Override
    public Fitted load(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            Fitted model = switch (magic) {
                case TreeVotes.MAGIC -> TreeVotes.read(in);
                case LogisticOdds.MAGIC -> LogisticOdds.read(in);
                default -> throw new IOException("it starts with " + Integer.toHexString(magic));
            };
            if (in.read() != -1) throw new IOException("bytes after the model's end");
            return model;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model " + description + " can read: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
