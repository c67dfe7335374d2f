package dev.lathe.tracking.validation;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunTag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MLflow's validation of metric, param and tag keys and values and of batch sizes, shared by every
 * backend so that they all reject the same inputs with the same messages.
 */
public final class EntityValidator {
    private static final Pattern KEY = Pattern.compile("^[/\\w.\\- ]*$", Pattern.UNICODE_CHARACTER_CLASS);

    private EntityValidator() {}

    /** Key syntax: alphanumerics, underscore, dash, period, space and slash; not a path that normalises away. */
    public static void checkKey(String kind, String key) {
        LatheException.check(key != null && !key.isEmpty(), "%s key must not be empty", kind);
        LatheException.check(
                key.length() <= MlflowLimits.MAX_KEY_LENGTH,
                "%s key '%s' has length %d, which exceeds the limit of %d",
                kind,
                abbreviate(key),
                key.length(),
                MlflowLimits.MAX_KEY_LENGTH);
        LatheException.check(
                KEY.matcher(key).matches(),
                "invalid %s key '%s': keys may only contain alphanumerics, underscores (_), dashes (-),"
                        + " periods (.), spaces ( ), and slashes (/)",
                kind,
                key);
        LatheException.check(
                !pathNotUnique(key), "invalid %s key '%s': it must be a normalised relative path", kind, key);
    }

    public static void checkMetric(Metric m) {
        checkKey("metric", m.key());
    }

    public static void checkParam(String key, String value) {
        checkKey("param", key);
        LatheException.check(value != null, "param '%s' value must not be null", key);
        LatheException.check(
                value.length() <= MlflowLimits.MAX_PARAM_VALUE_LENGTH,
                "param '%s' value has length %d, which exceeds the limit of %d",
                key,
                value.length(),
                MlflowLimits.MAX_PARAM_VALUE_LENGTH);
    }

    public static void checkTag(String key, String value) {
        checkKey("tag", key);
        LatheException.check(value != null, "tag '%s' value must not be null", key);
        LatheException.check(
                value.length() <= MlflowLimits.MAX_TAG_VALUE_LENGTH,
                "tag '%s' value has length %d, which exceeds the limit of %d",
                key,
                value.length(),
                MlflowLimits.MAX_TAG_VALUE_LENGTH);
    }

    /** Validates a logBatch request: counts, duplicate param and tag keys, then every entity. */
    public static void checkBatch(List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        LatheException.check(
                metrics.size() <= MlflowLimits.MAX_METRICS_PER_BATCH,
                "a batch may hold at most %d metrics, got %d",
                MlflowLimits.MAX_METRICS_PER_BATCH,
                metrics.size());
        LatheException.check(
                params.size() <= MlflowLimits.MAX_PARAMS_PER_BATCH,
                "a batch may hold at most %d params, got %d",
                MlflowLimits.MAX_PARAMS_PER_BATCH,
                params.size());
        LatheException.check(
                tags.size() <= MlflowLimits.MAX_TAGS_PER_BATCH,
                "a batch may hold at most %d tags, got %d",
                MlflowLimits.MAX_TAGS_PER_BATCH,
                tags.size());
        int total = metrics.size() + params.size() + tags.size();
        LatheException.check(
                total <= MlflowLimits.MAX_ENTITIES_PER_BATCH,
                "a batch may hold at most %d metrics, params and tags in total, got %d",
                MlflowLimits.MAX_ENTITIES_PER_BATCH,
                total);
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            LatheException.check(seen.add(p.key()), "duplicate param key '%s' in one batch", p.key());
            checkParam(p.key(), p.value());
        }
        seen.clear();
        for (RunTag t : tags) {
            LatheException.check(seen.add(t.key()), "duplicate tag key '%s' in one batch", t.key());
            checkTag(t.key(), t.value());
        }
        for (Metric m : metrics) {
            checkMetric(m);
        }
    }

    /** MLflow's experiment-name rules (non-empty, at most 500 characters), and no control characters. */
    public static void checkExperimentName(String name) {
        checkName("experiment name", name, MlflowLimits.MAX_EXPERIMENT_NAME_LENGTH);
    }

    /**
     * A name ({@code field} says which, in errors): not empty or blank, at most {@code maxLength}
     * characters, and without NUL or other control characters, which no name needs and which break
     * paths, terminals and logs.
     */
    public static void checkName(String field, String name, int maxLength) {
        LatheException.check(
                name != null && !name.isBlank(),
                "invalid %s '%s': it must not be empty or blank",
                field,
                Printable.of(name == null ? "" : name));
        LatheException.check(
                name.length() <= maxLength,
                "invalid %s '%s': it has length %d, which exceeds MLflow's limit of %d",
                field,
                Printable.of(name),
                name.length(),
                maxLength);
        int control = firstControl(name);
        LatheException.check(
                control < 0,
                "invalid %s '%s': it must not contain NUL or other control characters (found U+%04X at index %d)",
                field,
                Printable.of(name),
                control < 0 ? 0 : (int) name.charAt(control),
                control);
    }

    /** The index of the first control character (NUL included) in {@code s}, or -1. */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** As MLflow's path_not_unique: the key must equal its own posix normalisation. */
    private static boolean pathNotUnique(String key) {
        if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
            return true;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
