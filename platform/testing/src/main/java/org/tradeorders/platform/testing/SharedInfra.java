package org.tradeorders.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tradeorders.platform.infra.DevTokens;
import org.tradeorders.platform.infra.KafkaBroker;
import org.tradeorders.platform.infra.Ports;
import org.tradeorders.platform.infra.PostgresServer;
import org.tradeorders.platform.infra.Processes;

/** One real PostgreSQL and one real Kafka broker per test JVM, shared by all its tests, stopped at exit. */
public final class SharedInfra {
    /** Every service's topic: created up front so consumers never wait for auto-creation. */
    public static final List<String> TOPICS = List.of("order-events", "payment-events", "credit-limit-events",
            "fulfillment-events", "review-events");

    private static SharedInfra instance;

    private final Path root;
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private DevTokens tokens;
    private volatile GreenMail smtp;

    private SharedInfra() {
        try {
            root = Files.createTempDirectory("tradeorders-test-");
            root.toFile().setExecutable(true, false);
            root.toFile().setReadable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // stop whatever did start, even if a later step fails
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shared-infra-stop"));
        postgres = PostgresServer.start(root.resolve("postgres"), Ports.free(), false);
        kafka = KafkaBroker.start(root.resolve("kafka"), Ports.free(), Ports.free(), "384m");
        kafka.createTopics(TOPICS, 3);
        tokens = DevTokens.in(root.resolve("keys"));
        smtp = new GreenMail(new ServerSetup(Ports.free(),
                "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** A real SMTP server (GreenMail) that keeps what the services send. */
    public GreenMail smtp() {
        return smtp;
    }

    private void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Processes.deleteTree(root);
    }

    public static synchronized SharedInfra get() {
        if (instance == null) {
            instance = new SharedInfra();
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevTokens tokens() {
        return tokens;
    }

    public Path root() {
        return root;
    }
}
