package dev.lathe.evaluation.search;

/**
 * Derives independent per-trial seeds from the search seed with SplitMix64 finalisers, so a trial's
 * randomness depends only on (search seed, trial number, purpose) and never on thread scheduling.
 */
public final class Seeds {
    /** Purpose salt of the sampler's random stream. */
    public static final long SAMPLER = 0x5A4D504C4552L;
    /** Purpose salt of the seed handed to the trainer factory. */
    public static final long TRAINER = 0x545241494E4552L;

    private Seeds() {}

    public static long derive(long searchSeed, int trialNumber, long purpose) {
        long z = mix(searchSeed ^ mix(purpose));
        return mix(z + 0x9E3779B97F4A7C15L * (trialNumber + 1L));
    }

    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
