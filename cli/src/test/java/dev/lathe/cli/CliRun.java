package dev.lathe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** One invocation of the command line with captured stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LatheCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A TLC month from the repository's data directory, found from the working directory up. */
    static Path data(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
