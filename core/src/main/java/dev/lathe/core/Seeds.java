package dev.lathe.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Every seed Lathe derives, in one place: per-trial seeds of a search (SplitMix64 finalisers over
 * search seed, trial number and purpose, so a trial's randomness never depends on thread scheduling)
 * and per-test seeds of experiment tests (SHA-256 over experiment and method names, the same on every
 * machine and JVM).
 */
public final class Seeds {
    /** Purpose salt of a search sampler's random stream. */
    public static final long SAMPLER = 0x5A4D504C4552L;
    /** Purpose salt of the seed handed to a trial's trainer. */
    public static final long TRAINER = 0x545241494E4552L;

    private Seeds() {}

    /** The seed of trial {@code trialNumber} of a search seeded with {@code searchSeed}, for {@code purpose}. */
    public static long derive(long searchSeed, int trialNumber, long purpose) {
        long z = mix(searchSeed ^ mix(purpose));
        return mix(z + 0x9E3779B97F4A7C15L * (trialNumber + 1L));
    }

    /**
     * The seed of {@code method} in {@code experiment}: the first 8 bytes (big-endian) of SHA-256 over
     * {@code experiment + '\0' + method}.
     */
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

    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
