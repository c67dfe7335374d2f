package dev.lathe.evaluation.drift;

/**
 * The exact two-sided p-value {@code P(D_{n,m} >= h / lcm(n, m))} of the two-sample Kolmogorov-Smirnov
 * statistic, as scipy's {@code ks_2samp(method="exact")} computes it: for equal sizes the alternating sum
 * over reflections (Horner form, each term a ratio of binomials), otherwise the lattice-path count of
 * Hodges' inside method, kept as {@code 1 - p} column by column (Viehmann 2021, arXiv:2102.08037) so
 * that every value stays in [0, 1]. O(n * m) at worst; used for sizes up to 10,000.
 */
final class KolmogorovSmirnovExact {
    private KolmogorovSmirnovExact() {}

    /** The p-value for sizes {@code n}, {@code m} with gcd {@code g} and integer statistic {@code h}; NaN when not in [0, 1]. */
    static double pValue(int n, int m, int g, long h) {
        if (h == 0) {
            return 1.0;
        }
        double p = n == m ? outsideSquare(n, (int) h) : outsideInside(n, m, g, h);
        return p >= 0 && p <= 1 ? p : Double.NaN;
    }

    /** Equal sizes: {@code 2 * (A0 * (1 - A1 * (1 - A2 * ...)))}, {@code Ak = C(2n, n-kh)/C(2n, n-(k-1)h)}. */
    private static double outsideSquare(int n, int h) {
        double sum = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double ratio = 1.0;
            for (int j = 0; j < h; j++) {
                ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
            }
            sum = ratio * (1.0 - sum);
        }
        return 2 * sum;
    }

    /**
     * Unequal sizes: the share of monotone lattice paths from (0, 0) to (m, n) that touch or cross
     * {@code |x * n/g - y * m/g| >= h}, with {@code m >= n}, one column of the recursion at a time over the
     * sliding window of rows still strictly inside the band.
     */
    private static double outsideInside(int a, int b, int g, long h) {
        int m = Math.max(a, b);
        int n = Math.min(a, b);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min(ceilDiv(h, mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] column = new double[lenA];
        java.util.Arrays.fill(column, 1.0);
        java.util.Arrays.fill(column, minj, maxj, 0.0);
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (column[jj + minj - lastminj] * i + val * j) / (i + j);
                column[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(
                        column, maxj - minj, Math.min(column.length, maxj - minj + (lastlen - curlen)), 1.0);
            }
        }
        return column[maxj - minj - 1];
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
