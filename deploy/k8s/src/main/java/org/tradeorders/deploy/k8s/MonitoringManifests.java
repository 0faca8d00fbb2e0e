package org.tradeorders.deploy.k8s;

import static org.tradeorders.deploy.k8s.Custom.list;
import static org.tradeorders.deploy.k8s.Custom.map;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Prometheus Operator and Grafana need, from deploy/monitoring: a PodMonitor scraping every
 * service's /q/metrics, the alert rules (alerts.yml) as a PrometheusRule, and the dashboard as a
 * ConfigMap Grafana's sidecar loads (label grafana_dashboard).
 */
final class MonitoringManifests {
    private MonitoringManifests() {
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> of(Path repoRoot) throws IOException {
        Path monitoring = repoRoot.resolve("deploy/monitoring");
        Map<String, Object> rules = Serialization.unmarshal(Files.readString(monitoring.resolve("alerts.yml")), Map.class);
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", Cluster.PART_OF);
        HasMetadata podMonitor = Custom.of("monitoring.coreos.com/v1", "PodMonitor", Cluster.PART_OF, labels, map(
                "selector", map("matchLabels", labels),
                "podMetricsEndpoints", list(map("port", "http", "path", "/q/metrics", "interval", "30s"))));
        HasMetadata rule = Custom.of("monitoring.coreos.com/v1", "PrometheusRule", Cluster.PART_OF, labels,
                map("groups", rules.get("groups")));
        HasMetadata dashboard = new ConfigMapBuilder().withNewMetadata().withName(Cluster.PART_OF + "-dashboard")
                .addToLabels(labels).addToLabels("grafana_dashboard", "1").endMetadata()
                .addToData("tradeorders-flow.json", Files.readString(monitoring.resolve("dashboard.json"))).build();
        return List.of(podMonitor, rule, dashboard);
    }
}
