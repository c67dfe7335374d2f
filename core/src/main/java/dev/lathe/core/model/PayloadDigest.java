package dev.lathe.core.model;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 that model and pipeline files carry right after their format version, over every byte
 * that follows it: verified before anything is decoded, so a flipped bit fails to load instead of
 * predicting, and shown (as {@code sha256:<hex>}) in the provenance of what was loaded.
 */
public final class PayloadDigest {
    /** Bytes of the digest in a file. */
    public static final int LENGTH = 32;
    /** Prefix of the digest's text form. */
    public static final String PREFIX = "sha256:";

    private PayloadDigest() {}

    /** SHA-256 of {@code bytes[from..]}. */
    public static byte[] of(byte[] bytes, int from) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, from, bytes.length - from);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new LatheException("this JVM has no SHA-256: " + e, e);
        }
    }

    /**
     * A whole file: {@code magic} and {@code version} (4 bytes each, big-endian), the SHA-256 of {@code
     * rest}, then {@code rest}; {@link #verify} checks it on load.
     */
    public static byte[] seal(int magic, int version, byte[] rest) {
        return ByteBuffer.allocate(2 * Integer.BYTES + LENGTH + rest.length)
                .putInt(magic)
                .putInt(version)
                .put(of(rest, 0))
                .put(rest)
                .array();
    }

    /** The text form {@code sha256:<64 hex digits>}. */
    public static String text(byte[] digest) {
        return PREFIX + HexFormat.of().formatHex(digest);
    }

    /**
     * Checks that {@code file[at..at+32]} is the SHA-256 of {@code file[at+32..]} and returns its text
     * form; a mismatch is a {@link DataException} naming the source and both digests.
     */
    public static String verify(byte[] file, int at, String source, String what) {
        byte[] stored = stored(file, at, source, what);
        byte[] actual = of(file, at + LENGTH);
        if (!MessageDigest.isEqual(stored, actual)) {
            throw new DataException(String.format(
                    "%s: %s is corrupt: its content digest is %s but the file records %s"
                            + " (the file was modified or damaged after it was written)",
                    source, what, text(actual), text(stored)));
        }
        return text(actual);
    }

    /**
     * The text form of the digest recorded at {@code file[at..at+32]}, not recomputed: for a payload nested
     * in a container whose own digest, covering these bytes, was verified.
     */
    public static String recorded(byte[] file, int at, String source, String what) {
        return text(stored(file, at, source, what));
    }

    private static byte[] stored(byte[] file, int at, String source, String what) {
        if (file.length < at + LENGTH) {
            throw new DataException(String.format(
                    "%s: %s is truncated: %d bytes, the digest alone ends at byte %d",
                    source, what, file.length, at + LENGTH));
        }
        return Arrays.copyOfRange(file, at, at + LENGTH);
    }
}
