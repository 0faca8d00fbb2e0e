package org.tradeorders.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeorders.platform.infra.DevTokens;
import org.tradeorders.platform.infra.KafkaBroker;
import org.tradeorders.platform.infra.Ports;
import org.tradeorders.platform.infra.PostgresServer;
import org.tradeorders.platform.infra.Processes;

/**
 * The whole system on one machine: a real PostgreSQL (one database per service), a real Kafka broker
 * in its own JVM, and the five packaged services, each in its own JVM, configured through the
 * environment exactly as in production. Used by {@code deploy/local/run.sh} and the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {

    /** A service: its folder, database and HTTP port. */
    public record Service(String name, String database, int port) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static final List<String> TOPICS = List.of("order-events", "payment-events", "credit-limit-events",
            "fulfillment-events", "review-events");

    /** Demo companies of the local run: a supplier with an activated credit line, one with a small line, a buyer. */
    public static final Map<String, String> DEMO_CREDIT_LINES = Map.of("SUP-1001", "50000", "SUP-1002", "1000");


    private final StackOptions options;
    private final List<Service> services;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DevTokens tokens;
    private ServiceOps ops;
    private Path pidFile;
    private String reminderLinkSecret;

    public LocalStack(StackOptions options) {
        this.options = options;
        int p = options.firstServicePort();
        this.services = List.of(new Service("order-service", "orders", p), new Service("payment-service", "payments", p + 1),
                new Service("credit-limit-service", "credit", p + 2), new Service("fulfillment-service", "fulfillment", p + 3),
                new Service("review-service", "reviews", p + 4));
    }

    public StackOptions options() {
        return options;
    }

    public List<Service> services() {
        return services;
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevTokens tokens() {
        return tokens;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public Map<Service, Process> processes() {
        return processes;
    }

    /** Starts everything and returns once every service reports ready. */
    public LocalStack start() {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.dataDir().resolve("logs"));
            claimPidFile();
            for (Service s : services) {
                Path jar = jar(s);
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
                }
            }
            say("PostgreSQL   starting on 127.0.0.1:%d", options.postgresPort());
            postgres = PostgresServer.start(options.dataDir().resolve("postgres"), options.postgresPort(), options.durable());
            services.forEach(s -> postgres.createDatabase(s.database()));
            say("Kafka        starting on 127.0.0.1:%d (KRaft)", options.kafkaPort());
            kafka = KafkaBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(), "512m");
            kafka.createTopics(TOPICS, 3);
            tokens = DevTokens.in(options.dataDir().resolve("keys"));
            ops = new ServiceOps(() -> tokens.issue("operator", "OPS-1", Duration.ofMinutes(5)));
            reminderLinkSecret = secret(options.dataDir().resolve("keys").resolve("reminder-link.secret"));
            trainClassData();
            for (Service s : services) {
                processes.put(s, launch(s));
            }
            awaitReady(services, Duration.ofSeconds(240));
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Services whose class-data archive is missing or older than their build start once to train it
     * (see {@link ClassData}): until ready, then stopped, which writes the archive.
     */
    private void trainClassData() throws IOException {
        List<Service> untrained = services.stream().filter(s -> !ClassData.fresh(jar(s).getParent())).toList();
        if (untrained.isEmpty()) {
            return;
        }
        say("class data   training %s (once per build)", untrained.stream().map(Service::name).toList());
        for (Service s : untrained) {
            processes.put(s, launch(s, ClassData.training(s.port())));
        }
        awaitReady(untrained, Duration.ofSeconds(240));
        untrained.forEach(s -> processes.get(s).destroy()); // SIGTERM: a clean exit writes the archive
        for (Service s : untrained) {
            Processes.signalAndWait(processes.remove(s), "TERM", 60);
            ClassData.trained(jar(s).getParent(), s.port());
        }
    }

    /**
     * Starts one more instance of a service on a free port, against the same database and consumer
     * group (two instances racing for the same deadlines, as a scaled deployment does); its clock is
     * set to the first instance's.
     */
    public synchronized Service startInstance(String name) {
        Service first = service(name);
        Service another = new Service(name, first.database(), Ports.free());
        try {
            processes.put(another, launch(another));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(List.of(another), Duration.ofSeconds(180));
        syncClock(first, another);
        return another;
    }

    /** Kills an instance without warning (SIGKILL): no shutdown hook, no graceful anything. */
    public synchronized void kill(Service instance) {
        Process p = processes.get(instance);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed (or stopped) instance again on its port; its clock follows {@code clockFrom}. */
    public synchronized void restart(Service instance, Service clockFrom) {
        try {
            processes.put(instance, launch(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(List.of(instance), Duration.ofSeconds(180));
        syncClock(clockFrom, instance);
    }



    /** A (re)started instance runs on the same (moved) time as {@code from}. */
    private void syncClock(Service from, Service to) {
        ops.advanceClock(to, ops.clockOffset(from));
    }

    /** logs/order-service.log for the first instance, logs/order-service-<port>.log for another. */
    private Path logOf(Service s) {
        return options.dataDir().resolve("logs").resolve(s.equals(service(s.name())) ? s.name() + ".log"
                : s.name() + "-" + s.port() + ".log");
    }

    /** Starts an instance that maps its classes from the service's archive, if it has one. */
    private Process launch(Service s) throws IOException {
        return launch(s, ClassData.use(jar(s).getParent()));
    }

    /** Starts an instance with the class-data options given (see {@link ClassData}). */
    private Process launch(Service s, List<String> classData) throws IOException {
        Path log = logOf(s);
        Path jar = jar(s);
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable()));
        cmd.addAll(StackOptions.serviceJvm());
        cmd.addAll(StackOptions.profiling(s.name() + "-" + s.port()));
        cmd.addAll(classData);
        if (s.name().equals("credit-limit-service")) {
            options.creditLines().forEach((supplier, limit) -> cmd.add("-Dcredit-limit.seed-lines." + supplier + "=" + limit));
        }
        // an archive records the class path as its training ran it: every instance runs from the application's directory
        cmd.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(jar.getParent().toFile());
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(s.port()));
        env.put("DB_URL", postgres.jdbcUrl(s.database()));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyPath().toString());
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        // the local run may move time forward to show timeouts (deploy/local/clock.sh); production never does
        env.put("TRADEORDERS_CLOCK_CONTROLLABLE", "true");
        // text log lines to read in a terminal (production writes JSON), and Swagger UI at /q/swagger-ui
        env.put("LOG_JSON", "false");
        env.put("SWAGGER_UI", "true");
        // the key e-Collection payment-reminder links are signed with (kept with the data: links survive restarts)
        env.put("REMINDER_LINK_SECRET", reminderLinkSecret);
        if (options.smtpPort() == null) {
            // no SMTP server here: e-mails are written to the service's log instead of sent
            env.put("QUARKUS_MAILER_MOCK", "true");
        } else {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", Integer.toString(options.smtpPort()));
        }
        say("%-12s starting on %s", s.name().replace("-service", ""), s.baseUrl());
        return pb.start();
    }

    /** A random secret made once and kept in {@code file}. */
    private static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).trim();
    }

    private void awaitReady(List<Service> instances, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Service> pending = new ArrayList<>(instances);
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + timeout + ": " + pending);
            }
            for (Service s : List.copyOf(pending)) {
                Process p = processes.get(s);
                if (!p.isAlive()) {
                    throw new IllegalStateException(s.name() + " exited (" + p.exitValue() + "):\n"
                            + Processes.tail(logOf(s)));
                }
                if (ops.ready(s)) {
                    pending.remove(s);
                }
            }
            sleep(100); // a start is timed to ready (the benchmark's start_s): to the tenth of a second
        }
    }

    /** Moves every running instance's clock forward (POST /ops/clock/advance), as deploy/local/clock.sh does. */
    public synchronized void advanceClocks(Duration by) {
        processes.keySet().forEach(s -> ops.advanceClock(s, by));
    }


    /** Stops the services, then Kafka, then PostgreSQL; leaves no process and no port behind. */
    @Override
    public synchronized void close() {
        processes.values().forEach(p -> {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: Quarkus shuts down gracefully
            }
        });
        processes.values().forEach(p -> Processes.signalAndWait(p, "TERM", 30));
        processes.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // nothing left to do
            }
            pidFile = null;
        }
    }

    /** A second run while one is up says so instead of failing on a busy port. */
    private void claimPidFile() throws IOException {
        pidFile = null;
        Path file = options.dataDir().resolve("stack.pid");
        if (Files.exists(file)) {
            String pid = Files.readString(file).trim();
            boolean alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                throw new AlreadyRunning("the local stack is already running (pid " + pid + ", data in "
                        + options.dataDir() + "). Stop it with Ctrl-C in its terminal or: kill " + pid);
            }
        }
        List<String> busy = new ArrayList<>();
        for (int port : List.of(options.postgresPort(), options.kafkaPort(), options.kafkaControllerPort())) {
            if (Ports.inUse(port)) {
                busy.add(Integer.toString(port));
            }
        }
        services.stream().filter(s -> Ports.inUse(s.port())).forEach(s -> busy.add(s.port() + " (" + s.name() + ")"));
        if (!busy.isEmpty()) {
            throw new AlreadyRunning("ports already in use: " + String.join(", ", busy)
                    + ". Another local stack or program holds them; stop it first.");
        }
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
        pidFile = file;
    }

    private Path jar(Service s) {
        return options.repoRoot().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning(String message) {
            super(message);
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }



}
