package dev.lathe.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the layout: each module's packages may use only the modules below it, and no two packages
 * depend on each other in a cycle. The layers, bottom up:
 *
 * <pre>
 * core                       vocabulary: tables, recipes, encoder, Dataset, Trainer/Model, pipeline, tracking contract
 * tlc                        the NYC TLC trip-duration recipe and trip records (core only)
 * trainers, evaluation       implementations of Trainer; metrics, CV, gates, drift, reports
 * tuning                     hyperparameter search (uses evaluation's metrics and CV)
 * tracking                   the embedded SQLite store (implements core's tracking contract)
 * tracking-postgres          the same store shared on PostgreSQL (core, tracking)
 * workflow                   the Lathe entry point and the tracked steps
 * server                     MLflow's REST API (and the UI's pages) over a tracking store (core, tracking; tuning's
 *                            trial tags for the search page)
 * serving                    a registered model behind MLflow's scoring protocol (workflow; server's HTTP layer)
 * cli, examples, bench       the lathe command line, tutorials, benchmarks
 * junit, testkit             the JUnit 5 extension and the published test kit (core only)
 * </pre>
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lathe");
    }

    @Test
    void modulesDependOnlyDownwards() {
        ArchRule rule = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("dev.lathe..")
                .layer("core")
                .definedBy("dev.lathe.core..")
                .layer("tlc")
                .definedBy("dev.lathe.tlc..")
                .layer("trainers")
                .definedBy("dev.lathe.trainers..")
                .layer("evaluation")
                .definedBy("dev.lathe.evaluation..")
                .layer("tuning")
                .definedBy("dev.lathe.tuning..")
                .layer("tracking")
                .definedBy(
                        "dev.lathe.tracking",
                        "dev.lathe.tracking.artifacts..",
                        "dev.lathe.tracking.export..",
                        "dev.lathe.tracking.registry..",
                        "dev.lathe.tracking.runs..",
                        "dev.lathe.tracking.search..",
                        "dev.lathe.tracking.sqlite..",
                        "dev.lathe.tracking.validation..")
                .layer("tracking-postgres")
                .definedBy("dev.lathe.tracking.postgres..")
                .layer("workflow")
                .definedBy("dev.lathe.workflow..")
                .layer("server")
                .definedBy("dev.lathe.server..")
                .layer("serving")
                .definedBy("dev.lathe.serving..")
                .layer("cli")
                .definedBy("dev.lathe.cli..")
                .layer("examples")
                .definedBy("dev.lathe.examples..")
                .layer("bench")
                .definedBy("dev.lathe.bench..")
                .layer("junit")
                .definedBy("dev.lathe.junit..")
                .layer("testkit")
                .definedBy("dev.lathe.testkit..")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers(
                        "tlc",
                        "trainers",
                        "evaluation",
                        "tuning",
                        "tracking",
                        "tracking-postgres",
                        "workflow",
                        "server",
                        "serving",
                        "cli",
                        "examples",
                        "bench",
                        "junit",
                        "testkit")
                .whereLayer("tlc")
                .mayOnlyBeAccessedByLayers("workflow", "cli", "examples", "bench")
                .whereLayer("trainers")
                .mayOnlyBeAccessedByLayers("workflow", "cli", "examples", "bench")
                .whereLayer("evaluation")
                .mayOnlyBeAccessedByLayers("tuning", "workflow", "cli", "examples", "bench")
                .whereLayer("tuning")
                .mayOnlyBeAccessedByLayers("workflow", "server", "cli", "examples", "bench")
                .whereLayer("tracking")
                .mayOnlyBeAccessedByLayers("tracking-postgres", "workflow", "server", "cli", "examples", "bench")
                .whereLayer("tracking-postgres")
                .mayOnlyBeAccessedByLayers("workflow", "server", "cli", "examples", "bench")
                .whereLayer("workflow")
                .mayOnlyBeAccessedByLayers("serving", "cli", "examples", "bench")
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("serving", "cli", "examples", "bench")
                .whereLayer("serving")
                .mayOnlyBeAccessedByLayers("cli", "examples", "bench")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("examples")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("bench")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("junit")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("testkit")
                .mayNotBeAccessedByAnyLayer();
        rule.check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.lathe.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.lathe.(**)").should().beFreeOfCycles().check(classes);
    }
}
