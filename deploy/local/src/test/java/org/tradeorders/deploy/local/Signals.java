package org.tradeorders.deploy.local;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What ops read off the running system, for the end-to-end checks: metric names and log lines. */
final class Signals {
    /** A metric name as the alert rules and the dashboard write it. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:tradeorders|http_server|kafka_consumer|kafka_producer|jvm|agroal)_[a-z_]+)\\b");
    /** A signed JWT (header.payload.), whoever issued it. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");

    private Signals() {
    }

    /** Every metric name the files (alert rules, dashboard) refer to. */
    static Set<String> metricsNamedIn(Path... files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path f : files) {
            Matcher m = METRIC.matcher(Files.readString(f));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every series name the services' /q/metrics show. */
    static Set<String> metricsServedBy(Collection<String> baseUrls) {
        Set<String> names = new TreeSet<>();
        for (String base : baseUrls) {
            String text = given().get(base + "/q/metrics").then().statusCode(200).extract().asString();
            text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    /** Each log line of the services that shows one of the {@code secrets}, a JWT or a full bank account. */
    static List<String> leaks(Path logs, Collection<String> secrets, Collection<String> bankAccounts) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    boolean leak = JWT.matcher(line).find() || secrets.stream().anyMatch(line::contains)
                            || bankAccounts.stream().anyMatch(a -> line.contains(a) || line.contains(a.replace(" ", "")));
                    if (leak) {
                        found.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
