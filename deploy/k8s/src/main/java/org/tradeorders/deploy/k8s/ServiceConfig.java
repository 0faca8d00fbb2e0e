package org.tradeorders.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own configuration says the deployment must provide: its name (also its consumer
 * group and Kafka user), its topic, the topics it consumes (and so the dead-letter topics it writes,
 * {@code <service>.<topic>.dlq}), whether it reads its own topic too (the change feed of its reads that
 * wait for a change), and the environment variables it reads without a default. Read from
 * the service's application.properties and the platform's shared defaults: the one source of truth.
 */
public record ServiceConfig(String name, String version, String ownTopic, List<String> consumedTopics,
        boolean readsOwnTopic, Set<String> requiredEnv, Set<String> optionalEnv) {
    public static final List<String> SERVICES = List.of("order-service", "payment-service", "credit-limit-service",
            "fulfillment-service", "review-service");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Path PLATFORM = Path.of("platform/events/src/main/resources/META-INF/microprofile-config.properties");

    public List<String> deadLetterTopics() {
        return consumedTopics.stream().map(t -> name + "." + t + ".dlq").toList();
    }

    /** The database the service owns: its name without "-service", e.g. order. */
    public String database() {
        return name.replace("-service", "").replace('-', '_');
    }

    public static List<ServiceConfig> all(Path repoRoot) throws IOException {
        List<ServiceConfig> all = new ArrayList<>();
        for (String service : SERVICES) {
            all.add(read(repoRoot, service));
        }
        return all;
    }

    static ServiceConfig read(Path repoRoot, String service) throws IOException {
        Path file = repoRoot.resolve(service).resolve("src/main/resources/application.properties");
        Properties p = load(file);
        if (!service.equals(p.getProperty("quarkus.application.name"))) {
            throw new IllegalStateException(file + " names the service " + p.getProperty("quarkus.application.name"));
        }
        // a channel names one topic (.topic) or several (.topics, comma separated)
        List<String> consumed = p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && (k.endsWith(".topic") || k.endsWith(".topics")))
                .flatMap(k -> Arrays.stream(p.getProperty(k).split(","))).map(String::strip)
                .sorted().distinct().toList();
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        for (Path f : List.of(file, repoRoot.resolve(PLATFORM))) {
            Matcher m = ENV.matcher(Files.readString(f));
            while (m.find()) {
                (m.group(2) == null ? required : optional).add(m.group(1));
            }
        }
        optional.removeAll(required);
        boolean changeFeed = Boolean.parseBoolean(p.getProperty("tradeorders.waits.feed.enabled", "false"));
        return new ServiceConfig(service, version(repoRoot), p.getProperty("tradeorders.events.topic"), consumed, changeFeed,
                required, optional);
    }

    /** The project's version (the root pom's): the images' tag. */
    static String version(Path repoRoot) throws IOException {
        Matcher m = Pattern.compile("<artifactId>trade-orders</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(repoRoot.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no project version in pom.xml");
        }
        return m.group(1);
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
