package dev.lathe.evaluation.search;

/** Whether a search minimises (errors) or maximises (r2) its score. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The score as a loss (smaller is better) for samplers and pruners. */
    public double toLoss(double score) {
        return this == MINIMIZE ? score : -score;
    }
}
