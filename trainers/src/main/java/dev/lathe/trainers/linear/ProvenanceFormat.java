package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Binary form of a {@link ModelProvenance} inside a model payload (strings as modified UTF-8, maps as
 * a count then key/value pairs), so that a loaded model reports exactly how it was made.
 */
final class ProvenanceFormat {
    private static final int MAX_ENTRIES = 1_000_000;

    private ProvenanceFormat() {}

    static void write(ModelProvenance p, DataOutputStream out) throws IOException {
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

    static ModelProvenance read(DataInputStream in) throws IOException {
        String trainer = in.readUTF();
        SortedMap<String, String> hyper = readMap(in);
        String datasetName = in.readUTF();
        String digest = in.readUTF();
        int rows = in.readInt();
        int features = in.readInt();
        SortedMap<String, String> details = readMap(in);
        String lathe = in.readUTF();
        String java = in.readUTF();
        return new ModelProvenance(trainer, hyper, datasetName, digest, rows, features, details, lathe, java);
    }

    private static void writeMap(Map<String, String> map, DataOutputStream out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static SortedMap<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        LatheException.check(
                size >= 0 && size <= MAX_ENTRIES, "provenance map size must be in [0, %d], got %d", MAX_ENTRIES, size);
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }
}
