package dev.lathe.trainers.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.tribuo.SgdParams;
import dev.lathe.trainers.tribuo.TribuoModel;
import dev.lathe.trainers.tribuo.TribuoSgdTrainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.protos.core.ModelProto;

/**
 * A Tribuo model file names classes that Tribuo loads and initialises ({@code Class.forName}) while it
 * deserializes: Lathe checks every such name against the classes its own Tribuo trainers write before
 * Tribuo sees the bytes, so a crafted file cannot load (or run the static initialiser of) anything else.
 */
class TribuoClassNamesTest {
    private static TribuoModel sgd() {
        Dataset train = TestData.taxiLike("train", 60, 3, 1.0, 3);
        return new TribuoSgdTrainer(new SgdParams(2, 0.1, 1, 1)).fit(train);
    }

    private static byte[] tribuoFile(TribuoModel m, byte[] proto) {
        return CraftedFile.format1("tribuo", out -> {
            out.writeInt(1);
            ModelPayloads.write(m.provenance(), out);
            ModelPayloads.writeNames(m.featureNames(), out);
            ModelPayloads.writeBlock(proto, out);
        });
    }

    private static DataException rejected(Path dir, byte[] bytes, String className) throws Exception {
        Path file = Files.write(dir.resolve("crafted.lathe"), bytes);
        DataException e = assertThrows(DataException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(className), e.getMessage());
        return e;
    }

    @Test
    void aModelClassNotWrittenByLatheIsRejectedAndNeverInitialised(@TempDir Path dir) throws Exception {
        TribuoModel m = sgd();
        String name = TopLevelTripwire.class.getName();
        byte[] proto = m.tribuoModel().serialize().toBuilder()
                .setClassName(name)
                .build()
                .toByteArray();
        DataException e = rejected(dir, tribuoFile(m, proto), name);
        assertTrue(e.getMessage().contains("tribuo.core.ModelProto.class_name"), e.getMessage());
        assertFalse(Tripwires.INITIALISED.contains(name), "the named class was initialised");
    }

    @Test
    void aJndiFactoryIsRejected(@TempDir Path dir) throws Exception {
        TribuoModel m = sgd();
        String name = "com.sun.jndi.ldap.LdapCtxFactory";
        byte[] proto = m.tribuoModel().serialize().toBuilder()
                .setClassName(name)
                .build()
                .toByteArray();
        rejected(dir, tribuoFile(m, proto), name);
    }

    @Test
    void aClassNamedDeepInsideTheTribuoProvenanceIsRejectedAndNeverInitialised(@TempDir Path dir) throws Exception {
        TribuoModel m = sgd();
        String original = "org.tribuo.provenance.ModelProvenance";
        String name = Tripwire.class.getName();
        assertEquals(original.length(), name.length(), "same length keeps every protobuf length prefix valid");
        byte[] proto = m.tribuoModel().serialize().toByteArray();
        String latin = new String(proto, StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains(original));
        byte[] crafted = latin.replace(original, name).getBytes(StandardCharsets.ISO_8859_1);
        ModelProto.parseFrom(crafted); // still a well-formed ModelProto
        rejected(dir, tribuoFile(m, crafted), name);
        assertFalse(Tripwires.INITIALISED.contains(name), "the named class was initialised");
    }
}
