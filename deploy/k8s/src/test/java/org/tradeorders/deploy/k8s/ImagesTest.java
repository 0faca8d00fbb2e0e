package org.tradeorders.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.deploy.k8s.Resources.ofKind;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The container images, as far as they can be checked without a registry: what -Pimages builds
 * (platform/service-parent) runs as the non-root user, on the port, under the name the manifests
 * expect, from a pinned base image, with its labels.
 */
class ImagesTest {
    static Properties platformConfig() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ManifestsTest.REPO
                .resolve("platform/events/src/main/resources/META-INF/microprofile-config.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theImagesRunAsTheNonRootUserOnThePortAndUnderTheNamesTheManifestsExpect() throws IOException {
        Properties image = platformConfig();
        assertThat(image.getProperty("quarkus.jib.user")).isEqualTo(Long.toString(Cluster.USER)).isNotEqualTo("0");
        assertThat(image.getProperty("quarkus.jib.ports")).isEqualTo(Integer.toString(Cluster.HTTP_PORT));
        assertThat(image.getProperty("quarkus.jib.environment-variables.PORT")).isEqualTo(Integer.toString(Cluster.HTTP_PORT));
        assertThat(image.getProperty("quarkus.jib.base-jvm-image")).matches(".+:[0-9][^:]*").doesNotEndWith(":latest");
        assertThat(image.stringPropertyNames()).filteredOn(k -> k.startsWith("quarkus.container-image.labels."))
                .hasSizeGreaterThanOrEqualTo(2);
        // an ordinary build builds no image: only -Pimages does, and pushes it
        assertThat(image.getProperty("quarkus.container-image.build")).isEqualTo("false");
        assertThat(Files.readString(ManifestsTest.REPO.resolve("platform/service-parent/pom.xml")))
                .contains("<id>images</id>", "<quarkus.container-image.build>true</quarkus.container-image.build>",
                        "<quarkus.container-image.push>true</quarkus.container-image.push>");
        String group = image.getProperty("quarkus.container-image.group");
        assertThat(image.getProperty("quarkus.container-image.name")).isEqualTo("${quarkus.application.name}");
        for (Deployment d : ofKind(ManifestsTest.base(), Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImage()).startsWith(group + "/" + d.getMetadata().getName() + ":");
            assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(Cluster.HTTP_PORT));
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(Cluster.USER);
        }
    }
}
