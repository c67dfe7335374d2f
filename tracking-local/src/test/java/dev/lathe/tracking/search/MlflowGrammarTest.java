package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four search grammars against MLflow's own key lists, written here from {@code
 * mlflow/utils/search_utils.py} ({@code SearchUtils}, {@code SearchExperimentsUtils}, {@code
 * SearchModelUtils}, {@code SearchModelVersionUtils}) and {@code RunInfo}'s searchable attributes:
 * every key MLflow accepts is accepted, every other key is rejected with MLflow's wording, and the
 * list of valid keys in that error names each key once.
 */
class MlflowGrammarTest {
    /** MLflow's accepted filter attributes and order-by attributes of one search. */
    record Entity(String name, SearchGrammar grammar, Set<String> filterKeys, Set<String> orderKeys) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<String> RUN_FILTER = Set.of(
            "run_id",
            "run_name",
            "user_id",
            "status",
            "start_time",
            "end_time",
            "artifact_uri", // RunInfo
            "created",
            "Created", // _ALTERNATE_NUMERIC_ATTRIBUTES
            "run name",
            "Run name",
            "Run Name"); // _ALTERNATE_STRING_ATTRIBUTES
    private static final Set<String> RUN_ORDER = Set.of(
            "run_id", "run_name", "user_id", "status", "start_time", "end_time", "artifact_uri", "created", "Created");

    static Stream<Entity> entities() {
        return Stream.of(
                new Entity("runs", SearchGrammar.runs(), RUN_FILTER, RUN_ORDER),
                new Entity(
                        "experiments",
                        SearchGrammar.experiments(),
                        Set.of("name", "creation_time", "last_update_time"),
                        Set.of("name", "experiment_id", "creation_time", "last_update_time")),
                new Entity(
                        "registered models",
                        SearchGrammar.registeredModels(),
                        Set.of("name"),
                        Set.of("name", "creation_timestamp", "last_updated_timestamp")),
                new Entity(
                        "model versions",
                        SearchGrammar.modelVersions(),
                        Set.of("name", "version_number", "run_id", "source_path"),
                        Set.of("name", "version_number", "creation_timestamp", "last_updated_timestamp")));
    }

    /** Every (entity, key) MLflow accepts in a filter. */
    static Stream<Arguments> acceptedFilterKeys() {
        return entities().flatMap(e -> e.filterKeys().stream().map(k -> Arguments.of(e, k)));
    }

    /** Every (entity, key) MLflow accepts in an order_by clause. */
    static Stream<Arguments> acceptedOrderKeys() {
        return entities().flatMap(e -> e.orderKeys().stream().map(k -> Arguments.of(e, k)));
    }

    /** Keys MLflow rejects in a filter: names of other entities' attributes and of columns MLflow hides. */
    static Stream<Arguments> rejectedFilterKeys() {
        return entities().flatMap(e -> Stream.of(
                        "lifecycle_stage",
                        "experiment_id",
                        "run_uuid",
                        "name",
                        "run_id",
                        "creation_time",
                        "version_number",
                        "source_path",
                        "last_updated_timestamp",
                        "RUN_ID",
                        "duration")
                .filter(k -> !e.filterKeys().contains(k))
                .map(k -> Arguments.of(e, k)));
    }

    /** Keys MLflow rejects in an order_by clause. */
    static Stream<Arguments> rejectedOrderKeys() {
        return entities().flatMap(e -> Stream.of(
                        "lifecycle_stage",
                        "experiment_id",
                        "run name",
                        "Run Name",
                        "name",
                        "creation_time",
                        "version_number",
                        "timestamp",
                        "duration")
                .filter(k -> !e.orderKeys().contains(k))
                .map(k -> Arguments.of(e, k)));
    }

    /** A filter clause on attribute {@code key} with a value of the attribute's kind. */
    private static String clause(SearchGrammar grammar, String key) {
        AttributeSpec spec = grammar.filterAttributes().get(key);
        String value = spec != null && spec.kind() == ValueKind.NUMERIC ? "1" : "'v'";
        return "attribute.`" + key + "` = " + value;
    }

