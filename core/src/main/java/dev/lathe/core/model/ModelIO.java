package dev.lathe.core.model;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Saves and loads any {@link Model}: a header (magic, format version, the {@link PayloadDigest} of the
 * rest), then the kind and the model's own payload. The digest is verified before anything is decoded,
 * format-1 files (no digest) still load. Files are written to a temporary sibling and moved into place,
 * so a crash never leaves a half-written model under the final name.
 */
public final class ModelIO {
    private static final int MAGIC = 0x4C41544D; // "LATM"
    /** Version 2 carries a SHA-256 of everything after it; version 1 had none. */
    private static final int FORMAT_VERSION = 2;

    private static final int FORMAT_WITHOUT_DIGEST = 1;
    private static final int HEADER_BYTES = 2 * Integer.BYTES;
    /** Ensembles nest models; deeper than this is no model Lathe writes (and would exhaust the stack). */
    private static final int MAX_NESTING = 16;

    private ModelIO() {}

    public static void save(Model model, Path file) {
        AtomicFile.write(file, toBytes(model), "model of kind '" + model.kind() + "'");
    }

    public static Model load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ResourceNotFoundException("model file " + file + " does not exist");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("cannot read model file " + file + ": " + e, e);
        }
        return fromBytes(bytes, file.toString());
    }

    public static byte[] toBytes(Model model) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(body);
            data.writeUTF(model.kind());
            data.flush();
            model.writeTo(body);
            return PayloadDigest.seal(MAGIC, FORMAT_VERSION, body.toByteArray());
        } catch (IOException e) {
            throw new LatheException("cannot serialise model of kind '" + model.kind() + "': " + e, e);
        }
    }

    public static Model fromBytes(byte[] bytes) {
        return fromBytes(bytes, "<bytes>");
    }

    /** The model in {@code bytes}, read from {@code source} (named in every error). */
    public static Model fromBytes(byte[] bytes, String source) {
        return read(bytes, source, null);
    }

    /** Reads a whole model file written by {@link #toBytes} that is nested in {@code parent} (an ensemble member). */
    public static Model readNested(PayloadInput parent, String field) {
        return read(parent.readBlock(field), parent.source() + " " + field, parent);
    }

    private static Model read(byte[] bytes, String source, PayloadInput parent) {
        if (bytes.length < HEADER_BYTES || readInt(bytes, 0) != MAGIC) {
            throw new DataException(source + " is not a Lathe model file (" + bytes.length + " bytes, bad magic)");
        }
        int version = readInt(bytes, Integer.BYTES);
        String digest;
        int payload;
        if (version == FORMAT_VERSION) {
            // a model nested in a verified file is covered by that file's digest: not hashed twice
            digest = parent != null && !parent.digest().isEmpty()
                    ? PayloadDigest.recorded(bytes, HEADER_BYTES, source, "model file")
                    : PayloadDigest.verify(bytes, HEADER_BYTES, source, "model file");
            payload = HEADER_BYTES + PayloadDigest.LENGTH;
        } else if (version == FORMAT_WITHOUT_DIGEST) {
            digest = "";
            payload = HEADER_BYTES;
        } else {
            throw new DataException(String.format(
                    "%s has model format version %d; this Lathe reads versions %d (no digest) and %d (SHA-256)",
                    source, version, FORMAT_WITHOUT_DIGEST, FORMAT_VERSION));
        }
        PayloadInput in = parent == null
                ? new PayloadInput(bytes, payload, source, digest)
                : parent.nested(bytes, payload, source, digest);
        LatheException.check(
                dev.lathe.core.ErrorCode.BAD_REQUEST,
                in.depth() <= MAX_NESTING,
                "%s: models nested %d deep; Lathe writes at most %d",
                source,
                in.depth(),
                MAX_NESTING);
        String kind = in.readUtf("kind");
        ModelCodec codec = codecs().get(kind);
        if (codec == null) {
            throw new DataException(source + " holds a model of kind '" + kind + "', but no codec for it is on the"
                    + " class path (known kinds: " + codecs().keySet() + ")");
        }
        try {
            return codec.read(in);
        } catch (LatheException e) {
            throw e;
        } catch (RuntimeException e) {
            // A codec's library rejected the bytes (an argument or state check): still the file's fault.
            throw new DataException(source + ": cannot decode model of kind '" + kind + "': " + e, e);
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
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
