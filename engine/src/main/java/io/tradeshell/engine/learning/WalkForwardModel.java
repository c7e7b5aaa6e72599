package io.tradeshell.engine.learning;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A model trained walk-forward, read as an indicator: its value at bar {@code t} is the
 * probability of the label given the features at {@code t}, from the model trained at the latest
 * retraining at or before {@code t} (NaN before the first, or while a feature is NaN).
 *
 * <p>Training happens as the value is pulled, at the first bar where the schedule's training
 * span of history has passed and then every retraining span; a fit at bar {@code t} uses the
 * samples of the training span whose label ended at least the embargo before {@code t}'s close.
 * Like every indicator it can only read bars that have closed, so on a growing series no label
 * of the future can reach a fit; {@link #report()} shows it per training.
 */
public final class WalkForwardModel extends ModelIndicator {
    /** Fewer samples than this, or one class only, and the fit waits for the next bar. */
    static final int MIN_SAMPLES = 30;

    private final String name;
    private final FeatureRows rows;
    private final List<String> featureNames;
    private final Label label;
    private final Learner learner;
    private final Schedule schedule;
    private final BarSeries labelBars;
    private final SavedModels saved;
    private final List<Training> trainings = new ArrayList<>();
    private Learner.Fitted current;
    private int lastTrained = -1;
    private final int unstable;

    /** A model whose labels are read from its own bars, as every script's model is. */
    public WalkForwardModel(String name, BarSeries bars, List<Indicator> features, List<String> featureNames, Label label,
                            Learner learner, Schedule schedule, SavedModels saved) {
        this(name, bars, features, featureNames, label, learner, schedule, saved, bars);
    }

    /**
     * A model whose labels are read from {@code labelBars}: a series that already holds later bars
     * than {@code bars} is how research code leaks, so only tests of the audit use this.
     */
    public WalkForwardModel(String name, BarSeries bars, List<Indicator> features, List<String> featureNames, Label label,
                            Learner learner, Schedule schedule, SavedModels saved, BarSeries labelBars) {
        super(bars);
        this.rows = new FeatureRows(name, bars, features, featureNames);
        this.name = name;
        this.featureNames = List.copyOf(featureNames);
        this.label = label;
        this.learner = learner;
        this.schedule = schedule;
        this.saved = saved;
        this.labelBars = labelBars;
        this.unstable = rows.unstableBars();
    }

    @Override
    protected double calculate(int t) {
        boolean due = lastTrained < 0 ? schedule.train().passed(series, 0, t) : schedule.retrain().passed(series, lastTrained, t);
        if (due) train(t);
        if (current == null) return Double.NaN;
        double[] x = rows.at(t);
        return x == null ? Double.NaN : current.probability(x);
    }

    private void train(int t) {
        int h = label.horizon();
        int first = schedule.train().firstBar(series, t);
        int last = schedule.purge() ? t - h - schedule.embargoBars() : Math.min(t, labelBars.lastIndex() - h);
        List<double[]> samples = new ArrayList<>();
        List<Integer> bars = new ArrayList<>();
        for (int j = first; j <= last; j++) {
            double[] x = rows.at(j);
            if (x != null) {
                samples.add(x);
                bars.add(j);
            }
        }
        boolean[] up = new boolean[samples.size()];
        int ups = 0;
        for (int k = 0; k < up.length; k++) {
            up[k] = label.at(labelBars, bars.get(k));
            if (up[k]) ups++;
        }
        if (samples.size() < MIN_SAMPLES || ups == 0 || ups == up.length) return; // not enough to learn from yet
        long trainedAt = series.closeTime(t);
        var reuse = saved.find(series.symbol(), name, trainedAt);
        byte[] bytes;
        Learner.Fitted fitted;
        String source;
        if (reuse.isPresent()) {
            bytes = reuse.get().checked(name, featureNames);
            fitted = learner.load(bytes);
            source = reuse.get().source();
        } else if (!saved.fitsMissing()) {
            throw new IllegalArgumentException("no saved model '" + name + "' trained at " + java.time.Instant.ofEpochMilli(trainedAt)
                    + " in the saved models given: they were trained on other data or with another schedule");
        } else {
            fitted = learner.fit(samples.toArray(double[][]::new), up);
            bytes = fitted.bytes();
            source = "";
        }
        int lastSample = bars.getLast();
        int labelBar = lastSample + h;
        long latestLabel = labelBars.closeTime(labelBar);
        trainings.add(new Training(trainings.size() + 1, t, trainedAt, series.closeTime(bars.getFirst()), series.closeTime(lastSample),
                samples.size(), (double) ups / samples.size(), latestLabel, trainedAt, t - labelBar, sha256(bytes), bytes,
                reuse.isPresent(), source, fitted.importance(rows.size())));
        current = fitted;
        lastTrained = t;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() { return name; }
    public List<String> featureNames() { return featureNames; }
    public Label label() { return label; }
    public Learner learner() { return learner; }
    public Schedule schedule() { return schedule; }

    /** The fits so far, in order. */
    public List<Training> trainings() {
        return List.copyOf(trainings);
    }

    /**
     * The audit and out-of-sample accuracy of the fits so far, reading the bars closed by now:
     * each prediction is scored once its label's horizon has closed.
     */
    @Override
    public ModelReport report() {
        if (!series.isEmpty()) value(series.lastIndex());
        List<ModelReport.Window> windows = new ArrayList<>();
        for (int k = 0; k < trainings.size(); k++) {
            Training tr = trainings.get(k);
            windows.add(score(tr, label, tr.bar(), k + 1 < trainings.size() ? trainings.get(k + 1).bar() : series.size()));
        }
        return new ModelReport(name, series.symbol(), featureNames, label, learner.describe(), Optional.of(schedule), windows, importance(),
                trainings.isEmpty() ? ModelReport.Predictions.NONE : predictions(label, trainings.getFirst().bar()));
    }

    /** Each feature's importance averaged over the fits that could say. */
    private double[] importance() {
        double[] sum = new double[rows.size()];
        int n = 0;
        for (Training t : trainings) {
            if (t.importance().length != sum.length) continue;
            for (int f = 0; f < sum.length; f++) sum[f] += t.importance()[f];
            n++;
        }
        if (n == 0) return new double[0];
        for (int f = 0; f < sum.length; f++) sum[f] /= n;
        return sum;
    }

    /** The features' warm-up; the model's own (the first training span) shows as NaN values. */
    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public String toString() {
        return "prob('" + name + "')";
    }
}
