package org.tradeorders.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.deploy.k8s.Resources.at;
import static org.tradeorders.deploy.k8s.Resources.custom;
import static org.tradeorders.deploy.k8s.Resources.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes every service, the alert rules are deployed as written, Grafana gets the dashboard. */
class MonitoringManifestsTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts(GenericKubernetesResource rule) {
        return ((List<Map<String, Object>>) at(rule, "spec", "groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertOfTheRuleFileIsDeployedWithItsSeverityAndSummary() throws IOException {
        List<GenericKubernetesResource> rules = custom(ManifestsTest.base(), "PrometheusRule");
        assertThat(rules).hasSize(1);
        List<Map<String, Object>> alerts = alerts(rules.get(0));

        assertThat(alerts).extracting(a -> a.get("alert")).doesNotHaveDuplicates().contains("OutboxLagging",
                "ConsumerLagging", "AggregateParked", "DeadLettersWaiting", "InvariantViolated", "ServerErrors",
                "DeadlinesOverdue", "MailNotGoingOut");
        for (Map<String, Object> a : alerts) {
            assertThat((String) a.get("expr")).as("expr of " + a.get("alert")).isNotBlank();
            assertThat(((Map<String, String>) a.get("labels")).get("severity")).as("severity of " + a.get("alert"))
                    .isIn("critical", "warning", "info");
            assertThat(((Map<String, String>) a.get("annotations")).get("summary")).as("summary of " + a.get("alert"))
                    .isNotBlank();
        }
    }

    @Test
    void prometheusScrapesEveryServicesMetricsAndMayReachThem() throws IOException {
        List<HasMetadata> all = ManifestsTest.base();
        List<GenericKubernetesResource> monitors = custom(all, "PodMonitor");
        assertThat(monitors).hasSize(1);
        assertThat(at(monitors.get(0), "spec", "selector", "matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/part-of", Cluster.PART_OF));
        assertThat(at(monitors.get(0), "spec", "podMetricsEndpoints")).asList().singleElement()
                .isEqualTo(Map.of("port", "http", "path", "/q/metrics", "interval", "30s"));
        List<NetworkPolicy> policies = ofKind(all, NetworkPolicy.class);
        assertThat(policies).hasSize(5).allSatisfy(p -> assertThat(p.getSpec().getIngress().get(0).getFrom())
                .anyMatch(from -> from.getNamespaceSelector() != null && Cluster.MONITORING_NAMESPACE.equals(
                        from.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))));
    }

    @Test
    void grafanaLoadsTheDashboardFromItsConfigMap() throws IOException {
        ConfigMap dashboard = ofKind(ManifestsTest.base(), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(Cluster.PART_OF + "-dashboard")).findFirst().orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");

        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("tradeorders-flow.json"));
        assertThat(json.path("uid").asText()).isEqualTo("tradeorders-flow");
        assertThat(json.path("panels").findValuesAsText("expr")).isNotEmpty()
                .anyMatch(e -> e.contains("tradeorders_orders_transitions_total"))
                .anyMatch(e -> e.contains("tradeorders_consumer_parked_aggregates"));
    }
}
