package dev.lathe.core.model;

import dev.lathe.core.LatheException;
import java.io.DataInputStream;
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
 * blocks, so that every codec writes one layout and a loaded model reports exactly how it was made.
 */
public final class ModelPayloads {
    private static final int MAX_ENTRIES = 10_000_000;

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

    /** Reads what {@link #write} wrote. */
    public static ModelProvenance read(DataInputStream in) throws IOException {
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

    /** Writes a count then each name. */
    public static void writeNames(List<String> names, DataOutputStream out) throws IOException {
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
        }
    }

    /** Reads what {@link #writeNames} wrote. */
    public static List<String> readNames(DataInputStream in) throws IOException {
        int n = checkedCount(in.readInt(), "feature name count");
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
        }
        return names;
    }

    /** Writes a length then the bytes. */
    public static void writeBlock(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeBlock} wrote. */
    public static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        LatheException.check(n >= 0, "byte block length must be >= 0, got %d", n);
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** Validates a count read from a payload. */
    public static int checkedCount(int n, String what) {
        LatheException.check(n >= 0 && n <= MAX_ENTRIES, "%s must be in [0, %d], got %d", what, MAX_ENTRIES, n);
        return n;
    }

    private static void writeMap(Map<String, String> map, DataOutputStream out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static SortedMap<String, String> readMap(DataInputStream in) throws IOException {
        int size = checkedCount(in.readInt(), "provenance map size");
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }
}
