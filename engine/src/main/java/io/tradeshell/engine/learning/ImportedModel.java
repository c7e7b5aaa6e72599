package io.tradeshell.engine.learning;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import java.util.List;
import java.util.Optional;

/**
 * A model trained elsewhere and imported (an ONNX file), read as an indicator: the probability of
 * its label given the features at each bar, NaN while a feature is NaN. It is never trained here,
 * so every prediction is out of sample; the report scores them against the label and records the
 * file's SHA-256 as the one training, marked imported.
 */
public final class ImportedModel extends ModelIndicator {
    private final String name;
    private final FeatureRows rows;
    private final List<String> featureNames;
    private final Label label;
    private final Learner.Fitted model;
    private final String source;
    private final byte[] bytes;

    /** {@code model} read from {@code source}, whose bytes are {@code bytes}. */
    public ImportedModel(String name, BarSeries bars, List<Indicator> features, List<String> featureNames, Label label,
                         Learner.Fitted model, String source) {
        super(bars);
        this.rows = new FeatureRows(name, bars, features, featureNames);
        this.name = name;
        this.featureNames = List.copyOf(featureNames);
        this.label = label;
        this.model = model;
        this.source = source;
        this.bytes = model.bytes();
    }

    @Override
    protected double calculate(int t) {
        double[] x = rows.at(t);
        return x == null ? Double.NaN : model.probability(x);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelReport report() {
        if (series.isEmpty()) {
            return new ModelReport(name, series.symbol(), featureNames, label, describe(), Optional.empty(), List.of(), new double[0],
                    ModelReport.Predictions.NONE);
        }
        value(series.lastIndex());
        long first = series.closeTime(0);
        Training imported = new Training(1, 0, first, first, first, 0, Double.NaN, first, first, 0, WalkForwardModel.sha256(bytes), bytes,
                true, source, new double[0]);
        return new ModelReport(name, series.symbol(), featureNames, label, describe(), Optional.empty(),
                List.of(score(imported, label, 0, series.size())), new double[0], predictions(label, 0));
    }

    private String describe() {
        return "onnx: " + source;
    }

    @Override
    public int unstableBars() {
        return rows.unstableBars();
    }

    @Override
    public String toString() {
        return "prob('" + name + "')";
    }
}
