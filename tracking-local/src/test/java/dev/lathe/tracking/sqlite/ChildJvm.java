package dev.lathe.tracking.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link ChildLogger} in a new JVM with this test's class path. */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Path logFile, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildLogger.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(logFile.toFile()).start();
    }
}
