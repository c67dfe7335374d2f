package dev.lathe.server.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.MlflowDatasetJson;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunInputs;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import java.util.Map;

/**
 * Run inputs as MLflow's REST API writes them ({@code DatasetInput} of service.proto): the context as
 * the {@code mlflow.data.context} tag, source, schema and profile in MLflow's JSON forms ({@link
 * MlflowDatasetJson}, shared with the file-store export).
 */
public final class DatasetJson {
    private DatasetJson() {}

    public static ObjectNode inputs(RunInputs inputs) {
        ObjectNode o = Json.object();
        var list = o.putArray("dataset_inputs");
        for (DatasetInput d : inputs.datasets()) {
            ObjectNode input = list.addObject();
            input.set(
                    "tags",
                    Tags.toJson(d.context() == null ? Map.of() : Map.of(MlflowTags.DATASET_CONTEXT, d.context())));
            ObjectNode ds = input.putObject("dataset");
            ds.put("name", d.name());
            ds.put("digest", d.digest());
            ds.put("source_type", MlflowDatasetJson.SOURCE_TYPE);
            ds.put("source", MlflowDatasetJson.source(d.source()));
            String schema = MlflowDatasetJson.schema(d.schema());
            if (schema != null) {
                ds.put("schema", schema);
            }
            ds.put("profile", MlflowDatasetJson.profile(d.rows()));
        }
        return o;
    }

    /** One dataset input of a log-inputs request. */
    public static DatasetInput input(Fields f) {
        Fields ds = f.object("dataset");
        String context = Tags.fromJson(f, "tags").get(MlflowTags.DATASET_CONTEXT);
        return new DatasetInput(
                ds.string("name"),
                ds.string("digest"),
                ds.optString("source").map(MlflowDatasetJson::uriOf).orElse(null),
                ds.optString("schema").orElse(null),
                MlflowDatasetJson.rowsOf(ds.optString("profile").orElse(null)),
                context);
    }
}
