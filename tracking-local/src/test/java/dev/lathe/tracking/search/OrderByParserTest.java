package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order-by clauses: keys, aliases, quoting, direction keywords and errors. */
class OrderByParserTest {
    private static final OrderByParser RUNS = new OrderByParser(SearchGrammar.runs());

    private static String error(String clause) {
        return assertThrows(LatheException.class, () -> RUNS.parse(clause)).getMessage();
    }

    @Test
    void directionDefaultsToAscendingAndIsCaseInsensitive() {
        assertEquals(new OrderTerm(EntityType.METRIC, "rmse", false), RUNS.parse("metrics.rmse DESC"));
        assertEquals(new OrderTerm(EntityType.METRIC, "rmse", false), RUNS.parse("metrics.rmse desc"));
        assertEquals(new OrderTerm(EntityType.PARAM, "x", true), RUNS.parse("params.x"));
        assertEquals(new OrderTerm(EntityType.ATTRIBUTE, "start_time", true), RUNS.parse("attributes.start_time ASC"));
        assertEquals(new OrderTerm(EntityType.TAG, "t", true), RUNS.parse("tag.t Asc"));
    }

    @Test
    void aliasesAndQuotedKeys() {
        assertEquals(new OrderTerm(EntityType.ATTRIBUTE, "start_time", false), RUNS.parse("created DESC"));
        assertEquals(new OrderTerm(EntityType.ATTRIBUTE, "start_time", true), RUNS.parse("Created"));
        assertEquals(new OrderTerm(EntityType.ATTRIBUTE, "run_name", true), RUNS.parse("run_name"));
        assertEquals(new OrderTerm(EntityType.METRIC, "my key", false), RUNS.parse("metrics.`my key` DESC"));
        assertEquals(new OrderTerm(EntityType.METRIC, "my key", true), RUNS.parse("`metrics`.\"my key\""));
    }

    @Test
    void parseAllKeepsOrderAndRejectsDuplicates() {
        assertEquals(
                List.of(new OrderTerm(EntityType.METRIC, "rmse", false), new OrderTerm(EntityType.PARAM, "rmse", true)),
                RUNS.parseAll(List.of("metrics.rmse DESC", "params.rmse")));
        assertEquals(List.of(), RUNS.parseAll(null));
        LatheException e = assertThrows(
                LatheException.class, () -> RUNS.parseAll(List.of("created DESC", "attributes.start_time")));
        assertEquals(
                "order_by must not contain duplicate fields, got attribute start_time twice in"
                        + " [created DESC, attributes.start_time]",
                e.getMessage());
    }

    @Test
    void errors() {
        assertEquals(
                "Invalid ordering 'DOWN', expected ASC or DESC at position 14 in order_by clause 'metrics.rmse DOWN'",
                error("metrics.rmse DOWN"));
        assertEquals(
                "Expected ASC, DESC or end of clause but found 'DESC' at position 19 in order_by clause"
                        + " 'metrics.rmse DESC DESC'",
                error("metrics.rmse DESC DESC"));
        assertEquals(
                "Cannot order runs by a dataset key at position 1 in order_by clause 'datasets.name'",
                error("datasets.name"));
        assertEquals(
                "Invalid attribute key 'lifecycle_stage' specified. Valid keys are [run_id, run_name, status,"
                        + " user_id, artifact_uri, start_time, end_time, created, Created] at"
                        + " position 1 in order_by clause 'attributes.lifecycle_stage'",
                error("attributes.lifecycle_stage"));
        assertEquals("order_by clause must not be empty, got ' '", error(" "));
        assertEquals(
                "Expected ASC, DESC or end of clause but found '=' at position 14 in order_by clause"
                        + " 'metrics.rmse = 1'",
                error("metrics.rmse = 1"));
    }

    @Test
    void registryGrammarsOrderOnlyByTheirAttributes() {
        OrderByParser models = new OrderByParser(SearchGrammar.registeredModels());
        assertEquals(
                new OrderTerm(EntityType.ATTRIBUTE, "last_updated_timestamp", false),
                models.parse("last_updated_timestamp DESC"));
        assertEquals(
                "Cannot order registered models by a tag key at position 1 in order_by clause 'tags.x'",
                assertThrows(LatheException.class, () -> models.parse("tags.x")).getMessage());
        OrderByParser versions = new OrderByParser(SearchGrammar.modelVersions());
        assertEquals(new OrderTerm(EntityType.ATTRIBUTE, "version_number", true), versions.parse("version_number"));
        OrderByParser experiments = new OrderByParser(SearchGrammar.experiments());
        assertEquals(
                "Invalid attribute key 'start_time' specified. Valid keys are [name, experiment_id,"
                        + " creation_time, last_update_time] at position 1 in order_by clause 'start_time'",
                assertThrows(LatheException.class, () -> experiments.parse("start_time"))
                        .getMessage());
    }
}
