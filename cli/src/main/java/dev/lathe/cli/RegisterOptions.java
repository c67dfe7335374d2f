package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.ModelRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --register NAME} and {@code --alias ALIAS} options of commands whose run ends with a model. */
public final class RegisterOptions {
    @Option(
            names = "--register",
            paramLabel = "NAME",
            description = "Register the run's model/ as a new version of this model, created when new"
                    + " (default: not registered).")
    String name;

    @Option(
            names = "--alias",
            paramLabel = "ALIAS",
            description = "With --register: point this alias (e.g. champion) at the new version; repeatable"
                    + " (default: none).")
    List<String> aliases = new ArrayList<>();

    /** Checks the options before any work is done: an alias needs --register. */
    public void check() {
        LatheException.check(
                name != null || aliases.isEmpty(), "--alias %s needs --register NAME", String.join(",", aliases));
    }

    /** Registers run {@code runId}'s model when --register was given. */
    public Optional<ModelVersion> apply(TrackingStore store, String runId) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(ModelRegistration.register(store, runId, name, aliases));
    }
}
