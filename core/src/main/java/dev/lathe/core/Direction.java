package dev.lathe.core;

/**
 * Which way a score improves: errors and losses are minimised, scores such as R^2 maximised. The one
 * direction type of searches, validation gates, reports and regression checks.
 */
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
