package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.TrackedTraining;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe registry}: register a run's model, list versions, set or delete aliases, show a model. */
@Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        description = "The model registry: versions of named models and their aliases.",
        subcommands = {
            RegistryCommand.Register.class,
            RegistryCommand.Versions.class,
            RegistryCommand.SetAlias.class,
            RegistryCommand.DeleteAlias.class,
            RegistryCommand.Show.class
        })
public final class RegistryCommand {
    /** Base of the registry subcommands: opens the store and hands the registry to {@link #run}. */
    abstract static class RegistryAction implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingStore tracker = readsOnly() ? store.openForReading() : store.open()) {
                run(tracker, tracker.registry(), out);
            }
            out.flush();
            return 0;
        }

        abstract void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out);

        /** True for commands that only read: they open the store read-only. */
        boolean readsOnly() {
            return false;
        }
    }

    /** {@code lathe registry register RUN_ID NAME}. */
    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = {
                "Register the pipeline a run logged as a new version of a model (created when new).",
                "Example: lathe registry register 0123abcd... nyc-taxi-duration"
            })
    static final class Register extends RegistryAction {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run that logged the model.")
        String runId;

        @Parameters(index = "1", paramLabel = "NAME", description = "Registered model name.")
        String name;

        @Option(
                names = "--path",
                defaultValue = TrackedTraining.PIPELINE_ARTIFACT,
                description = "Artifact path of the model in the run (default: ${DEFAULT-VALUE}).")
        String path;

        @Option(names = "--description", defaultValue = "", description = "Version description (default: none).")
        String description;

        @Override
        void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out) {
            tracker.getRun(runId);
            LatheException.check(
                    java.nio.file.Files.isRegularFile(tracker.artifactPath(runId, path)),
                    "run %s has no artifact '%s' to register",
                    runId,
                    path);
            if (registry.findRegisteredModel(name).isEmpty()) {
                registry.createRegisteredModel(name, "", Map.of());
            }
            ModelVersion v =
                    registry.createModelVersion(name, "runs:/" + runId + "/" + path, runId, description, Map.of());
            out.printf(Locale.ROOT, "registered %s version %d (models:/%s/%d)%n", name, v.version(), name, v.version());
        }
    }

    /** {@code lathe registry versions NAME}. */
    @Command(name = "versions", mixinStandardHelpOptions = true, description = "List the versions of a model.")
    static final class Versions extends RegistryAction {
        @Override
        boolean readsOnly() {
            return true;
        }

        @Parameters(index = "0", paramLabel = "NAME", description = "Registered model name.")
        String name;

        @Override
        void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out) {
            out.printf(Locale.ROOT, "%-8s  %-32s  %-10s  %s%n", "version", "run_id", "stage", "aliases");
            for (ModelVersion v : registry.listModelVersions(name)) {
                out.printf(
                        Locale.ROOT,
                        "%-8d  %-32s  %-10s  %s%n",
                        v.version(),
                        v.runId().orElse("-"),
                        v.currentStage().label(),
                        String.join(",", v.aliases()));
            }
        }
    }

    /** {@code lathe registry set-alias NAME ALIAS VERSION}. */
    @Command(
            name = "set-alias",
            mixinStandardHelpOptions = true,
            description = "Point an alias (e.g. champion) at a version; load it as models:/NAME@ALIAS.")
    static final class SetAlias extends RegistryAction {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ALIAS")
        String alias;

        @Parameters(index = "2", paramLabel = "VERSION")
        int version;

        @Override
        void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out) {
            registry.setAlias(name, alias, version);
            out.printf(Locale.ROOT, "models:/%s@%s -> version %d%n", name, alias, version);
        }
    }

    /** {@code lathe registry delete-alias NAME ALIAS}. */
    @Command(name = "delete-alias", mixinStandardHelpOptions = true, description = "Remove an alias.")
    static final class DeleteAlias extends RegistryAction {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ALIAS")
        String alias;

        @Override
        void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out) {
            registry.deleteAlias(name, alias);
            out.printf(Locale.ROOT, "deleted alias %s of %s%n", alias, name);
        }
    }

    /** {@code lathe registry show NAME}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a model, its aliases and latest version.")
    static final class Show extends RegistryAction {
        @Override
        boolean readsOnly() {
            return true;
        }

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(TrackingStore tracker, ModelRegistry registry, PrintWriter out) {
            RegisteredModel m = registry.getRegisteredModel(name);
            out.println("name: " + m.name());
            out.println("description: " + (m.description() == null ? "" : m.description()));
            out.println("versions: " + registry.listModelVersions(name).size());
            m.aliases()
                    .forEach((alias, version) -> out.printf(Locale.ROOT, "alias %s -> version %d%n", alias, version));
            registry.latestVersion(name, java.util.Optional.empty())
                    .ifPresent(v -> out.printf(Locale.ROOT, "latest: version %d from %s%n", v.version(), v.source()));
        }
    }
}
