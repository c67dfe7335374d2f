package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe experiments list|create|delete|restore}: the store's experiments, as MLflow's CLI manages them. */
@Command(
        name = "experiments",
        mixinStandardHelpOptions = true,
        description = "List, create, delete and restore experiments.",
        subcommands = {
            ExperimentsCommand.ListExperiments.class,
            ExperimentsCommand.Create.class,
            ExperimentsCommand.Delete.class,
            ExperimentsCommand.Restore.class
        })
public final class ExperimentsCommand {
    /** Base of the experiment commands: the store, the output and finding an experiment by name or id. */
    abstract static class ExperimentAction implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingStore tracker = readsOnly() ? store.openForReading() : store.open()) {
                run(tracker, out);
            }
            out.flush();
            return 0;
        }

        abstract void run(TrackingStore tracker, PrintWriter out);

        /** True for commands that only read: they open the store read-only. */
        boolean readsOnly() {
            return false;
        }

        /** The experiment named {@code nameOrId}, else the one with that id. */
        static Experiment find(TrackingStore tracker, String nameOrId) {
            return tracker.getExperimentByName(nameOrId)
                    .or(() -> tracker.listExperiments(ViewType.ALL).stream()
                            .filter(e -> e.experimentId().equals(nameOrId))
                            .findFirst())
                    .orElseThrow(() -> new ResourceNotFoundException(
                            "experiment '" + nameOrId + "' (name or id) does not exist in " + tracker.location()));
        }
    }

    /** {@code lathe experiments list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List experiments, oldest first.")
    static final class ListExperiments extends ExperimentAction {
        @Override
        boolean readsOnly() {
            return true;
        }

        @Option(
                names = "--view",
                defaultValue = "active",
                description = "Which experiments: active, deleted or all (default: ${DEFAULT-VALUE}).")
        String view;

        @Option(names = "--json", description = "Print a JSON array of experiments.")
        boolean json;

        @Override
        void run(TrackingStore tracker, PrintWriter out) {
            List<Experiment> experiments = tracker.listExperiments(ViewOption.parse(view));
            if (json) {
                out.println(Json.object(
                        experiments.stream().map(ListExperiments::asMap).toList()));
                return;
            }
            int width =
                    experiments.stream().mapToInt(e -> e.name().length()).max().orElse(4);
            out.printf(Locale.ROOT, "%-4s  %-" + width + "s  %-8s  %s%n", "id", "name", "stage", "created");
            for (Experiment e : experiments) {
                out.printf(
                        Locale.ROOT,
                        "%-4s  %-" + width + "s  %-8s  %s%n",
                        e.experimentId(),
                        e.name(),
                        e.lifecycleStage().dbValue(),
                        Instant.ofEpochMilli(e.creationTime()));
            }
            out.println(experiments.size() + " experiment(s)");
        }

        private static Map<String, Object> asMap(Experiment e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment_id", e.experimentId());
            m.put("name", e.name());
            m.put("lifecycle_stage", e.lifecycleStage().dbValue());
            m.put("artifact_location", e.artifactLocation());
            m.put("creation_time", e.creationTime());
            m.put("last_update_time", e.lastUpdateTime());
            m.put("tags", e.tags());
            return m;
        }
    }

    /** {@code lathe experiments create NAME}. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create an experiment; prints its id. Names are unique, also among deleted experiments.",
                "Example: lathe experiments create taxi-fares --tag team=pricing"
            })
    static final class Create extends ExperimentAction {
        @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's name.")
        String name;

        @Option(
                names = "--artifact-location",
                paramLabel = "DIR",
                description = "Where its runs' artifacts go (default: artifacts/<id> inside the store).")
        String artifactLocation;

        @Option(
                names = "--tag",
                paramLabel = "KEY=VALUE",
                description = "An experiment tag (repeatable; default: none).")
        Map<String, String> tags = new TreeMap<>();

        @Option(names = "--json", description = "Print {\"experiment_id\": ..., \"name\": ...}.")
        boolean json;

        @Override
        void run(TrackingStore tracker, PrintWriter out) {
            String id = tracker.createExperiment(name, artifactLocation, tags);
            if (json) {
                out.println(Json.object(Map.of("experiment_id", id, "name", name)));
            } else {
                out.printf(Locale.ROOT, "created experiment %s (id %s)%n", name, id);
            }
        }
    }

    /** {@code lathe experiments delete NAME|ID}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete an experiment and its runs (soft delete: 'experiments restore' brings them back).")
    static final class Delete extends ExperimentAction {
        @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Name or id.")
        String experiment;

        @Override
        void run(TrackingStore tracker, PrintWriter out) {
            Experiment e = find(tracker, experiment);
            LatheException.check(
                    e.lifecycleStage() == LifecycleStage.ACTIVE, "experiment '%s' is already deleted", e.name());
            tracker.deleteExperiment(e.experimentId());
            out.printf(Locale.ROOT, "deleted experiment %s (id %s)%n", e.name(), e.experimentId());
        }
    }

    /** {@code lathe experiments restore NAME|ID}. */
    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore a deleted experiment and its runs.")
    static final class Restore extends ExperimentAction {
        @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Name or id.")
        String experiment;

        @Override
        void run(TrackingStore tracker, PrintWriter out) {
            Experiment e = find(tracker, experiment);
            LatheException.check(
                    e.lifecycleStage() == LifecycleStage.DELETED, "experiment '%s' is not deleted", e.name());
            tracker.restoreExperiment(e.experimentId());
            out.printf(Locale.ROOT, "restored experiment %s (id %s)%n", e.name(), e.experimentId());
        }
    }
}
