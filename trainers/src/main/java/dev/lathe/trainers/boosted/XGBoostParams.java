package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Validated XGBoost booster hyperparameters (CPU, gbtree), each declared once below under XGBoost's
 * own name with its default, valid range and doc; every value is checked in the compact constructor so
 * that an invalid setting fails here with its name and value, not deep in native code. Build with
 * {@link #builder(int)}; {@code earlyStoppingRounds == 0} disables early stopping.
 */
public record XGBoostParams(
        double learningRate,
        int maxDepth,
        double minChildWeight,
        double gamma,
        double subsample,
        double colsampleBytree,
        double colsampleBylevel,
        double colsampleBynode,
        double regAlpha,
        double regLambda,
        int maxBin,
        TreeMethod treeMethod,
        String objective,
        String evalMetric,
        int numParallelTree,
        int numBoostRounds,
        int earlyStoppingRounds,
        long seed,
        int nthread) {
    public static final Hyperparameter<Double> LEARNING_RATE = Hyperparameter.real(
            "learning_rate", 0.3, Interval.openClosed(0, 1), "shrinkage of each round's trees (eta)");
    public static final Hyperparameter<Integer> MAX_DEPTH =
            Hyperparameter.integer("max_depth", 6, Interval.atLeast(0), "maximum tree depth (0: no limit)");
    public static final Hyperparameter<Double> MIN_CHILD_WEIGHT = Hyperparameter.real(
            "min_child_weight", 1, Interval.atLeast(0), "minimum sum of instance weight (hessian) in a child");
    public static final Hyperparameter<Double> GAMMA =
            Hyperparameter.real("gamma", 0, Interval.atLeast(0), "minimum loss reduction to split a leaf");
    public static final Hyperparameter<Double> SUBSAMPLE =
            Hyperparameter.real("subsample", 1, Interval.openClosed(0, 1), "share of rows sampled for each tree");
    public static final Hyperparameter<Double> COLSAMPLE_BYTREE = Hyperparameter.real(
            "colsample_bytree", 1, Interval.openClosed(0, 1), "share of columns sampled for each tree");
    public static final Hyperparameter<Double> COLSAMPLE_BYLEVEL = Hyperparameter.real(
            "colsample_bylevel", 1, Interval.openClosed(0, 1), "share of columns sampled for each depth level");
    public static final Hyperparameter<Double> COLSAMPLE_BYNODE = Hyperparameter.real(
            "colsample_bynode", 1, Interval.openClosed(0, 1), "share of columns sampled for each split");
    public static final Hyperparameter<Double> REG_ALPHA =
            Hyperparameter.real("reg_alpha", 0, Interval.atLeast(0), "L1 penalty on leaf weights (alpha)");
    public static final Hyperparameter<Double> REG_LAMBDA =
            Hyperparameter.real("reg_lambda", 1, Interval.atLeast(0), "L2 penalty on leaf weights (lambda)");
    public static final Hyperparameter<Integer> MAX_BIN = Hyperparameter.integer(
            "max_bin", 256, Interval.atLeast(2), "histogram bins per feature (hist and approx tree methods)");
    public static final Hyperparameter<String> TREE_METHOD = Hyperparameter.choice(
            "tree_method", TreeMethod.HIST.xgboostName(), TreeMethod.names(), "tree construction algorithm");
    public static final Hyperparameter<String> OBJECTIVE =
            Hyperparameter.text("objective", "reg:squarederror", "learning objective (XGBoost's name)");
    public static final Hyperparameter<String> EVAL_METRIC = Hyperparameter.text(
            "eval_metric", "rmse", "metric watched per round and by early stopping (XGBoost's name)");
    public static final Hyperparameter<Integer> NUM_PARALLEL_TREE = Hyperparameter.integer(
            "num_parallel_tree", 1, Interval.atLeast(1), "trees grown per round (more than 1: a boosted forest)");
    public static final Hyperparameter<Integer> NUM_BOOST_ROUND =
            Hyperparameter.integer("num_boost_round", 100, Interval.atLeast(1), "maximum number of boosting rounds");
    public static final Hyperparameter<Integer> EARLY_STOPPING_ROUNDS = Hyperparameter.integer(
            "early_stopping_rounds",
            0,
            Interval.atLeast(0),
            "stop after this many rounds without validation improvement (0: never)");
    public static final Hyperparameter<Long> SEED =
            Hyperparameter.seed("seed", 0, "seed of the row and column sampling");
    public static final Hyperparameter<Integer> NTHREAD = Hyperparameter.integer(
            "nthread",
            Runtime.getRuntime().availableProcessors(),
            Interval.atLeast(1),
            "threads one fit uses (default: every processor)");

    /** Every XGBoost hyperparameter, in XGBoost's documentation order. */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(
            LEARNING_RATE,
            MAX_DEPTH,
            MIN_CHILD_WEIGHT,
            GAMMA,
            SUBSAMPLE,
            COLSAMPLE_BYTREE,
            COLSAMPLE_BYLEVEL,
            COLSAMPLE_BYNODE,
            REG_ALPHA,
            REG_LAMBDA,
            MAX_BIN,
            TREE_METHOD,
            OBJECTIVE,
            EVAL_METRIC,
            NUM_PARALLEL_TREE,
            NUM_BOOST_ROUND,
            EARLY_STOPPING_ROUNDS,
            SEED,
            NTHREAD);

    public XGBoostParams {
        LEARNING_RATE.check(learningRate);
        MAX_DEPTH.check(maxDepth);
        MIN_CHILD_WEIGHT.check(minChildWeight);
        GAMMA.check(gamma);
        SUBSAMPLE.check(subsample);
        COLSAMPLE_BYTREE.check(colsampleBytree);
        COLSAMPLE_BYLEVEL.check(colsampleBylevel);
        COLSAMPLE_BYNODE.check(colsampleBynode);
        REG_ALPHA.check(regAlpha);
        REG_LAMBDA.check(regLambda);
        MAX_BIN.check(maxBin);
        LatheException.check(treeMethod != null, "tree_method must not be null");
        LatheException.check(
                treeMethod != TreeMethod.EXACT || colsampleBynode == 1,
                "colsample_bynode must be 1 with tree_method exact (XGBoost does not support it), got %s",
                colsampleBynode);
        OBJECTIVE.check(objective);
        EVAL_METRIC.check(evalMetric);
        NUM_PARALLEL_TREE.check(numParallelTree);
        NUM_BOOST_ROUND.check(numBoostRounds);
        EARLY_STOPPING_ROUNDS.check(earlyStoppingRounds);
        NTHREAD.check(nthread);
    }

    /** A builder with XGBoost's defaults and the given maximum number of boosting rounds. */
    public static Builder builder(int numBoostRounds) {
        return new Builder(numBoostRounds);
    }

    /** The record for values of {@link #SPACE}. */
    public static XGBoostParams from(HyperparameterValues v) {
        return new XGBoostParams(
                v.get(LEARNING_RATE),
                v.get(MAX_DEPTH),
                v.get(MIN_CHILD_WEIGHT),
                v.get(GAMMA),
                v.get(SUBSAMPLE),
                v.get(COLSAMPLE_BYTREE),
                v.get(COLSAMPLE_BYLEVEL),
                v.get(COLSAMPLE_BYNODE),
                v.get(REG_ALPHA),
                v.get(REG_LAMBDA),
                v.get(MAX_BIN),
                TreeMethod.of(v.get(TREE_METHOD)),
                v.get(OBJECTIVE),
                v.get(EVAL_METRIC),
                v.get(NUM_PARALLEL_TREE),
                v.get(NUM_BOOST_ROUND),
                v.get(EARLY_STOPPING_ROUNDS),
                v.get(SEED),
                v.get(NTHREAD));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(LEARNING_RATE, learningRate)
                .set(MAX_DEPTH, maxDepth)
                .set(MIN_CHILD_WEIGHT, minChildWeight)
                .set(GAMMA, gamma)
                .set(SUBSAMPLE, subsample)
                .set(COLSAMPLE_BYTREE, colsampleBytree)
                .set(COLSAMPLE_BYLEVEL, colsampleBylevel)
                .set(COLSAMPLE_BYNODE, colsampleBynode)
                .set(REG_ALPHA, regAlpha)
                .set(REG_LAMBDA, regLambda)
                .set(MAX_BIN, maxBin)
                .set(TREE_METHOD, treeMethod.xgboostName())
                .set(OBJECTIVE, objective)
                .set(EVAL_METRIC, evalMetric)
                .set(NUM_PARALLEL_TREE, numParallelTree)
                .set(NUM_BOOST_ROUND, numBoostRounds)
                .set(EARLY_STOPPING_ROUNDS, earlyStoppingRounds)
                .set(SEED, seed)
                .set(NTHREAD, nthread)
                .build();
    }

    /** A builder initialised with every value of this record. */
    public Builder toBuilder() {
        return new Builder(numBoostRounds)
                .learningRate(learningRate)
                .maxDepth(maxDepth)
                .minChildWeight(minChildWeight)
                .gamma(gamma)
                .subsample(subsample)
                .colsampleBytree(colsampleBytree)
                .colsampleBylevel(colsampleBylevel)
                .colsampleBynode(colsampleBynode)
                .regAlpha(regAlpha)
                .regLambda(regLambda)
                .maxBin(maxBin)
                .treeMethod(treeMethod)
                .objective(objective)
                .evalMetric(evalMetric)
                .numParallelTree(numParallelTree)
                .earlyStoppingRounds(earlyStoppingRounds)
                .seed(seed)
                .nthread(nthread);
    }

    /** True when a larger value of the evaluation metric is better (auc, map, ndcg...). */
    public boolean maximizeMetric() {
        return evalMetric.startsWith("auc") || evalMetric.startsWith("map") || evalMetric.startsWith("ndcg");
    }

    /** The parameters as the native booster takes them (verbosity 0: no native logging). */
    public Map<String, Object> boosterParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("booster", "gbtree");
        p.put("verbosity", 0);
        p.put("eta", learningRate);
        p.put("max_depth", maxDepth);
        p.put("min_child_weight", minChildWeight);
        p.put("gamma", gamma);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleBytree);
        p.put("colsample_bylevel", colsampleBylevel);
        p.put("colsample_bynode", colsampleBynode);
        p.put("alpha", regAlpha);
        p.put("lambda", regLambda);
        p.put("max_bin", maxBin);
        p.put("tree_method", treeMethod.xgboostName());
        p.put("objective", objective);
        p.put("eval_metric", evalMetric);
        p.put("num_parallel_tree", numParallelTree);
        p.put("seed", seed);
        p.put("nthread", nthread);
        return p;
    }

    /** Every hyperparameter by its XGBoost name, as logged to tracking and provenance. */
    public SortedMap<String, String> asStrings() {
        return values().asStrings();
    }

    /** Builder for {@link XGBoostParams}; starts from XGBoost's documented defaults. */
    public static final class Builder {
        private double learningRate = LEARNING_RATE.defaultValue();
        private int maxDepth = MAX_DEPTH.defaultValue();
        private double minChildWeight = MIN_CHILD_WEIGHT.defaultValue();
        private double gamma = GAMMA.defaultValue();
        private double subsample = SUBSAMPLE.defaultValue();
        private double colsampleBytree = COLSAMPLE_BYTREE.defaultValue();
        private double colsampleBylevel = COLSAMPLE_BYLEVEL.defaultValue();
        private double colsampleBynode = COLSAMPLE_BYNODE.defaultValue();
        private double regAlpha = REG_ALPHA.defaultValue();
        private double regLambda = REG_LAMBDA.defaultValue();
        private int maxBin = MAX_BIN.defaultValue();
        private TreeMethod treeMethod = TreeMethod.of(TREE_METHOD.defaultValue());
        private String objective = OBJECTIVE.defaultValue();
        private String evalMetric = EVAL_METRIC.defaultValue();
        private int numParallelTree = NUM_PARALLEL_TREE.defaultValue();
        private int numBoostRounds;
        private int earlyStoppingRounds = EARLY_STOPPING_ROUNDS.defaultValue();
        private long seed = SEED.defaultValue();
        private int nthread = NTHREAD.defaultValue();

        private Builder(int numBoostRounds) {
            this.numBoostRounds = numBoostRounds;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        public Builder minChildWeight(double v) {
            minChildWeight = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder subsample(double v) {
            subsample = v;
            return this;
        }

        public Builder colsampleBytree(double v) {
            colsampleBytree = v;
            return this;
        }

        public Builder colsampleBylevel(double v) {
            colsampleBylevel = v;
            return this;
        }

        public Builder colsampleBynode(double v) {
            colsampleBynode = v;
            return this;
        }

        public Builder regAlpha(double v) {
            regAlpha = v;
            return this;
        }

        public Builder regLambda(double v) {
            regLambda = v;
            return this;
        }

        public Builder maxBin(int v) {
            maxBin = v;
            return this;
        }

        public Builder treeMethod(TreeMethod v) {
            treeMethod = v;
            return this;
        }

        public Builder objective(String v) {
            objective = v;
            return this;
        }

        public Builder evalMetric(String v) {
            evalMetric = v;
            return this;
        }

        public Builder numParallelTree(int v) {
            numParallelTree = v;
            return this;
        }

        public Builder numBoostRounds(int v) {
            numBoostRounds = v;
            return this;
        }

        public Builder earlyStoppingRounds(int v) {
            earlyStoppingRounds = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder nthread(int v) {
            nthread = v;
            return this;
        }

        public XGBoostParams build() {
            return new XGBoostParams(
                    learningRate,
                    maxDepth,
                    minChildWeight,
                    gamma,
                    subsample,
                    colsampleBytree,
                    colsampleBylevel,
                    colsampleBynode,
                    regAlpha,
                    regLambda,
                    maxBin,
                    treeMethod,
                    objective,
                    evalMetric,
                    numParallelTree,
                    numBoostRounds,
                    earlyStoppingRounds,
                    seed,
                    nthread);
        }
    }
}
