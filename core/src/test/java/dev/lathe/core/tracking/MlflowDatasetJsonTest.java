package dev.lathe.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * MLflow's JSON forms of a dataset's fields, checked against what Python's {@code json.dumps} writes for
 * the same dicts (separators {@code ", "} and {@code ": "}, {@code ensure_ascii=True}) and read back
 * with an independent JSON parser.
 */
class MlflowDatasetJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sourceIsUriJsonAndReadsBack() throws IOException {
        // json.dumps({"uri": 'a "b"\\c\n\u00e9\u2603'})
        String source = "a \"b\"\\c\n\u00e9\u2603";
        String json = MlflowDatasetJson.source(source);
        assertEquals("{\"uri\": \"a \\\"b\\\"\\\\c\\n\\u00e9\\u2603\"}", json);
        assertEquals(source, JSON.readTree(json).get("uri").asText());
        assertEquals(source, MlflowDatasetJson.uriOf(json));
        assertEquals("plain/path.parquet", MlflowDatasetJson.uriOf("plain/path.parquet"));
        String already = "{\"uri\": \"s3://bucket/x\", \"extra\": 1}";
        assertEquals(already, MlflowDatasetJson.source(already));
    }

    @Test
    void schemaBecomesColspecAndMlflowFormsAreKept() {
        assertEquals(
                "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"x\", \"required\": true}]}",
                MlflowDatasetJson.schema("[\"x\"]"));
        String colspec = "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"n\", \"required\": false}]}";
        assertEquals(colspec, MlflowDatasetJson.schema(colspec));
        assertEquals("free text", MlflowDatasetJson.schema("free text"));
        assertNull(MlflowDatasetJson.schema(null));
    }

    @Test
    void profileCarriesTheRowCount() {
        assertEquals("{\"num_rows\": 65946}", MlflowDatasetJson.profile(65946));
        assertEquals(65946, MlflowDatasetJson.rowsOf("{\"num_rows\": 65946}"));
        assertEquals(0, MlflowDatasetJson.rowsOf("{}"));
    }
}
