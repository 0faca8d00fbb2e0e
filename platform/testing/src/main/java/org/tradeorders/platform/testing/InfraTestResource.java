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
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", infra.tokens().publicKeyPath().toString(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "tradeorders.clock.controllable", "true");
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped by SharedInfra's shutdown hook
    }
}
