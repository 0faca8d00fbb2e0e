package org.tradeorders.deploy.k8s;

import static org.tradeorders.deploy.k8s.Custom.list;
import static org.tradeorders.deploy.k8s.Custom.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two overlays. dev: one replica of everything, small requests, a single-node Kafka and
 * PostgreSQL (replication factor 1). production: the base's three brokers and three database
 * instances, at least two replicas per service (the HorizontalPodAutoscaler scales from 2 to 6), with
 * the PodDisruptionBudgets and NetworkPolicies of the base.
 */
enum Overlay {
    DEV("dev", "tradeorders-dev"),
    PRODUCTION("production", "tradeorders");

    final String dir;
    final String namespace;

    Overlay(String dir, String namespace) {
        this.dir = dir;
        this.namespace = namespace;
    }

    /** The registry a CI pushes the images to; replace it with yours (kustomize edit set image). */
    static final String REGISTRY = "registry.tradeorders.example/tradeorders";

    Map<String, Object> kustomization(List<ServiceConfig> services) {
        List<Object> patches = new ArrayList<>();
        if (this == DEV) {
            patches.add(patch("KafkaNodePool", replace("/spec/replicas", 1),
                    replace("/spec/resources/requests/memory", "1Gi"), replace("/spec/resources/limits/memory", "1Gi"),
                    replace("/spec/storage/volumes/0/size", "10Gi")));
            patches.add(patch("Kafka", replace("/spec/kafka/config/default.replication.factor", 1),
                    replace("/spec/kafka/config/min.insync.replicas", 1),
                    replace("/spec/kafka/config/offsets.topic.replication.factor", 1),
                    replace("/spec/kafka/config/transaction.state.log.replication.factor", 1),
                    replace("/spec/kafka/config/transaction.state.log.min.isr", 1)));
            patches.add(patch("KafkaTopic", replace("/spec/replicas", 1), replace("/spec/config/min.insync.replicas", 1)));
            patches.add(patch("Cluster", replace("/spec/instances", 1), replace("/spec/storage/size", "5Gi"),
                    replace("/spec/resources/requests/memory", "512Mi"), replace("/spec/resources/limits/memory", "512Mi")));
            patches.add(patch("HorizontalPodAutoscaler", replace("/spec/maxReplicas", 1)));
            patches.add(patch("Deployment",
                    replace("/spec/template/spec/containers/0/resources/requests/cpu", "100m")));
        } else {
            patches.add(patch("Deployment", replace("/spec/replicas", 2)));
            patches.add(patch("HorizontalPodAutoscaler", replace("/spec/minReplicas", 2), replace("/spec/maxReplicas", 6)));
        }
        List<Object> images = new ArrayList<>();
        services.forEach(s -> images.add(map("name", "tradeorders/" + s.name(), "newName", REGISTRY + "/" + s.name(),
                "newTag", s.version())));
        return map("apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization",
                "namespace", namespace,
                "resources", list("namespace.yaml", "../../base"),
                "patches", patches,
                "images", images);
    }

    private static Map<String, Object> patch(String kind, Map<?, ?>... operations) {
        StringBuilder ops = new StringBuilder();
        for (Map<?, ?> op : operations) {
            ops.append("- op: replace\n  path: ").append(op.get("path")).append("\n  value: ").append(op.get("value"))
                    .append('\n');
        }
        return map("target", map("kind", kind), "patch", ops.toString());
    }

    private static Map<String, Object> replace(String path, Object value) {
        return map("path", path, "value", value);
    }
}
