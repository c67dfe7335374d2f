package dev.lathe.trainers.boosted;

/**
 * Tracks the best validation score over boosting rounds and says when {@code patience} rounds have
 * passed without a strict improvement (XGBoost's early-stopping rule). Patience 0 never stops.
 */
final class EarlyStopping {
    private final int patience;
    private final boolean maximize;
    private int bestRound = -1;
    private double bestScore = Double.NaN;

    EarlyStopping(int patience, boolean maximize) {
        this.patience = patience;
        this.maximize = maximize;
    }

    /** Records {@code score} at {@code round}; returns true when training should stop. */
    boolean update(int round, double score) {
        boolean better = bestRound < 0 || (maximize ? score > bestScore : score < bestScore);
        if (better) {
            bestRound = round;
            bestScore = score;
        }
        return patience > 0 && round - bestRound >= patience;
    }

    int bestRound() {
        return bestRound;
    }

    double bestScore() {
        return bestScore;
    }
}
