package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.trainers.boosted.TreeMethod;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.ensemble.ForestParams;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import dev.lathe.trainers.linear.ElasticNetParams;
import dev.lathe.trainers.linear.ElasticNetTrainer;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a trainer name and {@code key=value} hyperparameters from the command line into a trainer
 * with validated hyperparameter records: ols, ridge, lasso, elasticnet, xgboost and rf (XGBoost's
 * random forest). Unknown names, keys and malformed values are errors that list what is accepted.
 */
public final class TrainerChoice {
    /** The trainer names the command line accepts. */
    public static final Set<String> NAMES = Set.of("ols", "ridge", "lasso", "elasticnet", "xgboost", "rf");

    private final String name;
    private final Map<String, String> params;
    private final long seed;
    private final int threads;

    public TrainerChoice(String name, Map<String, String> params, long seed, int threads) {
        LatheException.check(
                name != null && NAMES.contains(name.toLowerCase(Locale.ROOT)),
                "--trainer must be one of %s, got '%s'",
                new TreeSet<>(NAMES),
                name);
        LatheException.check(threads >= 1, "--threads must be >= 1, got %d", threads);
        this.name = name.toLowerCase(Locale.ROOT);
        this.params = new TreeMap<>(params);
        this.seed = seed;
        this.threads = threads;
    }

    public String name() {
        return name;
    }

    /** Builds the trainer; every given key must be one this trainer knows. */
    public Trainer<? extends Model> build() {
        return switch (name) {
            case "ols" -> {
                allow("tolerance", "max_iterations");
                yield new OlsTrainer(new OlsParams(
                        number("tolerance", OlsParams.DEFAULT_TOLERANCE),
                        integer("max_iterations", OlsParams.DEFAULT_MAX_ITERATIONS)));
            }
            case "ridge" -> {
                allow("alpha", "tolerance", "max_iterations");
                yield new RidgeTrainer(new RidgeParams(
                        number("alpha", 1.0),
                        number("tolerance", OlsParams.DEFAULT_TOLERANCE),
                        integer("max_iterations", OlsParams.DEFAULT_MAX_ITERATIONS)));
            }
            case "lasso", "elasticnet" -> {
                allow("alpha", "l1_ratio", "tolerance", "max_iterations");
                double l1 = name.equals("lasso") ? 1.0 : number("l1_ratio", 0.5);
                LatheException.check(
                        !name.equals("lasso") || !params.containsKey("l1_ratio"),
                        "lasso has l1_ratio fixed at 1; use --trainer elasticnet to set it");
                yield new ElasticNetTrainer(ElasticNetParams.builder(number("alpha", 0.01), l1)
                        .tolerance(number("tolerance", ElasticNetParams.DEFAULT_TOLERANCE))
                        .maxIterations(integer("max_iterations", ElasticNetParams.DEFAULT_MAX_ITERATIONS))
                        .build());
            }
            case "xgboost" -> new XGBoostTrainer(xgboost());
            case "rf" -> {
                allow("num_trees", "max_depth", "subsample", "colsample_bynode", "min_child_weight", "reg_lambda");
                ForestParams.Builder b = ForestParams.builder(integer("num_trees", 50), integer("max_depth", 10))
                        .seed(seed)
                        .nthread(threads);
                if (params.containsKey("subsample")) {
                    b.subsample(number("subsample", 0));
                }
                if (params.containsKey("colsample_bynode")) {
                    double colsample = number("colsample_bynode", 0);
                    b.colsampleBynode(colsample);
                    if (colsample < 1) {
                        b.treeMethod(TreeMethod.HIST); // exact splits cannot sample columns per node
                    }
                }
                if (params.containsKey("min_child_weight")) {
                    b.minChildWeight(number("min_child_weight", 0));
                }
                if (params.containsKey("reg_lambda")) {
                    b.regLambda(number("reg_lambda", 0));
                }
                yield new XGBoostForestTrainer(b.build());
            }
            default -> throw new LatheException("unknown trainer '" + name + "'");
        };
    }

    private XGBoostParams xgboost() {
        allow(
                "num_boost_round",
                "learning_rate",
                "max_depth",
                "min_child_weight",
                "subsample",
                "colsample_bytree",
                "reg_alpha",
                "reg_lambda",
                "early_stopping_rounds");
        XGBoostParams defaults = XGBoostParams.builder(100).build();
        return XGBoostParams.builder(integer("num_boost_round", 100))
                .learningRate(number("learning_rate", defaults.learningRate()))
                .maxDepth(integer("max_depth", defaults.maxDepth()))
                .minChildWeight(number("min_child_weight", defaults.minChildWeight()))
                .subsample(number("subsample", defaults.subsample()))
                .colsampleBytree(number("colsample_bytree", defaults.colsampleBytree()))
                .regAlpha(number("reg_alpha", defaults.regAlpha()))
                .regLambda(number("reg_lambda", defaults.regLambda()))
                .earlyStoppingRounds(integer("early_stopping_rounds", 0))
                .seed(seed)
                .nthread(threads)
                .build();
    }

    private void allow(String... keys) {
        Set<String> known = new TreeSet<>(Set.of(keys));
        for (String key : params.keySet()) {
            LatheException.check(
                    known.contains(key), "trainer %s has no hyperparameter '%s' (known: %s)", name, key, known);
        }
    }

    private double number(String key, double fallback) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new LatheException("hyperparameter " + key + " of " + name + " must be a number, got '" + v + "'", e);
        }
    }

    private int integer(String key, int fallback) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new LatheException(
                    "hyperparameter " + key + " of " + name + " must be an integer, got '" + v + "'", e);
        }
    }
}
