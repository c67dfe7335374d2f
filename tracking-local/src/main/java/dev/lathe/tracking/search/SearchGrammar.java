package dev.lathe.tracking.search;

import static dev.lathe.tracking.search.AttributeSpec.numeric;
import static dev.lathe.tracking.search.AttributeSpec.string;
import static dev.lathe.tracking.search.AttributeSpec.stringWithList;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One of MLflow's search grammars (runs, experiments, registered models, model versions): which
 * identifier prefixes exist, which attributes may be filtered and ordered on, and which comparators
 * each entity accepts. Parsers are generic over it; the four factories below define the grammars,
 * key for key as MLflow's {@code search_utils.py} does (its {@code SearchUtils},
 * {@code SearchExperimentsUtils}, {@code SearchModelUtils} and {@code SearchModelVersionUtils}).
 * Maps keep their declared order, which is the order error messages list valid keys in.
 *
 * @param shownPrefixes the entity types an unknown prefix's error lists, as MLflow lists them
 */
public record SearchGrammar(
        String subject,
        Map<String, EntityType> prefixes,
        List<String> shownPrefixes,
        Map<EntityType, Set<CompareOp>> entityOps,
        Map<EntityType, ValueKind> entityKinds,
        Map<String, AttributeSpec> filterAttributes,
        Set<String> datasetKeys,
        Set<EntityType> orderEntities,
        Map<String, String> orderAttributes) {

    public SearchGrammar {
        Objects.requireNonNull(subject, "subject");
        prefixes = ordered(prefixes);
        shownPrefixes = List.copyOf(shownPrefixes);
        entityOps = Map.copyOf(entityOps);
        entityKinds = Map.copyOf(entityKinds);
        filterAttributes = ordered(filterAttributes);
        datasetKeys = Collections.unmodifiableSet(new LinkedHashSet<>(datasetKeys));
        orderEntities = Set.copyOf(orderEntities);
        orderAttributes = ordered(orderAttributes);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static final Set<CompareOp> NULL_CHECKS = EnumSet.of(CompareOp.IS_NULL, CompareOp.IS_NOT_NULL);

    private static Set<CompareOp> union(Set<CompareOp> a, Set<CompareOp> b) {
        EnumSet<CompareOp> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /** The grammar of {@code search_runs}: metrics, params, tags, attributes and datasets. */
    public static SearchGrammar runs() {
        Map<String, EntityType> prefixes = new LinkedHashMap<>();
        prefixes.put("metric", EntityType.METRIC);
        prefixes.put("metrics", EntityType.METRIC);
        prefixes.put("param", EntityType.PARAM);
        prefixes.put("params", EntityType.PARAM);
        prefixes.put("parameter", EntityType.PARAM);
        prefixes.put("parameters", EntityType.PARAM);
        prefixes.put("tag", EntityType.TAG);
        prefixes.put("tags", EntityType.TAG);
        prefixes.put("attribute", EntityType.ATTRIBUTE);
        prefixes.put("attributes", EntityType.ATTRIBUTE);
        prefixes.put("attr", EntityType.ATTRIBUTE);
        prefixes.put("run", EntityType.ATTRIBUTE);
        prefixes.put("dataset", EntityType.DATASET);
        prefixes.put("datasets", EntityType.DATASET);

        Map<EntityType, Set<CompareOp>> ops = new EnumMap<>(EntityType.class);
        ops.put(EntityType.METRIC, AttributeSpec.NUMERIC_OPS);
        ops.put(EntityType.PARAM, union(AttributeSpec.STRING_OPS, NULL_CHECKS));
        ops.put(EntityType.TAG, union(AttributeSpec.STRING_OPS, NULL_CHECKS));
        ops.put(EntityType.DATASET, union(AttributeSpec.STRING_OPS, EnumSet.of(CompareOp.IN, CompareOp.NOT_IN)));
        Map<EntityType, ValueKind> kinds = new EnumMap<>(EntityType.class);
        kinds.put(EntityType.METRIC, ValueKind.NUMERIC);
        kinds.put(EntityType.PARAM, ValueKind.STRING);
        kinds.put(EntityType.TAG, ValueKind.STRING);
        kinds.put(EntityType.DATASET, ValueKind.STRING);

        // RunInfo's searchable attributes, then MLflow's aliases (lifecycle_stage and experiment_id are
        // not searchable: MLflow rejects them as "Invalid attribute key").
        Map<String, AttributeSpec> attrs = new LinkedHashMap<>();
        attrs.put("run_id", stringWithList("run_id", CompareOp.IN, CompareOp.NOT_IN));
        AttributeSpec runName = string("run_name");
        attrs.put("run_name", runName);
        attrs.put("status", string("status"));
        attrs.put("user_id", string("user_id"));
        attrs.put("artifact_uri", string("artifact_uri"));
        AttributeSpec startTime = numeric("start_time");
        attrs.put("start_time", startTime);
        attrs.put("end_time", numeric("end_time"));
        attrs.put("created", startTime);
        attrs.put("Created", startTime);
        attrs.put("run name", runName);
        attrs.put("Run name", runName);
        attrs.put("Run Name", runName);

        // Every searchable attribute is orderable, with the numeric aliases only.
        Map<String, String> order = new LinkedHashMap<>();
        attrs.forEach((key, spec) -> {
            if (!key.contains(" ")) {
                order.put(key, spec.name());
            }
        });
        return new SearchGrammar(
                "runs",
                prefixes,
                List.of("metric", "parameter", "tag", "attribute", "dataset"),
                ops,
                kinds,
                attrs,
                new LinkedHashSet<>(List.of("name", "digest", "context")),
                EnumSet.of(EntityType.METRIC, EntityType.PARAM, EntityType.TAG, EntityType.ATTRIBUTE),
                order);
    }

    /** The grammar of {@code search_experiments}: {@code name}, timestamps and {@code tags.<key>}. */
    public static SearchGrammar experiments() {
        Map<String, AttributeSpec> attrs = specs(string("name"), numeric("creation_time"), numeric("last_update_time"));
        return registryLike("experiments", attrs, keys("name", "experiment_id", "creation_time", "last_update_time"));
    }

    /** The grammar of {@code search_registered_models}: {@code name} and {@code tags.<key>}. */
    public static SearchGrammar registeredModels() {
        return registryLike(
                "registered models",
                specs(string("name")),
                keys("name", "creation_timestamp", "last_updated_timestamp"));
    }

    /** The grammar of {@code search_model_versions}: name, version_number, run_id, source_path, tags. */
    public static SearchGrammar modelVersions() {
        Map<String, AttributeSpec> attrs = specs(
                string("name"),
                numeric("version_number"),
                stringWithList("run_id", CompareOp.IN),
                string("source_path"));
        return registryLike(
                "model versions",
                attrs,
                keys("name", "version_number", "creation_timestamp", "last_updated_timestamp"));
    }

    private static SearchGrammar registryLike(
            String subject, Map<String, AttributeSpec> attrs, Map<String, String> order) {
        Map<String, EntityType> prefixes = new LinkedHashMap<>();
        prefixes.put("attribute", EntityType.ATTRIBUTE);
        prefixes.put("tag", EntityType.TAG);
        prefixes.put("tags", EntityType.TAG);
        Map<EntityType, Set<CompareOp>> ops = new EnumMap<>(EntityType.class);
        ops.put(EntityType.TAG, AttributeSpec.STRING_OPS);
        Map<EntityType, ValueKind> kinds = new EnumMap<>(EntityType.class);
        kinds.put(EntityType.TAG, ValueKind.STRING);
        return new SearchGrammar(
                subject,
                prefixes,
                List.copyOf(prefixes.keySet()),
                ops,
                kinds,
                attrs,
                Set.of(),
                EnumSet.of(EntityType.ATTRIBUTE),
                order);
    }

    /** Attributes keyed by their names, in the given order. */
    private static Map<String, AttributeSpec> specs(AttributeSpec... specs) {
        Map<String, AttributeSpec> byName = new LinkedHashMap<>();
        for (AttributeSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        return byName;
    }

    /** Order-by keys that are their own column names, in the given order. */
    private static Map<String, String> keys(String... keys) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String key : keys) {
            byKey.put(key, key);
        }
        return byKey;
    }
}
