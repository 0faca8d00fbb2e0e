package org.tradeorders.deploy.k8s;

import static org.tradeorders.deploy.k8s.Cluster.HTTP_PORT;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's part of the deployment: its ServiceAccount (no API access), ConfigMap, Deployment
 * (probes, limits, a restricted security context, spread across nodes and zones), Service,
 * PodDisruptionBudget, HorizontalPodAutoscaler and NetworkPolicy. Every environment variable the
 * service reads without a default is set here, from the ConfigMap or a Secret.
 */
public final class ServiceManifests {
    /** Environment variables set from Secrets, and where from: secret name and key (DB_* per service). */
    static Map<String, String[]> secretEnv(ServiceConfig s) {
        Map<String, String[]> env = new LinkedHashMap<>();
        env.put("DB_USER", new String[] { Cluster.databaseSecret(s), "username" });
        env.put("DB_PASSWORD", new String[] { Cluster.databaseSecret(s), "password" });
        // Strimzi writes the KafkaUser's secret under the user's name, with its JAAS configuration
        env.put("KAFKA_SASL_JAAS_CONFIG", new String[] { s.name(), "sasl.jaas.config" });
        env.put("SMTP_USER", new String[] { Cluster.SMTP_SECRET, "username" });
        env.put("SMTP_PASSWORD", new String[] { Cluster.SMTP_SECRET, "password" });
        if (s.requiredEnv().contains("REMINDER_LINK_SECRET")) {
            env.put("REMINDER_LINK_SECRET", new String[] { s.name() + "-reminder-link", "secret" });
        }
        return env;
    }

