package dev.lathe.tuning;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;

/**
 * How a search runs: trial budget, seed, worker threads, proposal batch size (trials of one batch are
 * proposed together and conditioned only on earlier batches, so results do not depend on the thread
 * count), direction and the name the score is logged under.
 */
public record SearchSettings(int trials, long seed, int threads, int batchSize, Direction direction, String scoreName) {
    public SearchSettings {
        LatheException.check(trials >= 1, "trials must be >= 1, got %d", trials);
        LatheException.check(threads >= 1, "threads must be >= 1, got %d", threads);
        LatheException.check(batchSize >= 1, "batchSize must be >= 1, got %d", batchSize);
        LatheException.check(direction != null, "direction must not be null");
        LatheException.check(
                scoreName != null && scoreName.matches("[A-Za-z0-9_.\\-]+"),
                "scoreName must be a metric key of letters, digits, '_', '.', '-', got '%s'",
                scoreName);
    }

    public static Builder builder(int trials, long seed) {
        return new Builder(trials, seed);
    }

    /** Builder with the budget and seed required; 1 thread, batch 1, minimise "score" by default. */
    public static final class Builder {
        private final int trials;
        private final long seed;
        private int threads = 1;
        private int batchSize = 1;
        private Direction direction = Direction.MINIMIZE;
        private String scoreName = "score";

        private Builder(int trials, long seed) {
            this.trials = trials;
            this.seed = seed;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder scoreName(String scoreName) {
            this.scoreName = scoreName;
            return this;
        }

        /** Sets the direction and score name from a metric ("rmse" minimises, "r2" maximises). */
        public Builder score(ScoreMetric metric) {
            this.direction = metric.direction();
            this.scoreName = metric.name();
            return this;
        }

        public SearchSettings build() {
            return new SearchSettings(trials, seed, threads, batchSize, direction, scoreName);
        }
    }
}
