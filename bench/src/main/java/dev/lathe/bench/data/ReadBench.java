package dev.lathe.bench.data;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.io.TableReader;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Times {@link TableReader#read} of each FILE with the TLC course recipe's input columns and prints the
 * rows, seconds, rows per second, heap used after the read and the process's peak RSS.
 * Usage: {@code bench/run.sh dev.lathe.bench.data.ReadBench FILE...}.
 */
public final class ReadBench {
    private ReadBench() {}

    public static void main(String[] args) {
        Set<String> columns = TlcRecipes.course().inputColumns();
        System.out.printf(Locale.ROOT, "columns %s%n", columns);
        for (String arg : args) {
            Path file = Path.of(arg);
            long t0 = System.nanoTime();
            Table t = TableReader.read(file, columns);
            double s = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf(
                    Locale.ROOT,
                    "%s rows %,d columns %d seconds %.3f rows_per_s %,.0f heap_used_mib %d peak_rss_mib %.0f%n",
                    file,
                    t.rowCount(),
                    t.columnCount(),
                    s,
                    t.rowCount() / s,
                    used >> 20,
                    PeakMemory.peakRssMiB());
        }
    }
}
