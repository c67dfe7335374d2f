package dev.lathe.tracking.search;

import static dev.lathe.tracking.search.AttributeSpec.numeric;
import static dev.lathe.tracking.search.AttributeSpec.string;
import static dev.lathe.tracking.search.AttributeSpec.stringWithList;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One of MLflow's search grammars (runs, experiments, registered models, model versions): which
 * identifier prefixes exist, which attributes may be filtered and ordered on, and which comparators
 * each entity accepts. Parsers are generic over it; the four factories below define the grammars.
 */
public record SearchGrammar(
        String subject,
        Map<String, EntityType> prefixes,
        Map<EntityType, Set<CompareOp>> entityOps,
        Map<EntityType, ValueKind> entityKinds,
        Map<String, AttributeSpec> filterAttributes,
        Set<String> datasetKeys,
        Set<EntityType> orderEntities,
        Map<String, String> orderAttributes) {

    public SearchGrammar {
        Objects.requireNonNull(subject, "subject");
        prefixes = Map.copyOf(prefixes);
        entityOps = Map.copyOf(entityOps);
        entityKinds = Map.copyOf(entityKinds);
        filterAttributes = Map.copyOf(filterAttributes);
        datasetKeys = Set.copyOf(datasetKeys);
        orderEntities = Set.copyOf(orderEntities);
        orderAttributes = Map.copyOf(orderAttributes);
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

        Map<String, AttributeSpec> attrs = new LinkedHashMap<>();
        attrs.put("run_id", stringWithList("run_id", CompareOp.IN, CompareOp.NOT_IN));
        AttributeSpec runName = string("run_name");
        attrs.put("run_name", runName);
        attrs.put("run name", runName);
        attrs.put("Run name", runName);
        attrs.put("Run Name", runName);
        attrs.put("status", string("status"));
        attrs.put("user_id", string("user_id"));
        attrs.put("artifact_uri", string("artifact_uri"));
        attrs.put("lifecycle_stage", string("lifecycle_stage"));
        AttributeSpec startTime = numeric("start_time");
        attrs.put("start_time", startTime);
        attrs.put("created", startTime);
        attrs.put("Created", startTime);
        attrs.put("end_time", numeric("end_time"));

        Map<String, String> order = new LinkedHashMap<>();
        for (String key : new String[] {
            "run_name",
            "status",
            "user_id",
            "artifact_uri",
            "lifecycle_stage",
            "start_time",
            "end_time",
            "experiment_id"
        }) {
            order.put(key, key);
        }
        order.put("created", "start_time");
        order.put("Created", "start_time");
        return new SearchGrammar(
                "runs",
                prefixes,
                ops,
                kinds,
                attrs,
                Set.of("name", "digest", "context"),
                EnumSet.of(EntityType.METRIC, EntityType.PARAM, EntityType.TAG, EntityType.ATTRIBUTE),
                order);
    }

    /** The grammar of {@code search_experiments}: {@code name}, timestamps and {@code tags.<key>}. */
    public static SearchGrammar experiments() {
        Map<String, AttributeSpec> attrs = Map.of(
                "name", string("name"),
                "creation_time", numeric("creation_time"),
                "last_update_time", numeric("last_update_time"));
        Map<String, String> order = Map.of(
                "name", "name",
                "experiment_id", "experiment_id",
                "creation_time", "creation_time",
                "last_update_time", "last_update_time");
        return registryLike("experiments", attrs, order);
    }

    /** The grammar of {@code search_registered_models}: {@code name} and {@code tags.<key>}. */
    public static SearchGrammar registeredModels() {
        Map<String, String> order = Map.of(
                "name", "name",
                "creation_timestamp", "creation_timestamp",
                "last_updated_timestamp", "last_updated_timestamp");
        return registryLike("registered models", Map.of("name", string("name")), order);
    }

    /** The grammar of {@code search_model_versions}: name, version_number, run_id, source_path, tags. */
    public static SearchGrammar modelVersions() {
        Map<String, AttributeSpec> attrs = Map.of(
                "name", string("name"),
                "version_number", numeric("version_number"),
                "run_id", stringWithList("run_id", CompareOp.IN),
                "source_path", string("source_path"));
        Map<String, String> order = Map.of(
                "name", "name",
                "version_number", "version_number",
                "creation_timestamp", "creation_timestamp",
                "last_updated_timestamp", "last_updated_timestamp");
        return registryLike("model versions", attrs, order);
    }

    private static SearchGrammar registryLike(
            String subject, Map<String, AttributeSpec> attrs, Map<String, String> order) {
        Map<String, EntityType> prefixes = Map.of(
                "attribute", EntityType.ATTRIBUTE,
                "tag", EntityType.TAG,
                "tags", EntityType.TAG);
        Map<EntityType, Set<CompareOp>> ops = new EnumMap<>(EntityType.class);
        ops.put(EntityType.TAG, AttributeSpec.STRING_OPS);
        Map<EntityType, ValueKind> kinds = new EnumMap<>(EntityType.class);
        kinds.put(EntityType.TAG, ValueKind.STRING);
        return new SearchGrammar(
                subject, prefixes, ops, kinds, attrs, Set.of(), EnumSet.of(EntityType.ATTRIBUTE), order);
    }
}
