package org.tradeorders.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.deploy.k8s.Resources.at;
import static org.tradeorders.deploy.k8s.Resources.custom;
import static org.tradeorders.deploy.k8s.Resources.ofKind;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Both overlays as {@code kubectl apply -k} would apply them, rendered by {@code kubectl kustomize}
 * (on the build machines; elsewhere the overlay's own patches are checked instead): dev runs one of
 * everything, production at least two replicas per service, three brokers and three database instances.
 */
class OverlaysTest {
    static final Path OVERLAYS = ManifestsTest.K8S.resolve("overlays");

    /** The overlay rendered by kubectl, or null where there is no kubectl. */
    static List<HasMetadata> rendered(String overlay) throws IOException, InterruptedException {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (kubectl == null) {
            return null;
        }
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", OVERLAYS.resolve(overlay).toString())
                .redirectErrorStream(false).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize " + overlay + ": " + errors).isZero();
        return Resources.parse(yaml);
    }

    @Test
    void devRunsOneOfEverything() throws Exception {
        List<HasMetadata> all = rendered("dev");
        if (all == null) {
            assertThat(Files.readString(OVERLAYS.resolve("dev/kustomization.yaml")))
                    .contains("kind: \"KafkaNodePool\"", "kind: \"Cluster\"", "path: /spec/replicas\n      value: 1");
            return;
        }
        inNamespace(all, "tradeorders-dev");
        assertThat(ofKind(all, Deployment.class)).hasSize(5).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isOne());
        assertThat(custom(all, "KafkaNodePool")).allSatisfy(p -> assertThat(at(p, "spec", "replicas")).isEqualTo(1));
        assertThat(custom(all, "KafkaTopic")).allSatisfy(t -> assertThat(at(t, "spec", "replicas")).isEqualTo(1));
        assertThat(custom(all, "Cluster")).allSatisfy(c -> assertThat(at(c, "spec", "instances")).isEqualTo(1));
        assertThat(custom(all, "KafkaNodePool")).allSatisfy(p -> assertThat(at(p, "spec", "resources", "limits", "memory"))
                .isEqualTo("1Gi"));
        assertThat(all).flatMap(Resources::unknownFields).isEmpty();
    }

    @Test
    void productionRunsAtLeastTwoOfEachServiceOnThreeBrokersAndThreeDatabaseInstances() throws Exception {
        List<HasMetadata> all = rendered("production");
        if (all == null) {
            assertThat(Files.readString(OVERLAYS.resolve("production/kustomization.yaml")))
                    .contains("kind: \"Deployment\"", "path: /spec/replicas\n      value: 2");
            return;
        }
        inNamespace(all, "tradeorders");
        assertThat(ofKind(all, Deployment.class)).hasSize(5)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(ofKind(all, HorizontalPodAutoscaler.class))
                .allSatisfy(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(ofKind(all, PodDisruptionBudget.class)).hasSize(5);
        assertThat(custom(all, "KafkaNodePool")).allSatisfy(p -> assertThat(at(p, "spec", "replicas")).isEqualTo(3));
        assertThat(custom(all, "Cluster")).allSatisfy(c -> assertThat(at(c, "spec", "instances")).isEqualTo(3));
        assertThat(ofKind(all, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).startsWith(Overlay.REGISTRY + "/"));
        assertThat(all).flatMap(Resources::unknownFields).isEmpty();
    }

    private static void inNamespace(List<HasMetadata> all, String namespace) {
        assertThat(ofKind(all, Namespace.class)).singleElement()
                .satisfies(n -> assertThat(n.getMetadata().getName()).isEqualTo(namespace));
        assertThat(all).filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).as(r.getKind()).isEqualTo(namespace));
    }
}
