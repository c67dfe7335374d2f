package dev.lathe.trainers.modelfile;

import dev.lathe.core.model.PayloadDigest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Damaged copies of valid model or pipeline files: a flipped bit, a cut tail or a count spliced in at a
 * random place, half of them resealed with a fresh digest so that the decoders (not the digest check)
 * meet the damage. Both file types keep their digest at byte 8, over everything after it.
 */
final class Damage {
    private static final int DIGEST_AT = 8;
    private static final int BODY_AT = DIGEST_AT + PayloadDigest.LENGTH;

    private Damage() {}

    static Arbitrary<byte[]> of(List<byte[]> valid) {
        Arbitrary<byte[]> file = Arbitraries.of(valid).map(byte[]::clone);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> count = Arbitraries.oneOf(
                Arbitraries.integers(),
                Arbitraries.of(-1, 0, 1, 255, 65_535, 1 << 20, 150_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE));
        Arbitrary<byte[]> flipped = Combinators.combine(
                        file, where, Arbitraries.integers().between(0, 7))
                .as((f, at, bit) -> flip(f, at % f.length, bit));
        Arbitrary<byte[]> truncated = Combinators.combine(file, where).as((f, at) -> Arrays.copyOf(f, at % f.length));
        Arbitrary<byte[]> spliced =
                Combinators.combine(file, where, count).as((f, at, n) -> splice(f, at % Math.max(1, f.length - 3), n));
        Arbitrary<byte[]> damaged = Arbitraries.oneOf(flipped, truncated, spliced);
        return Combinators.combine(damaged, Arbitraries.of(true, false)).as((f, reseal) -> reseal ? reseal(f) : f);
    }

    private static byte[] flip(byte[] f, int at, int bit) {
        f[at] ^= (byte) (1 << bit);
        return f;
    }

    private static byte[] splice(byte[] f, int at, int value) {
        if (f.length >= Integer.BYTES) {
            ByteBuffer.wrap(f).putInt(at, value);
        }
        return f;
    }

    private static byte[] reseal(byte[] f) {
        if (f.length >= BODY_AT) {
            System.arraycopy(PayloadDigest.of(f, BODY_AT), 0, f, DIGEST_AT, PayloadDigest.LENGTH);
        }
        return f;
    }
}
