package dev.lathe.evaluation.report;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.evaluation.metrics.PredictionInputs;

/** The score of every hyperparameter-search trial in trial order, and which way the score improves. */
public record SearchHistory(String metric, Direction direction, double[] scores) {
    public SearchHistory {
        LatheException.check(metric != null && !metric.isBlank(), "search history metric must not be blank");
        LatheException.check(direction != null, "search history needs a direction");
        LatheException.check(scores.length > 0, "search history needs at least one trial score");
        PredictionInputs.checkFinite("search history scores", scores);
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** The best score so far after each trial. */
    public double[] runningBest() {
        double[] best = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double prev = i == 0 ? scores[0] : best[i - 1];
            best[i] = direction.better(scores[i], prev) ? scores[i] : prev;
        }
        return best;
    }

    /** The index of the first trial reaching the best score. */
    public int bestTrial() {
        int b = 0;
        for (int i = 1; i < scores.length; i++) {
            if (direction.better(scores[i], scores[b])) {
                b = i;
            }
        }
        return b;
    }
}
