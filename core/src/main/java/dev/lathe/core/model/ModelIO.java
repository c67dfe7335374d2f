package dev.lathe.core.model;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Saves and loads any {@link Model}: a small header (magic, format version, kind) followed by the
 * model's own payload. Files are written to a temporary sibling and moved into place, so a crash never
 * leaves a half-written model under the final name.
 */
public final class ModelIO {
    private static final int MAGIC = 0x4C41544D; // "LATM"
    private static final int FORMAT_VERSION = 1;

    private ModelIO() {}

    public static void save(Model model, Path file) {
        AtomicFile.write(file, out -> write(model, out), "model of kind '" + model.kind() + "'");
    }

    public static Model load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ResourceNotFoundException("model file " + file + " does not exist");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DataException("cannot load model from " + file + ": " + e, e);
        }
    }

    public static byte[] toBytes(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(model, bytes);
        } catch (IOException e) {
            throw new LatheException("cannot serialise model of kind '" + model.kind() + "': " + e, e);
        }
        return bytes.toByteArray();
    }

    public static Model fromBytes(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), "<bytes>");
        } catch (IOException e) {
            throw new DataException("cannot read model from bytes: " + e, e);
        }
    }

    private static void write(Model model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeUTF(model.kind());
        data.flush();
        model.writeTo(out);
        out.flush();
    }

    private static Model read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if (magic != MAGIC) {
            throw new DataException(
                    source + " is not a Lathe model file (bad magic 0x" + Integer.toHexString(magic) + ")");
        }
        int version = data.readInt();
        if (version != FORMAT_VERSION) {
            throw new DataException(
                    source + " has model format version " + version + "; this Lathe reads version " + FORMAT_VERSION);
        }
        String kind = data.readUTF();
        ModelCodec codec = codecs().get(kind);
        if (codec == null) {
            throw new DataException(source + " holds a model of kind '" + kind + "', but no codec for it is on the"
                    + " class path (known kinds: " + codecs().keySet() + ")");
        }
        return codec.read(in);
    }

    private static Map<String, ModelCodec> codecs() {
        Map<String, ModelCodec> byKind = new HashMap<>();
        for (ModelCodec c : ServiceLoader.load(ModelCodec.class, ModelIO.class.getClassLoader())) {
            byKind.put(c.kind(), c);
        }
        for (ModelCodec c : ServiceLoader.load(ModelCodec.class)) {
            byKind.putIfAbsent(c.kind(), c);
        }
        return byKind;
    }
}
