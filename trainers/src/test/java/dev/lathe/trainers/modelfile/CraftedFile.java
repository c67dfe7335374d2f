package dev.lathe.trainers.modelfile;

import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * Builds model files by hand, field by field, as an attacker would: a format-1 header (magic, version,
 * kind, no digest, which Lathe still reads), then whatever payload the test writes.
 */
final class CraftedFile {
    static final int MAGIC = 0x4C41544D;

    /** What a test writes into the payload. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private CraftedFile() {}

    /** A format-1 model file of {@code kind} whose payload {@code body} writes. */
    static byte[] format1(String kind, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeInt(MAGIC);
            out.writeInt(1);
            out.writeUTF(kind);
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A small, valid provenance block. */
    static void provenance(DataOutputStream out) throws IOException {
        ModelPayloads.write(
                new ModelProvenance("crafted", new TreeMap<>(), "d", "0", 1, 1, new TreeMap<>(), "0.1", "17", ""), out);
    }

    /** {@code n} bytes of filler, so the file has some size but far less than its counts claim. */
    static void filler(DataOutputStream out, int n) throws IOException {
        out.write(new byte[n]);
    }
}
