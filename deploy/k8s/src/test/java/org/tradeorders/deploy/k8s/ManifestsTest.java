package org.tradeorders.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.deploy.k8s.Resources.at;
import static org.tradeorders.deploy.k8s.Resources.custom;
import static org.tradeorders.deploy.k8s.Resources.ofKind;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment a change to the code cannot silently break, checked offline: the committed
 * manifests are what the services' configuration makes, parse as Kubernetes objects without an
 * unknown field, and hold the rules (non-root, probes, limits, topics and exact ACLs for what each
 * service produces and consumes, every environment variable it needs set).
 */
class ManifestsTest {
    static final Path REPO = Path.of(System.getProperty("tradeorders.repo.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");

    static List<HasMetadata> base() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        for (Map.Entry<String, String> f : Manifests.files(REPO).entrySet()) {
            if (f.getKey().startsWith("base/") && !f.getKey().endsWith("kustomization.yaml")) {
                all.addAll(Resources.parse(f.getValue()));
            }
        }
        return all;
    }

    static ServiceConfig config(String service) throws IOException {
        return ServiceConfig.all(REPO).stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
    }

    @Test
    void theCommittedManifestsAreWhatTheServicesConfigurationMakes() throws IOException {
        Map<String, String> made = Manifests.files(REPO);
        for (Map.Entry<String, String> f : made.entrySet()) {
            Path committed = K8S.resolve(f.getKey());
            assertThat(committed).as(f.getKey() + " (run deploy/k8s/generate.sh and commit)").exists();
            assertThat(Files.readString(committed)).as(f.getKey() + " is stale: run deploy/k8s/generate.sh and commit")
                    .isEqualTo(f.getValue());
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            Set<String> yaml = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/"))
                    .map(p -> K8S.relativize(p).toString()).collect(Collectors.toSet());
            assertThat(yaml).as("no manifest beside the generated ones").isEqualTo(made.keySet());
        }
    }

    @Test
    void everyManifestParsesAsKubernetesObjectsWithoutAnUnknownField() throws IOException {
        List<HasMetadata> all = base();
        assertThat(all).hasSizeGreaterThan(40);
        assertThat(all).flatMap(Resources::unknownFields).isEmpty();
        assertThat(ofKind(all, Deployment.class)).hasSize(ServiceConfig.SERVICES.size());
    }

