package dev.lathe.core.tracking;

import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's model registry, backend-neutral: registered models, numbered versions that are never
 * reused, aliases, the deprecated stages, and resolution of {@code models:/} and {@code runs:/} URIs
 * to artifact files.
 */
public interface ModelRegistry {
    RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags);

    RegisteredModel getRegisteredModel(String name);

    Optional<RegisteredModel> findRegisteredModel(String name);

    RegisteredModel renameRegisteredModel(String name, String newName);

    void updateRegisteredModelDescription(String name, String description);

    void deleteRegisteredModel(String name);

    void setRegisteredModelTag(String name, String key, String value);

    void deleteRegisteredModelTag(String name, String key);

    /** Registers a new version numbered (highest ever + 1); {@code source} is usually {@code runs:/<id>/path}. */
    ModelVersion createModelVersion(
            String name, String source, String runId, String description, Map<String, String> tags);

    ModelVersion getModelVersion(String name, int version);

    /** The versions of a model that are not deleted, ordered by version. */
    List<ModelVersion> listModelVersions(String name);

    void deleteModelVersion(String name, int version);

    void updateModelVersionDescription(String name, int version, String description);

    void setModelVersionTag(String name, int version, String key, String value);

    void deleteModelVersionTag(String name, int version, String key);

    /** Moves a version to a stage; with {@code archiveExistingVersions}, others in that stage become Archived. */
    ModelVersion transitionModelVersionStage(
            String name, int version, ModelStage stage, boolean archiveExistingVersions);

    /** Points an alias at a version, moving it when it pointed elsewhere. */
    void setAlias(String name, String alias, int version);

    void deleteAlias(String name, String alias);

    ModelVersion getModelVersionByAlias(String name, String alias);

    /** The newest non-deleted version, optionally restricted to a stage. */
    Optional<ModelVersion> latestVersion(String name, Optional<ModelStage> stage);

    Page<RegisteredModel> searchRegisteredModels(String filter, List<String> orderBy, int maxResults, String pageToken);

    Page<ModelVersion> searchModelVersions(String filter, List<String> orderBy, int maxResults, String pageToken);

    /** Resolves {@code models:/...} and {@code runs:/...} URIs to a local artifact file. */
    Path resolve(String uri);

    /** Loads the model file that {@code uri} resolves to with core's {@link ModelIO}. */
    default Model loadModel(String uri) {
        return ModelIO.load(resolve(uri));
    }
}