    /** Environment variables set from the service's ConfigMap. */
    static Map<String, String> configEnv(ServiceConfig s) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(HTTP_PORT));
        env.put("DB_URL", "jdbc:postgresql://" + Cluster.DATABASE + "-rw:" + Cluster.DATABASE_PORT + "/" + s.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", Cluster.KAFKA_BOOTSTRAP);
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt");
        env.put("JWT_ISSUER", "https://id.tradeorders.example");
        env.put("JWT_PUBLIC_KEY_LOCATION", "/etc/tradeorders/jwt-public.pem");
        env.put("SMTP_HOST", "smtp.tradeorders.example");
        env.put("SMTP_PORT", "587");
        env.put("SMTP_START_TLS", "REQUIRED");
        env.put("MAIL_FROM", "orders@tradeorders.example");
        // traces to the OpenTelemetry collector beside Prometheus; JSON log lines (the default) for the log shipper
        env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector." + Cluster.MONITORING_NAMESPACE + ":"
                + Cluster.OTLP_PORT);
        // the heap follows the container's memory limit; an out-of-memory JVM exits and is restarted
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError");
        return env;
    }

    private ServiceManifests() {
    }

    static List<HasMetadata> of(ServiceConfig s) {
        Map<String, String> labels = labels(s);
        List<HasMetadata> all = new ArrayList<>();
        all.add(new ServiceAccountBuilder().withMetadata(meta(s.name(), labels)).withAutomountServiceAccountToken(false)
                .build());
        all.add(new ConfigMapBuilder().withMetadata(meta(s.name() + "-config", labels)).withData(configEnv(s)).build());
        all.add(deployment(s, labels));
        all.add(new ServiceBuilder().withMetadata(meta(s.name(), labels)).withNewSpec().withSelector(selector(s))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec()
                .build());
        all.add(new PodDisruptionBudgetBuilder().withMetadata(meta(s.name(), labels)).withNewSpec()
                .withMaxUnavailable(new IntOrString(1)).withNewSelector().withMatchLabels(selector(s)).endSelector()
                .endSpec().build());
        all.add(new HorizontalPodAutoscalerBuilder().withMetadata(meta(s.name(), labels)).withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(s.name())
                .endScaleTargetRef().withMinReplicas(1).withMaxReplicas(4).addNewMetric().withType("Resource")
                .withNewResource().withName("cpu").withNewTarget().withType("Utilization").withAverageUtilization(70)
                .endTarget().endResource().endMetric().endSpec().build());
        all.add(networkPolicy(s, labels));
        return all;
    }

    private static HasMetadata deployment(ServiceConfig s, Map<String, String> labels) {
        List<EnvVar> env = new ArrayList<>();
        secretEnv(s).forEach((name, from) -> env.add(new EnvVarBuilder().withName(name).withNewValueFrom()
                .withNewSecretKeyRef().withName(from[0]).withKey(from[1]).endSecretKeyRef().endValueFrom().build()));
        return new DeploymentBuilder().withMetadata(meta(s.name(), labels)).withNewSpec().withReplicas(1)
                .withNewSelector().withMatchLabels(selector(s)).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(new IntOrString(1))
                .withMaxUnavailable(new IntOrString(0)).endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
                .withServiceAccountName(s.name()).withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(30L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(Cluster.USER).withRunAsGroup(Cluster.USER)
                .withFsGroup(Cluster.USER).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("kubernetes.io/hostname")
                .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(selector(s))
                .endLabelSelector().endTopologySpreadConstraint()
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(selector(s))
                .endLabelSelector().endTopologySpreadConstraint()
                .addNewContainer().withName(s.name()).withImage("tradeorders/" + s.name() + ":" + s.version())
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(HTTP_PORT).withProtocol("TCP").endPort()
                .addNewEnvFrom().withNewConfigMapRef().withName(s.name() + "-config").endConfigMapRef().endEnvFrom()
                .withEnv(env)
                // started: migrations done and consumers subscribed; live: the JVM answers; ready: database and broker reachable
                .withStartupProbe(probe("/q/health/started", 30))
                .withLivenessProbe(probe("/q/health/live", 3))
                .withReadinessProbe(probe("/q/health/ready", 3))
                .withNewResources()
                .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withPrivileged(false).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .addNewVolumeMount().withName("jwt").withMountPath("/etc/tradeorders").withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("kafka-ca").withMountPath("/etc/kafka-ca").withReadOnly(true).endVolumeMount()
                .endContainer()
                // a read-only root: the JVM and Vert.x write only to /tmp
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir().endVolume()
                .addNewVolume().withName("jwt").withNewSecret().withSecretName(Cluster.JWT_SECRET).addNewItem()
                .withKey("jwt-public.pem").withPath("jwt-public.pem").endItem().endSecret().endVolume()
                .addNewVolume().withName("kafka-ca").withNewSecret().withSecretName(Cluster.KAFKA_CA_SECRET).addNewItem()
                .withKey("ca.crt").withPath("ca.crt").endItem().endSecret().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    private static Probe probe(String path, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(failureThreshold).build();
    }

    /**
     * Ingress only from the ingress controller and Prometheus; egress only to DNS, the brokers, the
     * database, SMTP and the trace collector.
     */
    private static HasMetadata networkPolicy(ServiceConfig s, Map<String, String> labels) {
        NetworkPolicyPeer ingressController = new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", Cluster.INGRESS_NAMESPACE).endNamespaceSelector().build();
        NetworkPolicyPeer monitoring = new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", Cluster.MONITORING_NAMESPACE).endNamespaceSelector().build();
        NetworkPolicyPeer dns = new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", "kube-system").endNamespaceSelector()
                .withNewPodSelector().addToMatchLabels("k8s-app", "kube-dns").endPodSelector().build();
        NetworkPolicyPeer brokers = new NetworkPolicyPeerBuilder().withNewPodSelector()
                .addToMatchLabels("strimzi.io/cluster", Cluster.KAFKA).addToMatchLabels("strimzi.io/kind", "Kafka")
                .endPodSelector().build();
        NetworkPolicyPeer database = new NetworkPolicyPeerBuilder().withNewPodSelector()
                .addToMatchLabels("cnpg.io/cluster", Cluster.DATABASE).endPodSelector().build();
        return new NetworkPolicyBuilder().withMetadata(meta(s.name(), labels)).withNewSpec()
                .withNewPodSelector().withMatchLabels(selector(s)).endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .addNewIngress().withFrom(ingressController, monitoring).withPorts(port("TCP", HTTP_PORT)).endIngress()
                .addNewEgress().withTo(dns).withPorts(port("UDP", 53), port("TCP", 53)).endEgress()
                .addNewEgress().withTo(brokers).withPorts(port("TCP", Cluster.KAFKA_PORT)).endEgress()
                .addNewEgress().withTo(database).withPorts(port("TCP", Cluster.DATABASE_PORT)).endEgress()
                .addNewEgress().withTo(monitoring).withPorts(port("TCP", Cluster.OTLP_PORT)).endEgress()
                // the mail relay is outside the cluster: only its submission port
                .addNewEgress().addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock().endTo()
                .withPorts(port("TCP", 587)).endEgress()
                .endSpec().build();
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).build();
    }

    static Map<String, String> selector(ServiceConfig s) {
        return Map.of("app.kubernetes.io/name", s.name());
    }

    static Map<String, String> labels(ServiceConfig s) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", s.name());
        labels.put("app.kubernetes.io/part-of", Cluster.PART_OF);
        return labels;
    }

    static ObjectMeta meta(String name, Map<String, String> labels) {
        return new ObjectMetaBuilder().withName(name).withLabels(labels).build();
    }
}
