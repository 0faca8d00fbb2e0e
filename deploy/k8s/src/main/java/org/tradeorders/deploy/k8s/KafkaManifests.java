package org.tradeorders.deploy.k8s;

import static org.tradeorders.deploy.k8s.Custom.list;
import static org.tradeorders.deploy.k8s.Custom.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka by Strimzi ({@code kafka.strimzi.io/v1}): a KRaft cluster of one dual-role node pool, a
 * KafkaTopic for every service's topic and every dead-letter topic, and a KafkaUser per service
 * (SCRAM-SHA-512) whose ACLs are exactly what its configuration says it produces and consumes.
 */
public final class KafkaManifests {
    static final String API = "kafka.strimzi.io/v1";
    /** Partitions of an event topic: the most consumers of one group that can share it. */
    static final int EVENT_PARTITIONS = 6;
    static final long EVENT_RETENTION_MS = 30L * 24 * 3600 * 1000;
    static final long DEAD_LETTER_RETENTION_MS = 90L * 24 * 3600 * 1000;

    private KafkaManifests() {
    }

    static List<HasMetadata> of(List<ServiceConfig> services) {
        Map<String, String> labels = Map.of("strimzi.io/cluster", Cluster.KAFKA);
        List<HasMetadata> all = new ArrayList<>();
        all.add(Custom.of(API, "KafkaNodePool", "dual-role", labels, map(
                "replicas", 3,
                "roles", list("controller", "broker"),
                "storage", map("type", "jbod", "volumes", list(map("id", 0, "type", "persistent-claim", "size", "50Gi",
                        "deleteClaim", false, "kraftMetadata", "shared"))),
                "resources", map("requests", map("cpu", "500m", "memory", "2Gi"), "limits", map("memory", "2Gi")))));
        all.add(Custom.of(API, "Kafka", Cluster.KAFKA, Map.of(), map(
                "kafka", map(
                        "version", "4.1.0",
                        "listeners", list(map("name", "tls", "port", Cluster.KAFKA_PORT, "type", "internal", "tls", true,
                                "authentication", map("type", "scram-sha-512"))),
                        "authorization", map("type", "simple"),
                        "config", map(
                                "auto.create.topics.enable", false,
                                "default.replication.factor", 3,
                                "min.insync.replicas", 2,
                                "offsets.topic.replication.factor", 3,
                                "transaction.state.log.replication.factor", 3,
                                "transaction.state.log.min.isr", 2)),
                "entityOperator", map("topicOperator", map(), "userOperator", map()))));
        for (String topic : topics(services)) {
            boolean deadLetters = topic.endsWith(".dlq");
            all.add(Custom.of(API, "KafkaTopic", topic.replace('.', '-'), labels, map(
                    "topicName", topic,
                    "partitions", deadLetters ? 1 : EVENT_PARTITIONS,
                    "replicas", 3,
                    "config", map("min.insync.replicas", 2, "retention.ms",
                            deadLetters ? DEAD_LETTER_RETENTION_MS : EVENT_RETENTION_MS, "cleanup.policy", "delete"))));
        }
        for (ServiceConfig s : services) {
            all.add(Custom.of(API, "KafkaUser", s.name(), labels, map(
                    "authentication", map("type", "scram-sha-512"),
                    "authorization", map("type", "simple", "acls", acls(s)))));
        }
        return all;
    }

    /** Every topic some service produces: its own, and its dead-letter topics (one per consumed topic). */
    public static Set<String> topics(List<ServiceConfig> services) {
        Set<String> topics = new LinkedHashSet<>();
        services.forEach(s -> topics.add(s.ownTopic()));
        services.forEach(s -> topics.addAll(s.deadLetterTopics()));
        return topics;
    }

    /** Exactly what the service does: writes its topic and dead letters, reads what it consumes, in its group. */
    static List<Object> acls(ServiceConfig s) {
        List<Object> acls = new ArrayList<>();
        acls.add(s.readsOwnTopic() ? acl("topic", s.ownTopic(), "Write", "Describe", "Read")
                : acl("topic", s.ownTopic(), "Write", "Describe"));
        s.consumedTopics().forEach(t -> acls.add(acl("topic", t, "Read", "Describe")));
        s.deadLetterTopics().forEach(t -> acls.add(acl("topic", t, "Write", "Describe")));
        acls.add(acl("group", s.name(), "Read"));
        return acls;
    }

    private static Object acl(String type, String name, String... operations) {
        return map("resource", map("type", type, "name", name, "patternType", "literal"),
                "operations", List.of(operations), "host", "*");
    }
}
