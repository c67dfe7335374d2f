package dev.lathe.serving;

import java.util.Locale;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request durations counted into fixed buckets (Prometheus' cumulative {@code le} buckets, in seconds),
 * safe to record from many threads without locks.
 */
final class LatencyHistogram {
    /** Upper bounds in seconds: 0.25 ms to 10 s, fine where one-row requests fall. */
    static final double[] BOUNDS = {
        0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets[i].increment();
        sum.add(seconds);
    }

    /** The histogram's lines in Prometheus' text format, under {@code name} with {@code labels} (e.g. path="/x"). */
    void write(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            String le = i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf";
            out.append(name)
                    .append("_bucket{")
                    .append(labels)
                    .append(",le=\"")
                    .append(le)
                    .append("\"} ");
            out.append(cumulative).append('\n');
        }
        out.append(name).append("_sum{").append(labels).append("} ");
        out.append(String.format(Locale.ROOT, "%.9f", sum.sum())).append('\n');
        out.append(name)
                .append("_count{")
                .append(labels)
                .append("} ")
                .append(cumulative)
                .append('\n');
    }
}
