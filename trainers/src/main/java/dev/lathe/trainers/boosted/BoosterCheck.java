package dev.lathe.trainers.boosted;

import dev.lathe.core.DataException;
import dev.lathe.core.model.PayloadInput;
import java.util.List;
import java.util.Map;

/**
 * Checks a booster (read by {@link UbjsonCheck}) has the shape Lathe's boosters have before XGBoost's
 * native loader sees it: a single-target gbtree without categorical splits, whose trees have every
 * per-node array of {@code num_nodes} entries, children after their parent pointing back to it, and
 * split features below {@code num_feature}. XGBoost 3.4 trusts these and crashes the JVM on a crafted
 * tree ({@code RegTree::LoadModel}); here it is a {@link DataException} naming the field and value.
 */
final class BoosterCheck {
    private static final String FIELD = "xgboost.booster";
    private static final List<String> NODE_ARRAYS = List.of(
            "base_weights",
            "loss_changes",
            "sum_hessian",
            "split_conditions",
            "left_children",
            "right_children",
            "parents",
            "split_indices",
            "default_left",
            "split_type");
    private static final List<String> EMPTY_CATEGORY_ARRAYS =
            List.of("categories", "categories_nodes", "categories_segments", "categories_sizes");
    /** XGBoost's parent of the root. */
    private static final long ROOT_PARENT = Integer.MAX_VALUE;

    private final PayloadInput in;

    private BoosterCheck(PayloadInput in) {
        this.in = in;
    }

    static void check(Object booster, PayloadInput in) {
        new BoosterCheck(in).booster(booster);
    }

    private void booster(Object root) {
        Map<?, ?> learner = map(map(root, "").get("learner"), "learner");
        Map<?, ?> params = map(learner.get("learner_model_param"), "learner.learner_model_param");
        long features = intString(params.get("num_feature"), "learner_model_param.num_feature", 0, Integer.MAX_VALUE);
        intString(params.get("num_target"), "learner_model_param.num_target", 1, 1);
        Map<?, ?> gb = map(learner.get("gradient_booster"), "learner.gradient_booster");
        if (!"gbtree".equals(gb.get("name"))) {
            throw bad("gradient_booster.name", gb.get("name"));
        }
        Map<?, ?> model = map(gb.get("model"), "gradient_booster.model");
        List<?> trees = list(model.get("trees"), "model.trees");
        Map<?, ?> gbParams = map(model.get("gbtree_model_param"), "model.gbtree_model_param");
        intString(gbParams.get("num_trees"), "gbtree_model_param.num_trees", trees.size(), trees.size());
        intString(gbParams.get("num_parallel_tree"), "gbtree_model_param.num_parallel_tree", 1, Integer.MAX_VALUE);
        List<?> info = list(model.get("tree_info"), "model.tree_info");
        if (info.size() != trees.size()) {
            throw bad("model.tree_info size", info.size());
        }
        for (Object t : info) {
            integer(t, "model.tree_info", 0, 0);
        }
        List<?> indptr = list(model.get("iteration_indptr"), "model.iteration_indptr");
        long previous = 0;
        for (int k = 0; k < indptr.size(); k++) {
            previous = integer(indptr.get(k), "model.iteration_indptr", k == 0 ? 0 : previous, trees.size());
        }
        if (model.get("cats") instanceof Map<?, ?> cats) {
            for (Object v : cats.values()) {
                empty(v, "model.cats");
            }
        }
        for (int t = 0; t < trees.size(); t++) {
            tree(map(trees.get(t), "trees[" + t + "]"), t, features);
        }
    }

    private void tree(Map<?, ?> tree, int t, long features) {
        String at = "trees[" + t + "]";
        Map<?, ?> param = map(tree.get("tree_param"), at + ".tree_param");
        int n = (int) intString(param.get("num_nodes"), at + ".tree_param.num_nodes", 1, Integer.MAX_VALUE);
        intString(param.get("size_leaf_vector"), at + ".tree_param.size_leaf_vector", 0, 1);
        intString(param.get("num_deleted"), at + ".tree_param.num_deleted", 0, 0);
        for (String name : NODE_ARRAYS) {
            List<?> a = list(tree.get(name), at + "." + name);
            if (a.size() != n) {
                throw bad(at + "." + name + " size (num_nodes " + n + ")", a.size());
            }
            if (!(a instanceof UbjsonCheck.Longs || a instanceof UbjsonCheck.Doubles)) {
                for (Object v : a) {
                    if (!(v instanceof Number)) {
                        throw bad(at + "." + name, v);
                    }
                }
            }
        }
        for (String name : EMPTY_CATEGORY_ARRAYS) {
            empty(tree.get(name), at + "." + name);
        }
        List<?> left = (List<?>) tree.get("left_children");
        List<?> right = (List<?>) tree.get("right_children");
        List<?> parents = (List<?>) tree.get("parents");
        List<?> splits = (List<?>) tree.get("split_indices");
        List<?> types = (List<?>) tree.get("split_type");
        integer(parents, 0, at + ".parents[0]", ROOT_PARENT, ROOT_PARENT);
        // the names errors give, made once a tree rather than per node (a model has ~10^5-10^6 nodes)
        String typesAt = at + ".split_type";
        String leftAt = at + ".left_children";
        String rightAt = at + ".right_children";
        String parentsAt = at + ".parents";
        String splitsAt = at + ".split_indices";
        for (int i = 0; i < n; i++) {
            integer(types, i, typesAt, 0, 0);
            long l = integer(left, i, leftAt, -1, n - 1);
            long r = integer(right, i, rightAt, -1, n - 1);
            if (l == -1 && r == -1) {
                continue;
            }
            if (l <= i || r <= i || l == r) {
                throw bad(at + ".children of node " + i, l + "," + r);
            }
            integer(parents, (int) l, parentsAt, i, i);
            integer(parents, (int) r, parentsAt, i, i);
            integer(splits, i, splitsAt, 0, features - 1);
        }
    }

    private Map<?, ?> map(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw bad(what, v == null ? "missing" : v.getClass().getSimpleName());
    }

    private List<?> list(Object v, String what) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw bad(what, v == null ? "missing" : v.getClass().getSimpleName());
    }

    private void empty(Object v, String what) {
        if (!list(v, what).isEmpty()) {
            throw bad(what + " (Lathe writes no categorical splits)", ((List<?>) v).size() + " entries");
        }
    }

    private long intString(Object v, String what, long min, long max) {
        try {
            long x = v instanceof String s ? Long.parseLong(s) : Long.MIN_VALUE;
            if (x >= min && x <= max) {
                return x;
            }
        } catch (NumberFormatException e) {
            throw new DataException(in.source() + ": field " + FIELD + " has " + what + " = '" + v + "'", e);
        }
        throw bad(what, v);
    }

    private long integer(Object v, String what, long min, long max) {
        if (v instanceof Long x && x >= min && x <= max) {
            return x;
        }
        throw bad(what + " (expected in [" + min + ", " + max + "])", v);
    }

    /** Element {@code i} of {@code list} as {@link #integer(Object, String, long, long)} checks it, unboxed when it is. */
    private long integer(List<?> list, int i, String what, long min, long max) {
        if (list instanceof UbjsonCheck.Longs l) {
            long x = l.at(i);
            if (x >= min && x <= max) {
                return x;
            }
            throw bad(what + " (expected in [" + min + ", " + max + "])", x);
        }
        return integer(list.get(i), what, min, max);
    }

    private DataException bad(String what, Object value) {
        return in.error(FIELD, "has " + what + " = " + value + ", which no booster Lathe writes has");
    }
}