    @ParameterizedTest(name = "{0}: filter on {1}")
    @MethodSource("acceptedFilterKeys")
    void everyFilterKeyMlflowAcceptsIsAccepted(Entity entity, String key) {
        String filter = clause(entity.grammar(), key);
        List<FilterClause> clauses = FilterParser.parse(entity.grammar(), filter);
        assertEquals(1, clauses.size());
        assertEquals(EntityType.ATTRIBUTE, clauses.get(0).entity());
        String canonical =
                key.equalsIgnoreCase("run name") ? "run_name" : key.equalsIgnoreCase("created") ? "start_time" : key;
        assertEquals(canonical, clauses.get(0).key(), "alias resolves");
        if (!key.contains(" ")) {
            String bare = filter.substring("attribute.`".length()).replaceFirst("`", "");
            assertEquals(clauses, FilterParser.parse(entity.grammar(), bare), "without prefix: " + bare);
        }
    }

    @ParameterizedTest(name = "{0}: order by {1}")
    @MethodSource("acceptedOrderKeys")
    void everyOrderKeyMlflowAcceptsIsAccepted(Entity entity, String key) {
        OrderTerm term = new OrderByParser(entity.grammar()).parse("attribute.`" + key + "` DESC");
        assertEquals(EntityType.ATTRIBUTE, term.entity());
        assertEquals(key.equalsIgnoreCase("created") ? "start_time" : key, term.key());
    }

    @ParameterizedTest(name = "{0}: filter on {1}")
    @MethodSource("rejectedFilterKeys")
    void everyOtherFilterKeyIsRejectedWithMlflowsWording(Entity entity, String key) {
        String message = assertThrows(
                        InvalidParameterException.class,
                        () -> FilterParser.parse(entity.grammar(), clause(entity.grammar(), key)))
                .getMessage();
        assertTrue(message.startsWith("Invalid attribute key '" + key + "' specified. Valid keys are "), message);
        assertEquals(entity.filterKeys(), listedOnce(message), message);
    }

    @ParameterizedTest(name = "{0}: order by {1}")
    @MethodSource("rejectedOrderKeys")
    void everyOtherOrderKeyIsRejectedWithMlflowsWording(Entity entity, String key) {
        String message = assertThrows(InvalidParameterException.class, () -> new OrderByParser(entity.grammar())
                        .parse("attribute.`" + key + "`"))
                .getMessage();
        assertTrue(message.startsWith("Invalid attribute key '" + key + "' specified. Valid keys are "), message);
        assertEquals(entity.orderKeys(), listedOnce(message), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void theGrammarHoldsExactlyMlflowsKeys(Entity entity) {
        assertEquals(entity.filterKeys(), entity.grammar().filterAttributes().keySet());
        assertEquals(entity.orderKeys(), entity.grammar().orderAttributes().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void aListOnAnAttributeOtherThanRunIdIsRejectedAsMlflowDoes(Entity entity) {
        String message = assertThrows(
                        InvalidParameterException.class,
                        () -> FilterParser.parse(entity.grammar(), "name IN ('a', 'b')"))
                .getMessage();
        String expected = entity.name().equals("runs")
                ? "Invalid attribute key 'name' specified."
                : "Only the 'run_id' attribute supports comparison with a list of quoted string values";
        assertTrue(message.startsWith(expected), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void anUnknownPrefixNamesTheValidEntityTypesOnce(Entity entity) {
        String message = assertThrows(
                        InvalidParameterException.class, () -> FilterParser.parse(entity.grammar(), "metricz.x = 1"))
                .getMessage();
        assertTrue(message.startsWith("Invalid entity type 'metricz'. Valid entity types are "), message);
        Set<String> expected = entity.name().equals("runs")
                ? Set.of("metric", "parameter", "tag", "attribute", "dataset")
                : Set.of("attribute", "tag", "tags");
        assertEquals(expected, listedOnce(message));
    }

    /** The keys listed in brackets in {@code message}, asserting none is listed twice. */
    private static Set<String> listedOnce(String message) {
        Matcher m = Pattern.compile("are \\[([^\\]]*)\\]").matcher(message);
        assertTrue(m.find(), message);
        List<String> keys = Arrays.stream(m.group(1).split(", ")).toList();
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), "each key once: " + keys);
        return distinct;
    }
}
