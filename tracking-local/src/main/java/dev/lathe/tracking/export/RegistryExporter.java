package dev.lathe.tracking.export;

import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.tracking.registry.ModelUri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the model registry in MLflow's FileStore registry layout (mlflow/store/model_registry/
 * file_store.py): {@code models/<name>/meta.yaml}, {@code tags/<key>}, {@code aliases/<alias>} holding the
 * version number, and {@code version-<n>/meta.yaml} with its {@code tags/}, so that MLflow lists the
 * models, versions, stages and aliases a Lathe store holds.
 */
final class RegistryExporter {
    private static final int PAGE = 1000;
    private static final String MODELS = "models";

    private final ModelRegistry registry;
    private final Function<String, Optional<Path>> runArtifacts;

    /** {@code runArtifacts} gives the exported artifact directory of a run, when it was exported. */
    RegistryExporter(ModelRegistry registry, Function<String, Optional<Path>> runArtifacts) {
        this.registry = registry;
        this.runArtifacts = runArtifacts;
    }

    /** Writes every registered model under {@code mlrunsDir/models}; returns the number of models. */
    int export(Path mlrunsDir) throws IOException {
        Path modelsDir = mlrunsDir.resolve(MODELS);
        FileWrites.directory(modelsDir);
        int models = 0;
        String token = null;
        do {
            Page<RegisteredModel> page = registry.searchRegisteredModels("", List.of(), PAGE, token);
            for (RegisteredModel m : page.items()) {
                writeModel(m, modelsDir.resolve(m.name()));
                models++;
            }
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return models;
    }

    /**
     * {@code _save_registered_model_as_meta_file}: the entity's properties but tags and latest_versions,
     * keys sorted as {@code yaml.safe_dump} sorts them; aliases as MLflow rewrites them (alias -> version
     * text) after {@code set_registered_model_alias}.
     */
    private void writeModel(RegisteredModel m, Path dir) throws IOException {
        StringBuilder meta = new StringBuilder();
        if (m.aliases().isEmpty()) {
            meta.append("aliases: {}\n");
        } else {
            meta.append("aliases:\n");
            for (Map.Entry<String, Integer> a : m.aliases().entrySet()) {
                meta.append("  ")
                        .append(YamlScalars.string(a.getKey(), 4))
                        .append(": ")
                        .append(YamlScalars.string(Integer.toString(a.getValue()), 4))
                        .append('\n');
            }
        }
        meta.append("creation_timestamp: ").append(m.creationTime()).append('\n');
        meta.append("description: ").append(YamlScalars.string(m.description())).append('\n');
        meta.append("last_updated_timestamp: ").append(m.lastUpdatedTime()).append('\n');
        meta.append("name: ").append(YamlScalars.string(m.name())).append('\n');
        FileWrites.text(dir.resolve("meta.yaml"), meta.toString());
        for (Map.Entry<String, String> t : m.tags().entrySet()) {
            FileWrites.text(dir.resolve("tags").resolve(t.getKey()), t.getValue());
        }
        for (Map.Entry<String, Integer> a : m.aliases().entrySet()) {
            FileWrites.text(dir.resolve("aliases").resolve(a.getKey()), Integer.toString(a.getValue()));
        }
        for (ModelVersion v : registry.listModelVersions(m.name())) {
            writeVersion(v, dir.resolve("version-" + v.version()));
        }
    }

    /**
     * {@code _save_model_version_as_meta_file}: {@code FileModelVersion}'s properties but tags, sorted;
     * {@code storage_location} is where the model's files are in the export when the source is a run's.
     */
    private void writeVersion(ModelVersion v, Path dir) throws IOException {
        StringBuilder meta = new StringBuilder();
        if (v.aliases().isEmpty()) {
            meta.append("aliases: []\n");
        } else {
            meta.append("aliases:\n");
            for (String alias : v.aliases()) {
                meta.append("- ").append(YamlScalars.string(alias)).append('\n');
            }
        }
        meta.append("creation_timestamp: ").append(v.creationTime()).append('\n');
        meta.append("current_stage: ")
                .append(YamlScalars.string(v.currentStage().label()))
                .append('\n');
        meta.append("description: ").append(YamlScalars.string(v.description())).append('\n');
        meta.append("last_updated_timestamp: ").append(v.lastUpdatedTime()).append('\n');
        meta.append("name: ").append(YamlScalars.string(v.name())).append('\n');
        meta.append("run_id: ")
                .append(YamlScalars.string(v.runId().orElse(null)))
                .append('\n');
        meta.append("run_link: null\n");
        meta.append("source: ").append(YamlScalars.string(v.source())).append('\n');
        meta.append("status: ").append(YamlScalars.string(v.status())).append('\n');
        meta.append("status_message: null\n");
        meta.append("storage_location: ")
                .append(YamlScalars.string(storageLocation(v.source())))
                .append('\n');
        meta.append("user_id: ").append(YamlScalars.string(v.userId())).append('\n');
        meta.append("version: ").append(v.version()).append('\n');
        FileWrites.text(dir.resolve("meta.yaml"), meta.toString());
        for (Map.Entry<String, String> t : v.tags().entrySet()) {
            FileWrites.text(dir.resolve("tags").resolve(t.getKey()), t.getValue());
        }
    }

    /** A {@code runs:/<run>/<path>} source as the file URI of that path in the exported run; else the source. */
    private String storageLocation(String source) {
        if (source == null || !source.startsWith("runs:/")) {
            return source;
        }
        ModelUri.RunArtifact uri = (ModelUri.RunArtifact) ModelUri.parse(source);
        return runArtifacts
                .apply(uri.runId())
                .map(dir -> dir.resolve(uri.path()).toAbsolutePath().toUri().toString())
                .orElse(source);
    }
}
