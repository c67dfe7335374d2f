package dev.lathe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIOTest {
    private static final int MAGIC = 0x4C41544D;
    /** Magic and format version. */
    private static final int HEADER = 8;

    /** A format-1 file (no digest): magic, version 1, kind, payload. */
    private static byte[] format1(String kind, Model model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(1);
        out.writeUTF(kind);
        out.flush();
        model.writeTo(bytes);
        return bytes.toByteArray();
    }

    @Test
    void roundTripsThroughTheCodecRegistry(@TempDir Path dir) {
        Path f = dir.resolve("m/model.lathe");
        ModelIO.save(new MeanModel(7.25), f);
        assertEquals(new MeanModel(7.25), ModelIO.load(f));
        assertEquals(new MeanModel(-1.5), ModelIO.fromBytes(ModelIO.toBytes(new MeanModel(-1.5))));
    }

    @Test
    void foreignFilesAndUnknownKindsAreClearErrors(@TempDir Path dir) throws IOException {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        LatheException e = assertThrows(LatheException.class, () -> ModelIO.load(junk));
        assertTrue(e.getMessage().contains("not a Lathe model file"), e.getMessage());
        byte[] unknownKind = format1("test-meaX", new MeanModel(1));
        LatheException unknown = assertThrows(LatheException.class, () -> ModelIO.fromBytes(unknownKind));
        assertTrue(unknown.getMessage().contains("no codec"), unknown.getMessage());
        assertThrows(LatheException.class, () -> ModelIO.load(dir.resolve("missing.lathe")));
    }

    @Test
    void theDigestIsTheSha256OfEverythingAfterItAndWhatTheFileRecords() throws Exception {
        byte[] bytes = ModelIO.toBytes(new DotModel(new double[] {1.5, -2}, 0.25));
        byte[] body = Arrays.copyOfRange(bytes, HEADER + 32, bytes.length);
        byte[] independent = MessageDigest.getInstance("SHA-256").digest(body);
        assertEquals(
                HexFormat.of().formatHex(independent),
                HexFormat.of().formatHex(Arrays.copyOfRange(bytes, HEADER, HEADER + 32)));
    }

    @Test
    void aFlippedBitAnywhereAfterTheHeaderFailsToLoadNamingBothDigests(@TempDir Path dir) throws IOException {
        byte[] good = ModelIO.toBytes(new DotModel(new double[] {1.5, -2, 3}, 0.25));
        Path file = dir.resolve("flipped.lathe");
        for (int at = HEADER; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(file, bad);
            DataException e = assertThrows(DataException.class, () -> ModelIO.load(file), "flip at " + at);
            String m = e.getMessage();
            assertTrue(m.contains(file.toString()) && m.contains("corrupt"), m);
            assertTrue(
                    m.contains("sha256:" + HexFormat.of().formatHex(Arrays.copyOfRange(bad, HEADER, HEADER + 32))), m);
        }
    }

    @Test
    void aFormat1FileWithoutDigestStillLoads() throws IOException {
        DotModel m = new DotModel(new double[] {1.5, -2}, 0.25);
        DotModel back = (DotModel) ModelIO.fromBytes(format1("test-dot", m));
        assertEquals(Arrays.toString(m.w()), Arrays.toString(back.w()));
        assertEquals(m.b(), back.b(), 0.0);
    }

    @Test
    void anUnknownFormatVersionNamesTheVersionsThisLatheReads() throws IOException {
        byte[] bytes = format1("test-dot", new DotModel(new double[0], 0));
        bytes[7] = 9;
        DataException e = assertThrows(DataException.class, () -> ModelIO.fromBytes(bytes, "v9.lathe"));
        assertEquals(
                "v9.lathe has model format version 9; this Lathe reads versions 1 (no digest) and 2 (SHA-256)",
                e.getMessage());
    }

    @Test
    void aCountLargerThanTheBytesLeftFailsBeforeAllocating() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeInt(Integer.MAX_VALUE); // 2^31-1 doubles claimed, 8 bytes present
        out.writeDouble(1);
        PayloadInput in = new PayloadInput(payload.toByteArray(), 0, "crafted.lathe", "");
        DataException e = assertThrows(DataException.class, () -> in.readDoubles("w"));
        assertEquals(
                "crafted.lathe: field w = 2147483647 (needs at least 17179869176 bytes), but only 8 bytes remain in"
                        + " the payload",
                e.getMessage());
    }
}
