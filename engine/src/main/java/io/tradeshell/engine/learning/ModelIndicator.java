package io.tradeshell.engine.learning;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * A model read as an indicator: the probability of its label at each bar. Either trained here,
 * walk-forward ({@link WalkForwardModel}), or trained elsewhere and imported ({@link ImportedModel}).
 */
public abstract sealed class ModelIndicator extends Indicator permits WalkForwardModel, ImportedModel {
    protected ModelIndicator(BarSeries series) {
        super(series);
    }

    public abstract String name();

    /** What a run says about the model: its settings, its trainings or import, and its out-of-sample accuracy so far. */
    public abstract ModelReport report();

    /** A training window's predictions from bar {@code from} until before {@code end}, scored once their label has closed. */
    final ModelReport.Window score(Training training, Label label, int from, int end) {
        int scored = 0, hits = 0, h = label.horizon();
        for (int p = from; p < end && p + h <= series.lastIndex(); p++) {
            double prob = value(p);
            if (Double.isNaN(prob)) continue;
            scored++;
            if ((prob > 0.5) == label.at(series, p)) hits++;
        }
        return new ModelReport.Window(training, series.closeTime(end - 1), scored, hits);
    }

    /** Every prediction from bar {@code from} on, with its label where the bars show it. */
    final ModelReport.Predictions predictions(Label label, int from) {
        int n = series.size() - from, h = label.horizon();
        long[] times = new long[n];
        double[] probs = new double[n];
        byte[] up = new byte[n];
        for (int k = 0; k < n; k++) {
            int p = from + k;
            times[k] = series.closeTime(p);
            probs[k] = value(p);
            up[k] = p + h <= series.lastIndex() ? (byte) (label.at(series, p) ? 1 : 0) : -1;
        }
        return new ModelReport.Predictions(times, probs, up);
    }
}