    @Test
    void aMisspeltFieldIsFound() {
        List<HasMetadata> parsed = Resources.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicaz: 2
                  template: {spec: {containers: [{name: x, image: x, imagePullPolicey: Always}]}}
                """);
        assertThat(Resources.unknownFields(parsed.get(0))).hasSize(2).anyMatch(f -> f.contains("replicaz"))
                .anyMatch(f -> f.contains("imagePullPolicey"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void strimzisResourcesReadAsItsOwnV1ModelWithoutAnUnknownField() throws IOException {
        List<HasMetadata> all = base();
        Map<String, Class<?>> models = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
                "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
        int read = 0;
        for (Map.Entry<String, Class<?>> kind : models.entrySet()) {
            for (GenericKubernetesResource r : custom(all, kind.getKey())) {
                assertThat(r.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
                Object typed = Resources.typed(r, kind.getValue());
                assertThat(Resources.unknownFields(typed)).as(kind.getKey() + " " + r.getMetadata().getName()).isEmpty();
                read++;
            }
        }
        assertThat(read).isGreaterThan(ServiceConfig.SERVICES.size() * 2);
        GenericKubernetesResource misspelt = custom(all, "KafkaTopic").get(0);
        ((Map<String, Object>) misspelt.getAdditionalProperties().get("spec")).put("replicaz", 3);
        assertThat(Resources.unknownFields(Resources.typed(misspelt, KafkaTopic.class))).isNotEmpty();
    }

    @Test
    void noServiceRunsAsRootOrWithoutProbesLimitsAndAnApiFreeServiceAccount() throws IOException {
        List<HasMetadata> all = base();
        for (Deployment d : ofKind(all, Deployment.class)) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isNotNull().isNotZero();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            ServiceAccount account = ofKind(all, ServiceAccount.class).stream()
                    .filter(a -> a.getMetadata().getName().equals(pod.getServiceAccountName())).findFirst().orElseThrow();
            assertThat(account.getAutomountServiceAccountToken()).isFalse();
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            }
            assertThat(pod.getTopologySpreadConstraints()).extracting(t -> t.getTopologyKey())
                    .contains("kubernetes.io/hostname");
            assertThat(ofKind(all, PodDisruptionBudget.class)).anyMatch(p -> p.getMetadata().getName().equals(name));
            assertThat(ofKind(all, HorizontalPodAutoscaler.class)).anyMatch(h -> h.getSpec().getScaleTargetRef()
                    .getName().equals(name));
            NetworkPolicy policy = ofKind(all, NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        }
    }

    @Test
    void everyEnvironmentVariableAServiceNeedsIsSetByItsConfigMapOrASecret() throws IOException {
        List<HasMetadata> all = base();
        for (ServiceConfig s : ServiceConfig.all(REPO)) {
            Deployment d = ofKind(all, Deployment.class).stream().filter(x -> x.getMetadata().getName().equals(s.name()))
                    .findFirst().orElseThrow();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<String> set = new HashSet<>(c.getEnv().stream().map(EnvVar::getName).toList());
            for (var from : c.getEnvFrom()) {
                ConfigMap map = ofKind(all, ConfigMap.class).stream()
                        .filter(m -> m.getMetadata().getName().equals(from.getConfigMapRef().getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(s.name() + " reads a ConfigMap that is not deployed"));
                set.addAll(map.getData().keySet());
            }
            assertThat(set).as(s.name() + ": variables it reads without a default").containsAll(s.requiredEnv());
            assertThat(s.requiredEnv()).as("the test sees what the services read").contains("DB_URL", "KAFKA_BOOTSTRAP_SERVERS");
            Set<String> known = new HashSet<>(s.requiredEnv());
            known.addAll(s.optionalEnv());
            known.add("JAVA_TOOL_OPTIONS"); // read by the JVM, not the service
            assertThat(known).as(s.name() + ": nothing set that it does not read").containsAll(set);
        }
    }

    @Test
    void everyTopicAServiceProducesOrConsumesExistsAndItsUserMayDoExactlyThat() throws IOException {
        List<HasMetadata> all = base();
        List<ServiceConfig> services = ServiceConfig.all(REPO);
        Map<String, GenericKubernetesResource> topics = custom(all, "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> (String) at(t, "spec", "topicName"), t -> t));
        for (ServiceConfig s : services) {
            List<String> used = new ArrayList<>(s.consumedTopics());
            used.add(s.ownTopic());
            used.addAll(s.deadLetterTopics());
            assertThat(topics).as(s.name()).containsKeys(used.toArray(String[]::new));
            GenericKubernetesResource user = custom(all, "KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(s.name())).findFirst().orElseThrow();
            assertThat(grants(user)).as(s.name() + "'s ACLs: what it does, nothing more").isEqualTo(expected(s));
        }
        assertThat(services).filteredOn(s -> s.name().equals("credit-limit-service")).singleElement()
                .satisfies(s -> assertThat(s.consumedTopics()).containsExactly("order-events", "payment-events"));
        for (GenericKubernetesResource t : topics.values()) {
            assertThat(at(t, "spec", "replicas")).isEqualTo(3);
            assertThat(at(t, "spec", "config", "min.insync.replicas")).isEqualTo(2);
            assertThat(at(t, "spec", "config", "retention.ms")).isNotNull();
        }
        assertThat(topics.keySet()).as("no topic nobody uses").isEqualTo(KafkaManifests.topics(services));
    }

    /** "topic:order-events:Read" for each operation an ACL grants. */
    @SuppressWarnings("unchecked")
    static Set<String> grants(GenericKubernetesResource user) {
        Set<String> grants = new HashSet<>();
        for (Object acl : (List<Object>) at(user, "spec", "authorization", "acls")) {
            Map<String, Object> a = (Map<String, Object>) acl;
            Map<String, Object> resource = (Map<String, Object>) a.get("resource");
            assertThat(resource.get("patternType")).as("no prefix or wildcard ACL").isEqualTo("literal");
            for (Object op : (List<Object>) a.get("operations")) {
                grants.add(resource.get("type") + ":" + resource.get("name") + ":" + op);
            }
        }
        return grants;
    }

    static Set<String> expected(ServiceConfig s) {
        Set<String> grants = new HashSet<>();
        grants.add("topic:" + s.ownTopic() + ":Write");
        grants.add("topic:" + s.ownTopic() + ":Describe");
        if (s.readsOwnTopic()) {
            grants.add("topic:" + s.ownTopic() + ":Read");
        }
        s.consumedTopics().forEach(t -> grants.addAll(List.of("topic:" + t + ":Read", "topic:" + t + ":Describe")));
        s.deadLetterTopics().forEach(t -> grants.addAll(List.of("topic:" + t + ":Write", "topic:" + t + ":Describe")));
        grants.add("group:" + s.name() + ":Read");
        return grants;
    }

    @Test
    void everySecretTheManifestsReadIsMadeByStrimziBySecretsShOrNamedThereForOpsToProvide() throws IOException {
        List<HasMetadata> all = base();
        Set<String> referenced = new HashSet<>();
        for (Deployment d : ofKind(all, Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream().filter(e -> e.getValueFrom() != null)
                    .forEach(e -> referenced.add(e.getValueFrom().getSecretKeyRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> referenced.add(v.getSecret().getSecretName()));
        }
        GenericKubernetesResource cluster = custom(all, "Cluster").get(0);
        for (Object role : (List<?>) at(cluster, "spec", "managed", "roles")) {
            referenced.add((String) ((Map<?, ?>) ((Map<?, ?>) role).get("passwordSecret")).get("name"));
        }
        referenced.add((String) at(custom(all, "ObjectStore").get(0), "spec", "configuration", "s3Credentials",
                "accessKeyId", "name"));
        ofKind(all, Ingress.class)
                .forEach(i -> i.getSpec().getTls().forEach(t -> referenced.add(t.getSecretName())));
        Set<String> byStrimzi = new HashSet<>(custom(all, "KafkaUser").stream().map(u -> u.getMetadata().getName()).toList());
        byStrimzi.add(Cluster.KAFKA_CA_SECRET);
        String script = Files.readString(K8S.resolve("secrets.sh"));
        for (String secret : referenced) {
            if (!byStrimzi.contains(secret) && !secret.startsWith(Cluster.DATABASE + "-")) {
                assertThat(script).as(secret + ": made or named by secrets.sh").contains(secret);
            }
        }
        for (ServiceConfig s : ServiceConfig.all(REPO)) {
            assertThat(script).as("secrets.sh makes " + Cluster.databaseSecret(s)).containsPattern(
                    "for db in [a-z_ ]*\\b" + s.database() + "\\b");
        }
        assertThat(referenced).contains(Cluster.SMTP_SECRET, Cluster.JWT_SECRET, "order-service-reminder-link");
    }

    @Test
    void eachServiceOwnsItsDatabaseAndTheClusterIsBackedUp() throws IOException {
        List<HasMetadata> all = base();
        GenericKubernetesResource cluster = custom(all, "Cluster").get(0);
        assertThat(at(cluster, "spec", "instances")).isEqualTo(3);
        assertThat((List<?>) at(cluster, "spec", "managed", "roles")).hasSize(ServiceConfig.SERVICES.size());
        assertThat((List<?>) at(cluster, "spec", "plugins")).singleElement()
                .satisfies(p -> assertThat(((Map<?, ?>) p).get("isWALArchiver")).isEqualTo(true));
        for (ServiceConfig s : ServiceConfig.all(REPO)) {
            assertThat(custom(all, "Database")).as(s.name()).anyMatch(d -> s.database().equals(at(d, "spec", "name"))
                    && s.database().equals(at(d, "spec", "owner")));
        }
        assertThat(custom(all, "ScheduledBackup")).hasSize(1);
    }
}
