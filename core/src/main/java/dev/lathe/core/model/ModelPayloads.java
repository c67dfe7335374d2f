package dev.lathe.core.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Binary form of the pieces every model payload shares: its {@link ModelProvenance} (strings as
 * modified UTF-8, maps as a count then key/value pairs), its feature names and length-prefixed byte
 * blocks (read back through {@link PayloadInput}), so that every codec writes one layout and a loaded model reports exactly how it was made.
 */
public final class ModelPayloads {
    /** The length prefix of a string written by {@code writeUTF}: the least bytes any string takes. */
    public static final int UTF_LENGTH_BYTES = 2;

    private ModelPayloads() {}

    /** Writes trainer, hyperparameters, dataset identity, fit details and versions. */
    public static void write(ModelProvenance p, DataOutputStream out) throws IOException {
        out.writeUTF(p.trainer());
        writeMap(p.hyperparameters(), out);
        out.writeUTF(p.datasetName());
        out.writeUTF(p.datasetDigest());
        out.writeInt(p.trainRows());
        out.writeInt(p.featureCount());
        writeMap(p.fitDetails(), out);
        out.writeUTF(p.latheVersion());
        out.writeUTF(p.javaVersion());
    }

    /** Reads what {@link #write} wrote; the provenance carries the digest {@code in} verified. */
    public static ModelProvenance read(PayloadInput in) {
        String trainer = in.readUtf("provenance.trainer");
        SortedMap<String, String> hyper = readMap(in, "provenance.hyperparameters");
        String datasetName = in.readUtf("provenance.dataset_name");
        String digest = in.readUtf("provenance.dataset_digest");
        int rows = in.readInt("provenance.train_rows");
        int features = in.readInt("provenance.feature_count");
        SortedMap<String, String> details = readMap(in, "provenance.fit_details");
        String lathe = in.readUtf("provenance.lathe_version");
        String java = in.readUtf("provenance.java_version");
        return new ModelProvenance(
                trainer, hyper, datasetName, digest, rows, features, details, lathe, java, in.digest());
    }

    /** Writes a count then each name. */
    public static void writeNames(List<String> names, DataOutputStream out) throws IOException {
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
        }
    }

    /** Reads what {@link #writeNames} wrote. */
    public static List<String> readNames(PayloadInput in) {
        int n = in.readCount("feature_names", UTF_LENGTH_BYTES);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUtf("feature_names"));
        }
        return names;
    }

    /** Writes a length then the bytes. */
    public static void writeBlock(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeMap(Map<String, String> map, DataOutputStream out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static SortedMap<String, String> readMap(PayloadInput in, String field) {
        int size = in.readCount(field, 2 * UTF_LENGTH_BYTES);
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUtf(field), in.readUtf(field));
        }
        return map;
    }
}
