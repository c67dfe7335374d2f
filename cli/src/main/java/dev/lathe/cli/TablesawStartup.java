package dev.lathe.cli;

import dev.lathe.core.LatheException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's first use, made cheap: {@link Table}'s static initialiser registers Tablesaw's readers
 * by scanning the whole class path with ClassGraph (the central directory of every jar, ~38,000
 * entries on the command line's class path, the largest single cost of a cold start); the command
 * line initialises it once with the scan narrowed to the jar that holds {@code Table}, which holds
 * every reader it registers, and restores the class path property right after.
 */
final class TablesawStartup {
    private TablesawStartup() {}

    /** Initialises {@link Table} (once per JVM; later calls return at once). */
    static void initialize() {
        Initialized.touch();
    }

    /** The holder idiom: the JVM runs this class's initialiser once, under its class-init lock. */
    private static final class Initialized {
        static {
            narrowed(Table.class.getName()); // Table.class loads the class without initialising it
        }

        static void touch() {}
    }

    private static void narrowed(String className) {
        CodeSource source = Table.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            initializeClass(className); // no jar to narrow the scan to: Tablesaw scans as it always does
            return;
        }
        String classPath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", path(location).toString());
        try {
            initializeClass(className);
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    private static void initializeClass(String className) {
        try {
            Class.forName(className, true, Table.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new LatheException("Tablesaw's " + className + " is not on the class path: " + e, e);
        }
    }

    private static Path path(URL location) {
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new LatheException("Tablesaw's location " + location + " is not a file path: " + e, e);
        }
    }
}
