package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Validated XGBoost booster hyperparameters (CPU, gbtree). Every value is checked in the compact
 * constructor so that an invalid setting fails here with its name and value, not deep in native code.
 * Build with {@link #builder(int)}; {@code earlyStoppingRounds == 0} disables early stopping.
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

    public XGBoostParams {
        LatheException.check(
                learningRate > 0 && learningRate <= 1, "learning_rate must be in (0, 1], got %s", learningRate);
        LatheException.check(maxDepth >= 0, "max_depth must be >= 0, got %d", maxDepth);
        LatheException.check(minChildWeight >= 0, "min_child_weight must be >= 0, got %s", minChildWeight);
        LatheException.check(gamma >= 0, "gamma must be >= 0, got %s", gamma);
        checkFraction("subsample", subsample);
        checkFraction("colsample_bytree", colsampleBytree);
        checkFraction("colsample_bylevel", colsampleBylevel);
        checkFraction("colsample_bynode", colsampleBynode);
        LatheException.check(regAlpha >= 0, "reg_alpha must be >= 0, got %s", regAlpha);
        LatheException.check(regLambda >= 0, "reg_lambda must be >= 0, got %s", regLambda);
        LatheException.check(maxBin >= 2, "max_bin must be >= 2, got %d", maxBin);
        LatheException.check(treeMethod != null, "tree_method must not be null");
        LatheException.check(
                treeMethod != TreeMethod.EXACT || colsampleBynode == 1,
                "colsample_bynode must be 1 with tree_method exact (XGBoost does not support it), got %s",
                colsampleBynode);
        LatheException.check(
                objective != null && !objective.isBlank(), "objective must not be blank, got '%s'", objective);
        LatheException.check(
                evalMetric != null && !evalMetric.isBlank(), "eval_metric must not be blank, got '%s'", evalMetric);
        LatheException.check(numParallelTree >= 1, "num_parallel_tree must be >= 1, got %d", numParallelTree);
        LatheException.check(numBoostRounds >= 1, "num_boost_round must be >= 1, got %d", numBoostRounds);
        LatheException.check(
                earlyStoppingRounds >= 0,
                "early_stopping_rounds must be >= 0 (0 disables it), got %d",
                earlyStoppingRounds);
        LatheException.check(nthread >= 1, "nthread must be >= 1, got %d", nthread);
    }

    private static void checkFraction(String name, double v) {
        LatheException.check(v > 0 && v <= 1, "%s must be in (0, 1], got %s", name, v);
    }

    /** A builder with XGBoost's defaults and the given maximum number of boosting rounds. */
    public static Builder builder(int numBoostRounds) {
        return new Builder(numBoostRounds);
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
        SortedMap<String, String> m = new TreeMap<>();
        m.put("learning_rate", Double.toString(learningRate));
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("min_child_weight", Double.toString(minChildWeight));
        m.put("gamma", Double.toString(gamma));
        m.put("subsample", Double.toString(subsample));
        m.put("colsample_bytree", Double.toString(colsampleBytree));
        m.put("colsample_bylevel", Double.toString(colsampleBylevel));
        m.put("colsample_bynode", Double.toString(colsampleBynode));
        m.put("reg_alpha", Double.toString(regAlpha));
        m.put("reg_lambda", Double.toString(regLambda));
        m.put("max_bin", Integer.toString(maxBin));
        m.put("tree_method", treeMethod.xgboostName());
        m.put("objective", objective);
        m.put("eval_metric", evalMetric);
        m.put("num_parallel_tree", Integer.toString(numParallelTree));
        m.put("num_boost_round", Integer.toString(numBoostRounds));
        m.put("early_stopping_rounds", Integer.toString(earlyStoppingRounds));
        m.put("seed", Long.toString(seed));
        m.put("nthread", Integer.toString(nthread));
        return m;
    }

    /** Builder for {@link XGBoostParams}; starts from XGBoost's documented defaults. */
    public static final class Builder {
        private double learningRate = 0.3;
        private int maxDepth = 6;
        private double minChildWeight = 1;
        private double gamma = 0;
        private double subsample = 1;
        private double colsampleBytree = 1;
        private double colsampleBylevel = 1;
        private double colsampleBynode = 1;
        private double regAlpha = 0;
        private double regLambda = 1;
        private int maxBin = 256;
        private TreeMethod treeMethod = TreeMethod.HIST;
        private String objective = "reg:squarederror";
        private String evalMetric = "rmse";
        private int numParallelTree = 1;
        private int numBoostRounds;
        private int earlyStoppingRounds = 0;
        private long seed = 0;
        private int nthread = Runtime.getRuntime().availableProcessors();

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
