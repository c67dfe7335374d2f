package dev.lathe.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two hosts on this machine ({@code scripts/two-hosts.sh}): a database host running a throwaway
 * PostgreSQL that listens only on its veth address and a worker host joined to it by the veth pair alone.
 * Skipped (with the reason) where network namespaces cannot be made; removed by {@link #close()} or, if
 * the JVM ends first, by a shutdown hook.
 */
final class TwoHosts implements AutoCloseable {
    /** The two namespaces, by the script's names for them. */
    enum Host {
        DB("db"),
        WORKER("worker");

        private final String scriptName;

        Host(String scriptName) {
            this.scriptName = scriptName;
        }
    }

    private static final int REFUSED = 4;
    private static final int NO_POSTGRES = 3;

    private final Path script;
    private final String name;
    private final Path dir;
    private final URI server;
    private final Thread hook;

    private TwoHosts(Path script, String name, Path dir, URI server) {
        this.script = script;
        this.name = name;
        this.dir = dir;
        this.server = server;
        this.hook = new Thread(this::down, "lathe-two-hosts-down");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Builds both hosts (named after this JVM's pid) and starts the server in the database host. */
    static TwoHosts up() throws IOException, InterruptedException {
        if (Boolean.getBoolean("lathe.pg.skip")) {
            Assumptions.abort("PostgreSQL tests skipped (-Dlathe.pg.skip=true)");
        }
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Assumptions.assumeTrue(
                uid == 0, "two hosts need network namespaces, which need root; this JVM runs as uid " + uid);
        Assumptions.assumeTrue(
                onPath("ip"), "two hosts need the 'ip' command (Debian package iproute2), not on PATH here");
        Path script = script();
        String name = String.valueOf(ProcessHandle.current().pid());
        Path dir = Files.createTempDirectory("lathe-hosts-");
        Files.delete(dir); // the script creates it, owned by the server's user
        Path err = Files.createTempFile("lathe-hosts-", ".err");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "up", name, dir.toString())
                    .redirectError(err.toFile())
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            String why = Files.readString(err).trim();
            Assumptions.assumeTrue(code != REFUSED, () -> "two hosts cannot be made here: " + why);
            if (code == NO_POSTGRES) {
                throw new IllegalStateException("no PostgreSQL server binaries: install Debian's package"
                        + " postgresql-15 (apt-get install postgresql-15) or skip with -Dlathe.pg.skip=true");
            }
            if (code != 0 || !out.startsWith("postgresql://")) {
                throw new IllegalStateException(
                        script + " up " + name + " " + dir + " failed (exit " + code + "): " + out + "\n" + why);
            }
            return new TwoHosts(
                    script,
                    name,
                    dir,
                    URI.create(out.lines().reduce((a, b) -> b).orElseThrow()));
        } finally {
            Files.delete(err);
        }
    }

    /** The server's URL as the worker host reaches it: {@code postgresql://postgres@10.213.77.1:PORT/postgres}. */
    String url() {
        return server.toString();
    }

    /** The server's address on the veth pair. */
    String address() {
        return server.getHost();
    }

    int port() {
        return server.getPort();
    }

    /** The server's Unix socket (in its socket directory, reachable from any network namespace). */
    Path socket() {
        return dir.resolve(".s.PGSQL." + port());
    }

    /** The same server URL at another host and port (for example a relay of {@link #socket()}). */
    String urlAt(String host, int port) {
        return server.getScheme() + "://" + server.getUserInfo() + "@" + host + ":" + port + server.getPath();
    }

    /** The command prefix that runs a command in {@code host}. */
    List<String> in(Host host) {
        return List.of("bash", script.toString(), "exec", name, host.scriptName);
    }

    /** Whether a TCP connection from {@code host} to {@code address:port} is accepted within 5 s. */
    boolean reaches(Host host, String address, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(in(host));
        command.addAll(List.of("timeout", "5", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no answer in 30 s from " + command);
        }
        return p.exitValue() == 0;
    }

    @Override
    public void close() {
        down();
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    private void down() {
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "down", name, dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                System.err.println(script + " down " + name + " did not finish in 2 minutes");
            }
        } catch (IOException e) {
            System.err.println("cannot remove the two hosts " + name + " (" + script + " down): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted removing the two hosts " + name + " (" + script + " down " + name + ")");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /** {@code scripts/two-hosts.sh} of the checkout the tests run in. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("scripts").resolve("two-hosts.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "scripts/two-hosts.sh not found above " + Path.of("").toAbsolutePath());
    }
}
