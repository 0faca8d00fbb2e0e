package org.tradeorders.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.tradeorders.platform.infra.DevTokens;

/**
 * Points a {@code @QuarkusTest} at the shared real PostgreSQL (its own database, named by the
 * {@code database} init arg) and the shared real Kafka broker, and makes it trust the test tokens.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedInfra infra = SharedInfra.get();
        infra.postgres().createDatabase(database);
        OpenApiContract.install();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(infra.smtp().getSmtp().getPort())),
                Map.entry("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database)),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", ""),
                Map.entry("kafka.bootstrap.servers", infra.kafka().bootstrapServers()),
                Map.entry("mp.jwt.verify.publickey.location", infra.tokens().publicKeyPath().toString()),
                Map.entry("mp.jwt.verify.issuer", DevTokens.ISSUER),
                Map.entry("tradeorders.clock.controllable", "true"));
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped by SharedInfra's shutdown hook
    }
}
