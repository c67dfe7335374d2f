package dev.lathe.junit;

import dev.lathe.core.LatheException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic seeds for experiment tests: the first 8 bytes (big-endian) of SHA-256 over {@code
 * experiment + '\0' + method}, so a test gets the same seed on every machine and JVM, and different
 * tests get unrelated seeds.
 */
public final class Seeds {
    private Seeds() {}

    /** The seed of {@code method} in {@code experiment}. */
    public static long derive(String experiment, String method) {
        LatheException.check(experiment != null && method != null, "experiment and method names must not be null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((experiment + '\0' + method).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new LatheException("this JVM has no SHA-256 MessageDigest: " + e.getMessage(), e);
        }
    }
}
