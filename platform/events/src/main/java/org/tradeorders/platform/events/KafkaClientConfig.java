package org.tradeorders.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The service's Kafka client configuration, as its consumers get it ({@code kafka.*}: bootstrap servers,
 * security protocol, TLS, SASL, client settings), for a Kafka client the platform makes itself (the
 * outbox relay's producer, the change feed's consumer), which then adds its own guarantees on top.
 */
@ApplicationScoped
public class KafkaClientConfig {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> service;

    /** @param clientConfigNames the settings the kind of client knows ({@code ProducerConfig.configNames()}, ...) */
    public Properties forClient(Set<String> clientConfigNames) {
        Properties p = new Properties();
        service.forEach((k, v) -> {
            if (clientConfigNames.contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, v);
            }
        });
        return p;
    }
}
