package io.tradeshell.ml;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.RocIndicator;
import io.tradeshell.engine.indicators.RsiIndicator;
import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.Learner;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.learning.Schedule;
import io.tradeshell.engine.learning.Span;
import io.tradeshell.engine.learning.WalkForwardModel;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Generated daily closes and the models the tests train on them. */
final class Walks {
    static final long DAY = 86_400_000L;
    /** 2000-01-03, a Monday. */
    static final long START = 946_857_600_000L;

    private Walks() { }

    /** Closes of a random walk: each day's return is +-1% with equal odds. */
    static double[] randomWalk(Random rnd, int n) {
        double[] c = new double[n];
        c[0] = 100;
        for (int i = 1; i < n; i++) c[i] = c[i - 1] * (rnd.nextBoolean() ? 1.01 : 0.99);
        return c;
    }

    /** Closes whose daily return has the sign of the day before's with probability {@code keep}. */
    static double[] momentum(Random rnd, int n, double keep) {
        double[] c = new double[n];
        c[0] = 100;
        c[1] = 101;
        for (int i = 2; i < n; i++) {
            boolean wasUp = c[i - 1] > c[i - 2];
            boolean up = rnd.nextDouble() < keep ? wasUp : !wasUp;
            c[i] = c[i - 1] * (up ? 1.01 : 0.99);
        }
        return c;
    }

    static BarSeries series(double[] closes) {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 6, closes.length);
        for (int i = 0; i < closes.length; i++) append(s, closes, i);
        return s;
    }

    static void append(BarSeries s, double[] closes, int i) {
        double open = i == 0 ? closes[0] : closes[i - 1];
        s.append(START + i * DAY, open, Math.max(open, closes[i]), Math.min(open, closes[i]), closes[i], 1000);
    }

    /** Yesterday's and the week's return and a 14-bar RSI, as a script would declare them. */
    static WalkForwardModel model(BarSeries bars, Learner learner, Schedule schedule, Label label, SavedModels saved, BarSeries labelBars) {
        PriceIndicator close = new PriceIndicator(bars, PriceIndicator.Column.CLOSE);
        List<Indicator> features = List.of(new RocIndicator(close, 1), new RocIndicator(close, 5), new RsiIndicator(close, 14));
        return new WalkForwardModel("dir", bars, features, List.of("roc1", "roc5", "rsi14"), label, learner, schedule, saved, labelBars);
    }

    static WalkForwardModel model(BarSeries bars, Learner learner, Schedule schedule, Label label) {
        return model(bars, learner, schedule, label, SavedModels.NONE, bars);
    }

    static Schedule schedule(String train, String retrain, int embargo) {
        return new Schedule(Span.parse(train), Span.parse(retrain), embargo);
    }
}
