package dev.lathe.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digest against SHA-256 of the documented bytes written one value at a time. */
class DatasetDigestTest {
    private static String expected(SparseMatrix x, double[] y, List<String> names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String n : names) {
            out.write(n.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeInt(x.rows());
        out.writeInt(x.cols());
        for (int v : x.indptr()) {
            out.writeInt(v);
        }
        for (int v : x.indices()) {
            out.writeInt(v);
        }
        for (double v : x.values()) {
            out.writeLong(Double.doubleToLongBits(v));
        }
        for (double v : y) {
            out.writeLong(Double.doubleToLongBits(v));
        }
        out.flush();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    @Test
    void digestIsSha256OfNamesShapeCsrArraysAndTargetBigEndian() throws Exception {
        Random random = new Random(7);
        int rows = 30_000; // several of the digest's buffers per array
        double[][] dense = new double[rows][3];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            dense[r][random.nextInt(3)] = random.nextGaussian();
            dense[r][2] = random.nextInt(2);
            y[r] = random.nextDouble() * 60;
        }
        y[11] = Double.longBitsToDouble(0x7ff8000000000123L); // a NaN with a payload counts as the canonical NaN
        SparseMatrix x = SparseMatrix.fromDense(dense);
        List<String> names = List.of("PU=1", "PU_DO=1_2", "trip_distance");
        assertEquals(expected(x, y, names), new Dataset("d", x, y, names).digest());
    }
}
