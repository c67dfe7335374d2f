package dev.lathe.core.data;

/**
 * The Mersenne Twister as numpy's legacy {@code RandomState} seeds and draws it, so that a shuffle here
 * reproduces {@code np.random.RandomState(seed).shuffle} (and scikit-learn's shuffled folds) exactly.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final long MASK32 = 0xffffffffL;

    private final int[] mt = new int[N];
    private int index = N;

    private Mt19937() {}

    /**
     * The state numpy builds for {@code RandomState(seed)}: a seed in [0, 2^32) seeds it directly; any
     * other 64-bit seed as {@code RandomState([low 32 bits, high 32 bits])}.
     */
    static Mt19937 of(long seed) {
        Mt19937 r = new Mt19937();
        if (seed >= 0 && seed <= MASK32) {
            r.initGenrand(seed);
        } else {
            r.initByArray(new long[] {seed & MASK32, (seed >>> 32) & MASK32});
        }
        return r;
    }

    private void initGenrand(long s) {
        long x = s & MASK32;
        mt[0] = (int) x;
        for (int i = 1; i < N; i++) {
            x = (1812433253L * (x ^ (x >>> 30)) + i) & MASK32;
            mt[i] = (int) x;
        }
        index = N;
    }

    private void initByArray(long[] key) {
        initGenrand(19650218L);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            long prev = mt[i - 1] & MASK32;
            long v = ((mt[i] & MASK32) ^ ((prev ^ (prev >>> 30)) * 1664525L)) + key[j] + j;
            mt[i] = (int) (v & MASK32);
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            long prev = mt[i - 1] & MASK32;
            long v = ((mt[i] & MASK32) ^ ((prev ^ (prev >>> 30)) * 1566083941L)) - i;
            mt[i] = (int) (v & MASK32);
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    /** The next 32-bit output, as an unsigned value. */
    long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & MASK32;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int next = mt[(i + M) % N] ^ (y >>> 1);
            mt[i] = (y & 1) != 0 ? next ^ 0x9908b0df : next;
        }
        index = 0;
    }

    /** A uniform integer in [0, max] by numpy's masked rejection ({@code random_interval}). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** Shuffles in place as numpy's legacy {@code RandomState.shuffle} of a 1-d array. */
    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
