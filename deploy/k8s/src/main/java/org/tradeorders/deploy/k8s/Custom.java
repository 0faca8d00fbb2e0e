package org.tradeorders.deploy.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A custom resource (Strimzi's, CloudNativePG's) as a generic object: apiVersion, kind, name, labels, spec. */
final class Custom {
    private Custom() {
    }

    static GenericKubernetesResource of(String apiVersion, String kind, String name, Map<String, String> labels,
            Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        r.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    /** An ordered map from key, value pairs (the YAML keeps the order written). */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
