package dev.lathe.core.data;

import dev.lathe.core.LatheException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Prepared training data: a CSR feature matrix, the regression target, the name of every feature
 * column, and a SHA-256 digest of all of it, so that the same rows always give the same digest and
 * any changed value gives another one (the digest is what tracking records as the dataset's identity).
 */
public final class Dataset {
    private final String name;
    private final SparseMatrix features;
    private final double[] target;
    private final List<String> featureNames;
    private final String digest;

    /** Validates shapes and computes the digest. {@code name} is a label such as "green_2023-01". */
    public Dataset(String name, SparseMatrix features, double[] target, List<String> featureNames) {
        LatheException.check(name != null && !name.isBlank(), "dataset name must not be blank");
        LatheException.check(
                features.rows() == target.length,
                "dataset '%s': feature rows (%d) must equal target length (%d)",
                name,
                features.rows(),
                target.length);
        LatheException.check(
                features.cols() == featureNames.size(),
                "dataset '%s': feature columns (%d) must equal feature names (%d)",
                name,
                features.cols(),
                featureNames.size());
        this.name = name;
        this.features = features;
        this.target = target;
        this.featureNames = List.copyOf(featureNames);
        this.digest = computeDigest(features, target, this.featureNames);
    }

    public String name() {
        return name;
    }

    public SparseMatrix features() {
        return features;
    }

    /** The target vector; read-only by contract. */
    public double[] target() {
        return target;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int rows() {
        return target.length;
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** Hex SHA-256 over feature names, the CSR arrays and the target. */
    public String digest() {
        return digest;
    }

    /** The rows at {@code rowIndices} as a new dataset (for folds and bootstrap samples). */
    public Dataset selectRows(String newName, int[] rowIndices) {
        double[] y = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            y[i] = target[rowIndices[i]];
        }
        return new Dataset(newName, features.selectRows(rowIndices), y, featureNames);
    }

    private static String computeDigest(SparseMatrix x, double[] y, List<String> names) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new LatheException("SHA-256 is not available in this JVM", e);
        }
        for (String n : names) {
            md.update(n.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        putInts(md, buf, new int[] {x.rows(), x.cols()});
        putInts(md, buf, x.indptr());
        putInts(md, buf, x.indices());
        putDoubles(md, buf, x.values());
        putDoubles(md, buf, y);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Big-endian, as {@code ByteBuffer.putInt} writes them, a buffer at a time. */
    private static void putInts(MessageDigest md, ByteBuffer buf, int[] a) {
        int per = buf.capacity() / Integer.BYTES;
        for (int from = 0; from < a.length; from += per) {
            int n = Math.min(per, a.length - from);
            buf.clear();
            buf.asIntBuffer().put(a, from, n);
            md.update(buf.array(), 0, n * Integer.BYTES);
        }
        buf.clear();
    }

    /** Each value's IEEE bits big-endian, as {@code ByteBuffer.putLong(doubleToLongBits(v))} writes them. */
    private static void putDoubles(MessageDigest md, ByteBuffer buf, double[] a) {
        int per = buf.capacity() / Double.BYTES;
        long[] bits = new long[per];
        for (int from = 0; from < a.length; from += per) {
            int n = Math.min(per, a.length - from);
            for (int i = 0; i < n; i++) {
                bits[i] = Double.doubleToLongBits(a[from + i]);
            }
            buf.clear();
            buf.asLongBuffer().put(bits, 0, n);
            md.update(buf.array(), 0, n * Double.BYTES);
        }
        buf.clear();
    }
}
