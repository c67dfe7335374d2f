package dev.lathe.core.model;

import dev.lathe.core.DataException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A model payload being decoded, held in memory: every read names its field, and every count or length
 * is checked against the bytes that remain before anything is allocated, so a crafted or truncated file
 * fails with a {@link DataException} naming the file, the field, the value and the bytes left.
 */
public final class PayloadInput {
    private final ByteArrayInputStream bytes;
    private final DataInputStream data;
    private final String source;
    private final String digest;
    private final int depth;

    /** Reads {@code payload[offset..]}; {@code digest} is the verified file digest, or "" for none. */
    public PayloadInput(byte[] payload, int offset, String source, String digest) {
        this(payload, offset, source, digest, 0);
    }

    private PayloadInput(byte[] payload, int offset, String source, String digest, int depth) {
        this.depth = depth;
        this.bytes = new ByteArrayInputStream(payload, offset, payload.length - offset);
        this.data = new DataInputStream(bytes);
        this.source = source;
        this.digest = digest;
    }

    /** The file (or other source) the payload came from, for error messages. */
    public String source() {
        return source;
    }

    /** The verified SHA-256 of the file ({@code sha256:<hex>}), or "" for a file format without one. */
    public String digest() {
        return digest;
    }

    /** How many payloads enclose this one (0 for a file, 1 for a member of an ensemble in a file...). */
    public int depth() {
        return depth;
    }

    /** The payload {@code bytes[offset..]} nested in this one (an ensemble member), read from {@code source}. */
    public PayloadInput nested(byte[] payload, int offset, String nestedSource, String nestedDigest) {
        return new PayloadInput(payload, offset, nestedSource, nestedDigest, depth + 1);
    }

    /** Bytes not read yet. */
    public int remaining() {
        return bytes.available();
    }

    public int readInt(String field) {
        need(field, Integer.BYTES);
        try {
            return data.readInt();
        } catch (IOException e) {
            throw truncated(field, e);
        }
    }

    public double readDouble(String field) {
        need(field, Double.BYTES);
        try {
            return data.readDouble();
        } catch (IOException e) {
            throw truncated(field, e);
        }
    }

    /** A string written by {@link java.io.DataOutputStream#writeUTF} (at most 65535 bytes by construction). */
    public String readUtf(String field) {
        try {
            return data.readUTF();
        } catch (IOException e) {
            throw truncated(field, e);
        }
    }

    /**
     * A count of items each taking at least {@code minBytesPerItem} bytes: it must be non-negative and
     * those items must fit in the bytes that remain.
     */
    public int readCount(String field, int minBytesPerItem) {
        int n = readInt(field);
        if (n < 0 || (long) n * minBytesPerItem > remaining()) {
            throw error(
                    field,
                    String.format(
                            "= %d (needs at least %d bytes), but only %d bytes remain in the payload",
                            n, (long) Math.max(n, 0) * minBytesPerItem, remaining()));
        }
        return n;
    }

    /** A length-prefixed byte block (the length bounded by the bytes that remain). */
    public byte[] readBlock(String field) {
        int n = readCount(field, 1);
        byte[] out = new byte[n];
        try {
            data.readFully(out);
        } catch (IOException e) {
            throw truncated(field, e);
        }
        return out;
    }

    /** A count then that many doubles. */
    public double[] readDoubles(String field) {
        double[] out = new double[readCount(field, Double.BYTES)];
        for (int i = 0; i < out.length; i++) {
            out[i] = readDouble(field);
        }
        return out;
    }

    /** An error about {@code field}: "source: field <detail>". */
    public DataException error(String field, String detail) {
        return new DataException(source + ": field " + field + " " + detail);
    }

    private void need(String field, int n) {
        if (remaining() < n) {
            throw error(field, "is truncated: needs " + n + " bytes, " + remaining() + " remain");
        }
    }

    private DataException truncated(String field, IOException e) {
        return new DataException(
                source + ": field " + field + " cannot be read (" + e + "; " + remaining() + " bytes remain)", e);
    }
}
