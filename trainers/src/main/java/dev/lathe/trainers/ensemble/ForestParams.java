package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;
import dev.lathe.trainers.boosted.TreeMethod;
import dev.lathe.trainers.boosted.XGBoostParams;

/**
 * Random-forest hyperparameters for XGBoost's forest mode: {@code numTrees} trees grown in a single
 * boosting round (learning rate 1, so each leaf is its rows' mean target), each on a row subsample
 * drawn without replacement and with a column subsample per split; {@code maxBin} histogram bins per
 * numeric feature for the histogram tree methods. Names are XGBoost's (the tree count is its {@code
 * num_parallel_tree}); where a forest's default or rule differs from boosting's, it is declared here,
 * otherwise the declaration is {@link XGBoostParams}'. Defaults are scikit-learn's forest translated to
 * XGBoost: exact splits, all columns at every split, a 63.2 % row subsample (the expected share of
 * distinct rows in a bootstrap sample), and XGBoost's default L2 leaf penalty (lambda 1), which smooths
 * leaves of few rows. On the sparse one-hot taxi design exact splits are several times faster than
 * {@code hist} at depth 20. Build with {@link #builder(int, int)}.
 */
public record ForestParams(
        int numTrees,
        int maxDepth,
        double subsample,
        double colsampleBynode,
        double minChildWeight,
        double regLambda,
        int maxBin,
        long seed,
        int nthread,
        TreeMethod treeMethod) {

    public static final Hyperparameter<Integer> NUM_PARALLEL_TREE =
            Hyperparameter.integer("num_parallel_tree", 50, Interval.atLeast(1), "number of trees in the forest");
    public static final Hyperparameter<Integer> MAX_DEPTH =
            Hyperparameter.integer("max_depth", 10, Interval.atLeast(1), "maximum depth of each tree");
    public static final Hyperparameter<Double> SUBSAMPLE = Hyperparameter.real(
            "subsample", 0.632, Interval.open(0, 1), "share of rows per tree, drawn without replacement (below 1)");
    public static final Hyperparameter<String> TREE_METHOD = Hyperparameter.choice(
            "tree_method",
            TreeMethod.EXACT.xgboostName(),
            TreeMethod.names(),
            "tree construction algorithm (exact needs colsample_bynode = 1)");

    /** Every forest hyperparameter. */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(
            NUM_PARALLEL_TREE,
            MAX_DEPTH,
            SUBSAMPLE,
            XGBoostParams.COLSAMPLE_BYNODE,
            XGBoostParams.MIN_CHILD_WEIGHT,
            XGBoostParams.REG_LAMBDA,
            XGBoostParams.MAX_BIN,
            TREE_METHOD,
            XGBoostParams.SEED,
            XGBoostParams.NTHREAD);

    public ForestParams {
        NUM_PARALLEL_TREE.check(numTrees);
        MAX_DEPTH.check(maxDepth);
        SUBSAMPLE.check(subsample);
        XGBoostParams.COLSAMPLE_BYNODE.check(colsampleBynode);
        XGBoostParams.MIN_CHILD_WEIGHT.check(minChildWeight);
        XGBoostParams.REG_LAMBDA.check(regLambda);
        XGBoostParams.MAX_BIN.check(maxBin);
        XGBoostParams.NTHREAD.check(nthread);
        LatheException.check(treeMethod != null, "tree_method must not be null");
        LatheException.check(
                treeMethod != TreeMethod.EXACT || colsampleBynode == 1,
                "tree_method exact needs colsample_bynode = 1 (XGBoost rejects column sampling per node with"
                        + " exact splits; set tree_method=hist), got %s",
                colsampleBynode);
    }

    public static Builder builder(int numTrees, int maxDepth) {
        return new Builder(numTrees, maxDepth);
    }

    /** The record for values of {@link #SPACE}. */
    public static ForestParams from(HyperparameterValues v) {
        return new ForestParams(
                v.get(NUM_PARALLEL_TREE),
                v.get(MAX_DEPTH),
                v.get(SUBSAMPLE),
                v.get(XGBoostParams.COLSAMPLE_BYNODE),
                v.get(XGBoostParams.MIN_CHILD_WEIGHT),
                v.get(XGBoostParams.REG_LAMBDA),
                v.get(XGBoostParams.MAX_BIN),
                v.get(XGBoostParams.SEED),
                v.get(XGBoostParams.NTHREAD),
                TreeMethod.of(v.get(TREE_METHOD)));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(NUM_PARALLEL_TREE, numTrees)
                .set(MAX_DEPTH, maxDepth)
                .set(SUBSAMPLE, subsample)
                .set(XGBoostParams.COLSAMPLE_BYNODE, colsampleBynode)
                .set(XGBoostParams.MIN_CHILD_WEIGHT, minChildWeight)
                .set(XGBoostParams.REG_LAMBDA, regLambda)
                .set(XGBoostParams.MAX_BIN, maxBin)
                .set(TREE_METHOD, treeMethod.xgboostName())
                .set(XGBoostParams.SEED, seed)
                .set(XGBoostParams.NTHREAD, nthread)
                .build();
    }

    /** The equivalent booster parameters: one round of {@code numTrees} parallel trees at eta 1. */
    public XGBoostParams toXGBoost() {
        return XGBoostParams.builder(1)
                .learningRate(1)
                .numParallelTree(numTrees)
                .maxDepth(maxDepth)
                .subsample(subsample)
                .colsampleBynode(colsampleBynode)
                .minChildWeight(minChildWeight)
                .regLambda(regLambda)
                .maxBin(maxBin)
                .seed(seed)
                .nthread(nthread)
                .treeMethod(treeMethod)
                .build();
    }

    /** Builder for {@link ForestParams}, with the declared defaults (see the record's Javadoc). */
    public static final class Builder {
        private final int numTrees;
        private final int maxDepth;
        private double subsample = SUBSAMPLE.defaultValue();
        private double colsampleBynode = XGBoostParams.COLSAMPLE_BYNODE.defaultValue();
        private TreeMethod treeMethod = TreeMethod.of(TREE_METHOD.defaultValue());
        private double minChildWeight = XGBoostParams.MIN_CHILD_WEIGHT.defaultValue();
        private double regLambda = XGBoostParams.REG_LAMBDA.defaultValue();
        private int maxBin = XGBoostParams.MAX_BIN.defaultValue();
        private long seed = XGBoostParams.SEED.defaultValue();
        private int nthread = XGBoostParams.NTHREAD.defaultValue();

        private Builder(int numTrees, int maxDepth) {
            this.numTrees = numTrees;
            this.maxDepth = maxDepth;
        }

        public Builder subsample(double v) {
            subsample = v;
            return this;
        }

        public Builder colsampleBynode(double v) {
            colsampleBynode = v;
            return this;
        }

        public Builder minChildWeight(double v) {
            minChildWeight = v;
            return this;
        }

        public Builder regLambda(double v) {
            regLambda = v;
            return this;
        }

        public Builder treeMethod(TreeMethod v) {
            treeMethod = v;
            return this;
        }

        public Builder maxBin(int v) {
            maxBin = v;
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

        public ForestParams build() {
            return new ForestParams(
                    numTrees,
                    maxDepth,
                    subsample,
                    colsampleBynode,
                    minChildWeight,
                    regLambda,
                    maxBin,
                    seed,
                    nthread,
                    treeMethod);
        }
    }
}
