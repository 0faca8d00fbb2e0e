package org.tradeorders.platform.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

/**
 * A real Kafka broker in KRaft mode (combined broker + controller), in its own JVM, started from the
 * Maven jars of the same version as the services' kafka-clients. It can be stopped and started again
 * on the same ports and log directory, which is how tests show the outbox surviving a broker outage.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final String CLASSPATH_RESOURCE = "META-INF/tradeorders/kafka-broker.classpath";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort, String heap) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /** Formats {@code dir} on first use, then starts the broker and waits until it answers. */
    public static KafkaBroker start(Path dir, int port, int controllerPort, String heap) {
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort, heap);
        broker.prepare();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path log = dir.resolve("broker.log");
            List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx" + heap, "-Xms64m",
                    "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                    "-cp", classpath(), "kafka.Kafka", dir.resolve("server.properties").toString()));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            awaitReady(log);
            LOG.infof("Kafka broker ready on %s (logs in %s)", bootstrapServers(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Controlled shutdown (SIGTERM), as an operator would stop a broker. */
    public synchronized void stop() {
        if (process != null) {
            Processes.signalAndWait(process, "TERM", 60);
            process = null;
        }
    }

    /** Kills the broker without warning (SIGKILL), as a crash would; {@link #start()} brings it back on its data. */
    public synchronized void kill() {
        if (process != null) {
            Processes.signalAndWait(process, "KILL", 30);
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited:\n" + Processes.tail(log));
            }
            if (Ports.inUse(port)) {
                try (Admin admin = admin()) {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    // not ready yet
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready after 90s:\n" + Processes.tail(log));
    }

    private void prepare() {
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            String props = String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "controlled.shutdown.enable=true",
                    "") ;
            Files.writeString(dir.resolve("server.properties"), props);
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d %p %c{1} %m%n",
                    "logger.kafka.name=kafka.server.KafkaRaftServer",
                    "logger.kafka.level=INFO",
                    ""));
            if (!Files.exists(data.resolve("meta.properties"))) {
                Processes.run(List.of(Processes.javaExecutable(), "-cp", classpath(), "kafka.tools.StorageTool", "format",
                        "--config", dir.resolve("server.properties").toString(),
                        "--cluster-id", Uuid.randomUuid().toString(), "--standalone"), dir.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " missing: build platform-infra with Maven");
            }
            String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : cp.split(File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new IllegalStateException("Kafka broker jar " + jar + " is missing: run ./mvnw install once");
                }
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
