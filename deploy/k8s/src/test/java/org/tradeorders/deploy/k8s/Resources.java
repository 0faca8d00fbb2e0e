package org.tradeorders.deploy.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifests read back as an operator's kubectl would read them: typed Kubernetes objects (a field
 * the model does not know is reported), custom resources as generic ones navigated by path.
 */
final class Resources {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Resources() {
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> list) {
            return (List<HasMetadata>) list;
        }
        return List.of((HasMetadata) parsed);
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> custom(List<HasMetadata> all, String kind) {
        return all.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    /** A value of a custom resource by its path of keys, e.g. "spec", "replicas". */
    @SuppressWarnings("unchecked")
    static Object at(GenericKubernetesResource r, String... path) {
        Object node = r.getAdditionalProperties();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    /** A generic resource read again as the typed model {@code type} (Strimzi's own, for its kinds). */
    static <T> T typed(GenericKubernetesResource r, Class<T> type) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asYaml(r), type);
    }

    /** Fields the typed model did not know (a misspelling), anywhere in a typed resource: "Kind/name: path". */
    static List<String> unknownFields(Object typed) {
        List<String> found = new ArrayList<>();
        walk(typed, typed.getClass().getSimpleName(), found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    /** Fields the typed model did not know (a misspelling), anywhere in a typed resource: "Kind/name: path". */
    static List<String> unknownFields(HasMetadata r) {
        List<String> found = new ArrayList<>();
        if (!(r instanceof GenericKubernetesResource)) {
            walk(r, r.getKind() + "/" + r.getMetadata().getName(), found, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return found;
    }

    private static void walk(Object o, String path, List<String> found, Set<Object> seen) {
        boolean model = o != null && (o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                || o.getClass().getName().startsWith("io.strimzi.api"));
        if (!model || !seen.add(o)) {
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object item : c) {
                    walk(item, path + "[" + i++ + "]", found, seen);
                }
            } else if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            }
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        found.add(path + ": " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + m.getName().substring(3), found, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
